package dev.nb2prod.python;

/**
 * Python's lexical state from one physical line to the next, as far as IPython needs it to find the start of a
 * logical line: open brackets, an open string (triple-quoted, or single-quoted and continued by a backslash) and a
 * backslash continuation. Also remembers whether the last token of the logical line is a {@code ?} (IPython's
 * {@code obj?} help syntax). A single-quoted string left open ends at its line. Feed the lines of one logical line
 * after another with {@link #scan}; IPython's special lines (magics, escapes) are never fed.
 */
final class LineScanner {
    private int depth;
    private String quote;
    private boolean continued;
    private boolean questionMarkLast;

    /** True between logical lines: no bracket, string or backslash continuation open. */
    boolean atLogicalStart() {
        return depth == 0 && quote == null && !continued;
    }

    /** True when the last token of the logical line scanned is a {@code ?} (no string or comment after it). */
    boolean endsWithQuestionMark() {
        return questionMarkLast;
    }

    /** Scans one physical line (without its line break). */
    void scan(String line) {
        if (atLogicalStart()) {
            questionMarkLast = false;
        }
        continued = false;
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (quote != null) {
                if (c == '\\') {
                    if (i == n - 1) {
                        continued = true; // a backslash-newline inside a string: the string goes on
                    }
                    i += 2;
                } else if (line.startsWith(quote, i)) {
                    i += quote.length();
                    quote = null;
                    questionMarkLast = false;
                } else {
                    i++;
                }
                continue;
            }
            if (c == '#') {
                questionMarkLast = false;
                break;
            }
            if (c == '\'' || c == '"') {
                quote = quoteAt(line, i);
                i += quote.length();
                continue;
            }
            if (c == '\\' && i == n - 1) {
                continued = true;
                break;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            if (!PythonWhitespace.isSpace(c)) {
                questionMarkLast = c == '?';
            }
            i++;
        }
        if (quote != null && quote.length() == 1 && !continued) {
            quote = null; // an unterminated one-line string ends at the line end
        }
        if (quote != null) {
            continued = false; // inside a string the string is what goes on
        }
    }

    /**
     * True when {@code line}, from {@code from} on, is an assignment from a magic or a shell command
     * ({@code x = %who_ls}, {@code files = !ls}): its first {@code =} outside brackets and strings is followed
     * by {@code !} or by {@code %} and a name, as IPython's {@code MagicAssign} and {@code SystemAssign} require.
     */
    static boolean magicAssignment(String line, int from) {
        int depth = 0;
        int n = line.length();
        int i = from;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '#') {
                return false;
            }
            if (c == '\'' || c == '"') {
                i = skipString(line, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == '=' && depth == 0) {
                if (i + 1 < n && line.charAt(i + 1) == '=') {
                    i += 2; // ==
                    continue;
                }
                if (i == from || "=!<>+-*/%&|^@:~".indexOf(line.charAt(i - 1)) < 0) {
                    return magicAfter(line, i + 1); // the first assignment decides
                }
            }
            i++;
        }
        return false;
    }

    private static boolean magicAfter(String line, int index) {
        int i = index;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        if (i + 1 >= line.length()) {
            return i < line.length() && line.charAt(i) == '!';
        }
        char c = line.charAt(i);
        char next = line.charAt(i + 1);
        return c == '!' && next != '=' || c == '%' && (next == '_' || Character.isUnicodeIdentifierStart(next));
    }

    /** The index after the string starting at {@code start}, or the line end when it is not closed there. */
    private static int skipString(String line, int start) {
        String quote = quoteAt(line, start);
        int i = start + quote.length();
        while (i < line.length()) {
            if (line.charAt(i) == '\\') {
                i += 2;
            } else if (line.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return line.length();
    }

    /** The quote opening a string at {@code index}: three quote characters or one. */
    private static String quoteAt(String line, int index) {
        String one = String.valueOf(line.charAt(index));
        return line.startsWith(one.repeat(3), index) ? one.repeat(3) : one;
    }
}
