package dev.nb2prod.python;

import java.util.Map;
import java.util.Set;

/**
 * Which IPython magics carry Python code, and how to skip their leading options ({@code %timeit -n 10 -r 3 f()}).
 */
final class MagicOptions {

    /** Line magics whose argument text is Python code. */
    static final Set<String> PYTHON_LINE_MAGICS = Set.of("time", "timeit", "prun");

    /** Cell magics whose body is Python code run in the user namespace (or, for timeit, a timing function). */
    static final Set<String> PYTHON_CELL_MAGICS = Set.of("time", "timeit", "capture", "prun");

    /** Per magic: option letters that take a value; any other known letter is a flag. */
    private static final Map<String, String> VALUE_OPTIONS = Map.of("timeit", "nrp", "prun", "DTsl", "time", "");
    private static final Map<String, String> FLAG_OPTIONS = Map.of("timeit", "tcqo", "prun", "rq", "time", "");

    private MagicOptions() {
    }

    /** Index in {@code args} where the code starts, after the magic's options. */
    static int codeStart(String magic, String args) {
        String valueOpts = VALUE_OPTIONS.getOrDefault(magic, "");
        String flagOpts = FLAG_OPTIONS.getOrDefault(magic, "");
        int i = skipSpaces(args, 0);
        while (i + 1 < args.length() && args.charAt(i) == '-') {
            char letter = args.charAt(i + 1);
            if (valueOpts.indexOf(letter) >= 0) {
                int j = i + 2;
                if (j >= args.length() || Character.isWhitespace(args.charAt(j))) {
                    j = skipSpaces(args, j);
                }
                j = skipWord(args, j);
                i = skipSpaces(args, j);
            } else if (flagOpts.indexOf(letter) >= 0
                    && (i + 2 >= args.length() || Character.isWhitespace(args.charAt(i + 2)))) {
                i = skipSpaces(args, i + 2);
            } else {
                break;
            }
        }
        return i;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipWord(String s, int i) {
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
