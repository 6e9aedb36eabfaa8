package dev.nb2prod.python;

/**
 * A lexical pre-check run before the parser: where the brackets of a cell first nest deeper than a limit. The
 * parser takes time and stack in proportion to that depth, and CPython's own tokenizer refuses more than 200
 * levels, so a cell beyond the limit is refused before it is parsed. Strings and comments are skipped the way
 * Python's tokenizer skips them; a string left open ends at its line (or at the end, for a triple-quoted one).
 */
final class BracketDepth {
    /** Where the limit is first exceeded: 1-based line and 0-based column. */
    record Position(int line, int column) {}

    private BracketDepth() {}

    /** The position of the first bracket deeper than {@code max}, or null when there is none. */
    static Position beyond(String source, int max) {
        int depth = 0;
        int line = 1;
        int lineStart = 0;
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (c == '#') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                boolean triple = i + 2 < n && source.charAt(i + 1) == c && source.charAt(i + 2) == c;
                i += triple ? 3 : 1;
                while (i < n) {
                    char s = source.charAt(i);
                    if (s == '\\' && i + 1 < n) {
                        if (source.charAt(i + 1) == '\n') {
                            line++;
                            lineStart = i + 2;
                        }
                        i += 2;
                    } else if (s == c && (!triple || (i + 2 < n && source.charAt(i + 1) == c && source.charAt(i + 2) == c))) {
                        i += triple ? 3 : 1;
                        break;
                    } else if (s == '\n') {
                        if (!triple) {
                            break; // an unterminated string ends at its line; the newline is counted above
                        }
                        line++;
                        lineStart = i + 1;
                        i++;
                    } else {
                        i++;
                    }
                }
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                    if (depth > max) {
                        return new Position(line, i - lineStart);
                    }
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                }
                i++;
            }
        }
        return null;
    }
}
