package dev.nb2prod.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Text assembled from stretches of a cell's source and from inserted text, remembering for every character the
 * offset of the source it stands for. A copied run maps character by character; an inserted run maps every
 * character to one anchor offset.
 */
final class MappedText {

    /**
     * @param start index of the run's first character in this text
     * @param length number of characters
     * @param origin source offset of the first character (exact runs) or of every character (inserted runs)
     * @param exact true when character {@code k} of the run stands for source offset {@code origin + k}
     */
    record Run(int start, int length, int origin, boolean exact) {
        int originAt(int index) {
            return exact ? origin + index - start : origin;
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final List<Run> runs = new ArrayList<>();

    /** Appends {@code source[from, to)}, each character mapped to its own offset. */
    MappedText copy(String source, int from, int to) {
        add(source.substring(from, to), from, true);
        return this;
    }

    /** Appends {@code s} with its characters mapped to {@code origin}, {@code origin + 1}, ... */
    MappedText mapped(String s, int origin) {
        add(s, origin, true);
        return this;
    }

    /** Appends inserted text whose characters all stand for source offset {@code anchor}. */
    MappedText insert(String s, int anchor) {
        add(s, anchor, false);
        return this;
    }

    MappedText append(MappedText other) {
        for (Run r : other.runs) {
            add(other.text.substring(r.start(), r.start() + r.length()), r.origin(), r.exact());
        }
        return this;
    }

    /** Characters {@code [from, to)} of this text with their mapping. */
    MappedText slice(int from, int to) {
        MappedText out = new MappedText();
        for (Run r : runs) {
            int s = Math.max(from, r.start());
            int e = Math.min(to, r.start() + r.length());
            if (s < e) {
                out.add(text.substring(s, e), r.originAt(s), r.exact());
            }
        }
        return out;
    }

    private void add(String s, int origin, boolean exact) {
        if (s.isEmpty()) {
            return;
        }
        Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last != null && last.exact() == exact
                && (exact ? last.origin() + last.length() == origin : last.origin() == origin)) {
            runs.set(runs.size() - 1, new Run(last.start(), last.length() + s.length(), last.origin(), exact));
        } else {
            runs.add(new Run(text.length(), s.length(), origin, exact));
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
