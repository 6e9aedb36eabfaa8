package dev.nb2prod.python;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The physical lines of a text: where each starts, where its content ends and where its line break ({@code \n},
 * {@code \r\n} or a lone {@code \r}, as the parser counts them) ends. Line indexes are 0-based.
 */
final class SourceLines {
    private final String text;
    private final int[] starts;
    private final int[] contentEnds;

    SourceLines(String text) {
        this.text = text;
        List<Integer> lineStarts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        lineStarts.add(0);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                ends.add(i);
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lineStarts.add(i + 1);
            }
        }
        ends.add(n);
        this.starts = lineStarts.stream().mapToInt(Integer::intValue).toArray();
        this.contentEnds = ends.stream().mapToInt(Integer::intValue).toArray();
    }

    String text() {
        return text;
    }

    int count() {
        return starts.length;
    }

    int start(int line) {
        return starts[line];
    }

    int contentEnd(int line) {
        return contentEnds[line];
    }

    /** The offset after the line's break (the next line's start, or the end of the text). */
    int end(int line) {
        return line + 1 < starts.length ? starts[line + 1] : text.length();
    }

    String content(int line) {
        return text.substring(starts[line], contentEnds[line]);
    }

    /** True when the line's break is {@code \r\n} or a lone {@code \r}. */
    boolean breaksWithCarriageReturn(int line) {
        return contentEnds[line] < text.length() && text.charAt(contentEnds[line]) == '\r';
    }

    String terminator(int line) {
        return text.substring(contentEnds[line], end(line));
    }

    /** The line holding {@code offset} (an offset inside a line break belongs to that line). */
    int lineOf(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -i - 2;
    }
}
