package dev.nb2prod.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Text assembled from stretches of a cell's source and from inserted text, remembering for every character the
 * offset of the source it stands for. A copied run maps character by character; an inserted run maps every
 * character to one anchor offset. For the edits that turn the source into this text ({@link TransformedCell#edits}),
 * kept runs are source text left in place and marks are boundaries between two replacements (so that a quoted
 * argument is replaced as a whole, where the AST puts its string literal).
 */
final class MappedText {

    /**
     * @param start index of the run's first character in this text
     * @param length number of characters
     * @param origin source offset of the first character (exact runs) or of every character (inserted runs)
     * @param exact true when character {@code k} of the run stands for source offset {@code origin + k}
     * @param kept true when the run is the source text at {@code origin}, left in place by the edits
     */
    record Run(int start, int length, int origin, boolean exact, boolean kept) {
        int originAt(int index) {
            return exact ? origin + index - start : origin;
        }
    }

    /** A boundary between edits at index {@code at} of this text, standing for source offset {@code origin}. */
    record Mark(int at, int origin) {}

    private final StringBuilder text = new StringBuilder();
    private final List<Run> runs = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();

    /** Appends {@code source[from, to)}, kept in place, each character mapped to its own offset. */
    MappedText copy(String source, int from, int to) {
        add(source.substring(from, to), from, true, true);
        return this;
    }

    /** Appends {@code s}, replacing the source, with its characters mapped to {@code origin}, {@code origin + 1}... */
    MappedText mapped(String s, int origin) {
        add(s, origin, true, false);
        return this;
    }

    /** Appends inserted text whose characters all stand for source offset {@code anchor}. */
    MappedText insert(String s, int anchor) {
        add(s, anchor, false, false);
        return this;
    }

    /** Marks a boundary between edits at the current end, standing for source offset {@code origin}. */
    MappedText mark(int origin) {
        marks.add(new Mark(text.length(), origin));
        return this;
    }

    MappedText append(MappedText other) {
        return append(other, true);
    }

    /** Appends {@code other} as text that replaces the source (never kept in place), with the same mapping. */
    MappedText appendReplacing(MappedText other) {
        return append(other, false);
    }

    private MappedText append(MappedText other, boolean keep) {
        int offset = text.length();
        int r = 0;
        for (Mark m : other.marks) {
            while (r < other.runs.size() && other.runs.get(r).start() < m.at()) {
                appendRun(other, other.runs.get(r++), keep);
            }
            marks.add(new Mark(offset + m.at(), m.origin()));
        }
        while (r < other.runs.size()) {
            appendRun(other, other.runs.get(r++), keep);
        }
        return this;
    }

    private void appendRun(MappedText other, Run run, boolean keep) {
        add(other.text.substring(run.start(), run.start() + run.length()), run.origin(), run.exact(), keep && run.kept());
    }

    /** Characters {@code [from, to)} of this text with their mapping (marks are not carried). */
    MappedText slice(int from, int to) {
        MappedText out = new MappedText();
        for (Run r : runs) {
            int s = Math.max(from, r.start());
            int e = Math.min(to, r.start() + r.length());
            if (s < e) {
                out.add(text.substring(s, e), r.originAt(s), r.exact(), r.kept());
            }
        }
        return out;
    }

    private void add(String s, int origin, boolean exact, boolean kept) {
        if (s.isEmpty()) {
            return;
        }
        Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        boolean noMarkBetween = marks.isEmpty() || marks.get(marks.size() - 1).at() < text.length();
        if (last != null && noMarkBetween && last.exact() == exact && last.kept() == kept
                && (exact ? last.origin() + last.length() == origin : last.origin() == origin)) {
            runs.set(runs.size() - 1, new Run(last.start(), last.length() + s.length(), last.origin(), exact, kept));
        } else {
            runs.add(new Run(text.length(), s.length(), origin, exact, kept));
        }
        text.append(s);
    }

    String text() {
        return text.toString();
    }

    int length() {
        return text.length();
    }

    char charAt(int index) {
        return text.charAt(index);
    }

    List<Run> runs() {
        return List.copyOf(runs);
    }

    List<Mark> marks() {
        return List.copyOf(marks);
    }

    /** The run holding character {@code index} (0 &lt;= index &lt; length). */
    Run runAt(int index) {
        int lo = 0;
        int hi = runs.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (runs.get(mid).start() <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return runs.get(lo);
    }

    /** Source offset of character {@code index}. */
    int originAt(int index) {
        return runAt(index).originAt(index);
    }

    /** Source offset just after character {@code index - 1}: where a span ending at {@code index} ends. */
    int endOriginAt(int index) {
        Run r = runAt(index - 1);
        return r.exact() ? r.originAt(index - 1) + 1 : r.origin();
    }
}
