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

    /** Per magic: the options that take a value as the next word when written without one ({@code -n 10}). */
    private static final Map<String, Set<String>> VALUE_OPTIONS = Map.of(
            "timeit", Set.of("-n", "-r", "-p"), "prun", Set.of("-D", "-l", "-s", "-T"), "time", Set.of());

    private MagicOptions() {
    }

    /**
     * Index in {@code args} where the code starts: every leading word starting with {@code -} is an option, and
     * a value option written alone ({@code -n 10}, not {@code -n10}) also takes the next word.
     */
    static int codeStart(String magic, String args) {
        Set<String> valueOpts = VALUE_OPTIONS.getOrDefault(magic, Set.of());
        int i = skipSpaces(args, 0);
        while (i < args.length() && args.charAt(i) == '-') {
            int end = skipWord(args, i);
            String option = args.substring(i, end);
            i = skipSpaces(args, end);
            if (valueOpts.contains(option) && i < args.length()) {
                i = skipSpaces(args, skipWord(args, i));
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
