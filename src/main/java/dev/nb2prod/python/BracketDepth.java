package dev.nb2prod.python;

/**
 * A lexical pre-check run before the parser: where the brackets of a cell first nest deeper than the limits. The
 * parser's time and stack grow with bracket depth (CPython's own tokenizer refuses more than 200 levels), and with
 * braces it grows exponentially: SonarSource's PEG grammar tries a dict, a set and the comprehensions at every
 * {@code {}, so when the code inside fails to parse the work doubles with each enclosing brace. A cell beyond
 * either limit is refused before it is parsed.
 *
 * <p>Strings, comments, shell escapes ({@code !cmd}) and line magics ({@code %x}) are skipped; a string left open
 * ends at its line (or at the end, for a triple-quoted one). A cell magic ({@code %%x}) is not Python and is not
 * checked here: the Python under {@code %%time} and the like is checked when it is parsed.
 */
final class BracketDepth {
    /**
     * Where a limit is first exceeded.
     *
     * @param line 1-based line
     * @param column 0-based column of the bracket
     * @param brace true when the brace limit was exceeded (else the limit on all brackets)
     */
    record Position(int line, int column, boolean brace) {}

    private BracketDepth() {}

    /** The first bracket deeper than {@code max}, counting every kind of bracket, or null when there is none. */
    static Position beyond(String source, int max) {
        return beyond(source, max, Integer.MAX_VALUE);
    }

    /**
     * The first bracket deeper than {@code maxBrackets} (all kinds) or brace deeper than {@code maxBraces}, or null
     * when there is none.
     */
    static Position beyond(String source, int maxBrackets, int maxBraces) {
        if (source.stripLeading().startsWith("%%")) {
            return null;
        }
        int depth = 0;
        int braces = 0;
        int line = 1;
        int lineStart = 0;
        boolean atLineStart = true;
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                atLineStart = true;
                i++;
                continue;
            }
            if (atLineStart && (c == ' ' || c == '\t')) {
                i++;
                continue;
            }
            boolean magic = atLineStart && c == '%';
            atLineStart = false;
            if (c == '#' || magic || (c == '!' && !(i + 1 < n && source.charAt(i + 1) == '='))) {
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
                    if (depth > maxBrackets) {
                        return new Position(line, i - lineStart, false);
                    }
                    if (c == '{' && ++braces > maxBraces) {
                        return new Position(line, i - lineStart, true);
                    }
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                    if (c == '}' && braces > 0) {
                        braces--;
                    }
                }
                i++;
            }
        }
        return null;
    }
}
