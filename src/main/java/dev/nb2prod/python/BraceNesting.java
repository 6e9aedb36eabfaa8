package dev.nb2prod.python;

import java.util.Optional;

/**
 * Finds braces nested deeper than the Sonar parser can afford. Its PEG grammar tries a dict, then a set, then the
 * comprehensions at every {@code {}: when the code inside fails to parse, the work doubles with each enclosing
 * brace, so a cell with 60 nested braces and an error inside would parse for years. Real code nests braces a few
 * levels deep; past {@value #LIMIT} the cell is refused before parsing. Strings, comments, shell escapes
 * ({@code !cmd}) and line magics ({@code %x}) are skipped; a cell magic ({@code %%x}) is not Python and not
 * checked.
 */
final class BraceNesting {
    /** The deepest brace nesting parsed: about 0.1 s at worst with the Sonar parser on one core. */
    static final int LIMIT = 16;

    /** Where a brace opens more than {@link #LIMIT} levels deep: its 1-based line and 0-based column. */
    record TooDeep(int line, int column) {}

    private BraceNesting() {
    }

    static Optional<TooDeep> check(String source) {
        if (source.stripLeading().startsWith("%%")) {
            return Optional.empty();
        }
        int depth = 0;
        int line = 1;
        int lineStart = 0;
        boolean atLineStart = true;
        int i = 0;
        while (i < source.length()) {
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
            if (c == '#' || magic || (c == '!' && !next(source, i, '='))) {
                i = endOfLine(source, i);
            } else if (c == '\'' || c == '"') {
                int end = endOfString(source, i);
                for (int j = i; j < end; j++) {
                    if (source.charAt(j) == '\n') {
                        line++;
                        lineStart = j + 1;
                    }
                }
                i = end;
            } else {
                if (c == '{' && ++depth > LIMIT) {
                    return Optional.of(new TooDeep(line, i - lineStart));
                }
                if (c == '}' && depth > 0) {
                    depth--;
                }
                i++;
            }
        }
        return Optional.empty();
    }

    private static boolean next(String source, int i, char expected) {
        return i + 1 < source.length() && source.charAt(i + 1) == expected;
    }

    private static int endOfLine(String source, int i) {
        int newline = source.indexOf('\n', i);
        return newline < 0 ? source.length() : newline;
    }

    /** The index after the string starting at {@code start} (a quote), or where an unterminated one gives up. */
    private static int endOfString(String source, int start) {
        char quote = source.charAt(start);
        boolean triple = source.startsWith(String.valueOf(quote).repeat(3), start);
        int i = start + (triple ? 3 : 1);
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (triple && source.startsWith(String.valueOf(quote).repeat(3), i)) {
                return i + 3;
            } else if (!triple && c == quote) {
                return i + 1;
            } else if (!triple && c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return source.length();
    }
}
