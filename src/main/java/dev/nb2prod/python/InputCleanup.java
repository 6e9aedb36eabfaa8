package dev.nb2prod.python;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPython's clean-up of a cell before anything else ({@code TransformerManager.cleanup_transforms}): leading blank
 * lines are ignored, the indentation of the first non-blank line is removed from every line that starts with it
 * ({@code leading_indent}), then pasted prompts are removed: {@code >>> } and {@code ... } when the first line starts
 * with {@code >>>} or the second with either ({@code classic_prompt}), {@code In [n]: } and {@code ...: } when the
 * first or second line starts with one ({@code ipython_prompt}). Each of these removes a prefix of a line. Only the
 * first two lines are read unless something is removed, so that nested cell-magic bodies stay linear.
 */
final class InputCleanup {
    private static final Pattern INDENT = Pattern.compile("[ \t]+");
    private static final Pattern CLASSIC_FIRST = Pattern.compile(">>>( |$)", Pattern.UNIX_LINES);
    private static final Pattern CLASSIC = Pattern.compile("(>>>|\\.\\.\\.)( |$)", Pattern.UNIX_LINES);
    private static final Pattern IPYTHON = Pattern.compile("((\\[nav\\]|\\[ins\\])? )?In \\[\\d+\\]: |\\s*\\.{3,}: ?",
            Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS);

    /** The lines of a cell as the clean-up sees and changes them. */
    interface Lines {
        int count();

        /** Line {@code k} as cleaned so far, followed by {@code \r} when its line break starts with one. */
        String line(int k);

        /** Removes the first {@code length} characters of line {@code k}. */
        void cut(int k, int length);
    }

    private InputCleanup() {
    }

    static void apply(Lines lines) {
        int n = lines.count();
        int first = 0;
        while (first < n && PythonWhitespace.isBlank(lines.line(first))) {
            first++;
        }
        if (first == n) {
            return;
        }
        Matcher indent = INDENT.matcher(lines.line(first));
        if (indent.lookingAt()) {
            String space = indent.group();
            for (int k = first; k < n; k++) {
                if (lines.line(k).startsWith(space)) {
                    lines.cut(k, space.length());
                }
            }
        }
        stripPrompts(lines, first, CLASSIC_FIRST, CLASSIC);
        stripPrompts(lines, first, IPYTHON, IPYTHON);
    }

    private static void stripPrompts(Lines lines, int first, Pattern firstLine, Pattern prompt) {
        boolean pasted = firstLine.matcher(lines.line(first)).lookingAt()
                || first + 1 < lines.count() && prompt.matcher(lines.line(first + 1)).lookingAt();
        if (!pasted) {
            return;
        }
        for (int k = first; k < lines.count(); k++) {
            Matcher m = prompt.matcher(lines.line(k));
            if (m.lookingAt()) {
                lines.cut(k, m.end());
            }
        }
    }
}
