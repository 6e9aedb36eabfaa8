package dev.nb2prod.python;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPython's clean-up of a cell before anything else ({@code TransformerManager.cleanup_transforms}): leading blank
 * lines are ignored, the indentation of the first non-blank line is removed from every line that starts with it
 * ({@code leading_indent}), then pasted prompts are removed: {@code >>> } and {@code ... } when the first line starts
 * with {@code >>>} or the second with either ({@code classic_prompt}), {@code In [n]: } and {@code ...: } when the
 * first or second line starts with one ({@code ipython_prompt}). Each of these removes a prefix of a line.
 */
final class InputCleanup {
    private static final Pattern INDENT = Pattern.compile("[ \t]+");
    private static final Pattern CLASSIC_FIRST = Pattern.compile(">>>( |$)", Pattern.UNIX_LINES);
    private static final Pattern CLASSIC = Pattern.compile("(>>>|\\.\\.\\.)( |$)", Pattern.UNIX_LINES);
    private static final Pattern IPYTHON = Pattern.compile("((\\[nav\\]|\\[ins\\])? )?In \\[\\d+\\]: |\\s*\\.{3,}: ?",
            Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS);

    private InputCleanup() {
    }

    /**
     * How many leading characters the clean-up removes from each line. {@code lines} are the lines' contents, each
     * followed by {@code \r} when its line break starts with one (IPython's {@code $} does not match before it).
     */
    static int[] removedPrefixes(List<String> lines) {
        int[] removed = new int[lines.size()];
        String[] current = lines.toArray(String[]::new);
        int first = 0;
        while (first < current.length && PythonWhitespace.isBlank(current[first])) {
            first++;
        }
        if (first == current.length) {
            return removed;
        }
        Matcher indent = INDENT.matcher(current[first]);
        if (indent.lookingAt()) {
            String space = indent.group();
            for (int i = first; i < current.length; i++) {
                if (current[i].startsWith(space)) {
                    cut(current, removed, i, space.length());
                }
            }
        }
        stripPrompts(current, removed, first, CLASSIC_FIRST, CLASSIC);
        stripPrompts(current, removed, first, IPYTHON, IPYTHON);
        return removed;
    }

    private static void stripPrompts(String[] lines, int[] removed, int first, Pattern firstLine, Pattern prompt) {
        boolean pasted = firstLine.matcher(lines[first]).lookingAt()
                || first + 1 < lines.length && prompt.matcher(lines[first + 1]).lookingAt();
        if (!pasted) {
            return;
        }
        for (int i = first; i < lines.length; i++) {
            Matcher m = prompt.matcher(lines[i]);
            if (m.lookingAt()) {
                cut(lines, removed, i, m.end());
            }
        }
    }

    private static void cut(String[] lines, int[] removed, int line, int length) {
        lines[line] = lines[line].substring(length);
        removed[line] += length;
    }
}
