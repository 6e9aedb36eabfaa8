package dev.nb2prod.extract.plan;

/** Finds the bracket closing an opening one in Python source, skipping strings and comments. */
final class Brackets {
    private Brackets() {}

    /** The index of the bracket that closes the one at {@code open}, or the text's length when there is none. */
    static int closing(String text, int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                i = afterString(text, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        return text.length();
    }

    /** The index just after the string literal starting at {@code start} (a quote). */
    private static int afterString(String text, int start) {
        char quote = text.charAt(start);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), start);
        String end = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
        int i = start + end.length();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (!triple && c == '\n') {
                return i;
            }
            if (text.startsWith(end, i)) {
                return i + end.length();
            }
            i++;
        }
        return text.length();
    }
}
