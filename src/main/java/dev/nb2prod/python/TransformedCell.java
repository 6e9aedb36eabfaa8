package dev.nb2prod.python;

import dev.nb2prod.python.ast.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cell's source and the Python text IPython's input transformations make of it (see {@link IPythonTransform}),
 * line for line: the Python text has the same lines, each with the same line break; a changed line carries the
 * source offset every one of its characters stands for. Maps positions of the Python text back to the source.
 */
final class TransformedCell {
    private final SourceLines source;
    private final String python;
    /** 0-based line → its new content; absent lines are unchanged. */
    private final Map<Integer, MappedText> changed;

    TransformedCell(SourceLines source, Map<Integer, MappedText> changed) {
        this.source = source;
        this.changed = new TreeMap<>(changed);
        if (changed.isEmpty()) {
            this.python = source.text();
        } else {
            StringBuilder out = new StringBuilder(source.text().length() + 16);
            for (int i = 0; i < source.count(); i++) {
                MappedText line = changed.get(i);
                if (line == null) {
                    out.append(source.text(), source.start(i), source.contentEnd(i));
                } else {
                    out.append(line.text());
                }
                out.append(source.text(), source.contentEnd(i), source.end(i));
            }
            this.python = out.toString();
        }
    }

    /** The source unchanged. */
    static TransformedCell identity(String source) {
        return new TransformedCell(new SourceLines(source), Map.of());
    }

    String source() {
        return source.text();
    }

    String python() {
        return python;
    }

    boolean unchanged() {
        return changed.isEmpty();
    }

    /**
     * The source span of the Python text from (startLine, startCol) to (endLine, endCol): lines 1-based, columns
     * 0-based, the end exclusive.
     */
    Span span(int startLine, int startCol, int endLine, int endCol) {
        if (changed.isEmpty()) {
            return new Span(startLine, startCol, endLine, endCol);
        }
        int start = startOffset(startLine, startCol);
        int end = Math.max(start, endOffset(endLine, endCol));
        int sl = source.lineOf(start);
        int el = source.lineOf(end);
        return new Span(sl + 1, start - source.start(sl), el + 1, end - source.start(el));
    }

    /** The source position (1-based line, 0-based column) of a position of the Python text. */
    int[] position(int line, int col) {
        if (changed.isEmpty()) {
            return new int[] {line, col};
        }
        int offset = startOffset(line, col);
        int l = source.lineOf(offset);
        return new int[] {l + 1, offset - source.start(l)};
    }

    /** The source text under a span of the source. */
    String sourceText(Span span) {
        int start = sourceOffset(span.startLine(), span.startCol());
        int end = sourceOffset(span.endLine(), span.endCol());
        return source.text().substring(start, Math.max(start, end));
    }

    private int sourceOffset(int line, int col) {
        if (line < 1) {
            return 0;
        }
        if (line > source.count()) {
            return source.text().length();
        }
        return Math.min(source.start(line - 1) + Math.max(0, col), source.contentEnd(line - 1));
    }

    private int startOffset(int line, int col) {
        int i = Math.max(0, Math.min(line - 1, source.count() - 1));
        MappedText text = changed.get(i);
        if (text == null) {
            return Math.min(source.start(i) + col, source.end(i));
        }
        if (col < text.length()) {
            return text.originAt(Math.max(0, col));
        }
        return source.contentEnd(i);
    }

    private int endOffset(int line, int col) {
        int i = Math.max(0, Math.min(line - 1, source.count() - 1));
        MappedText text = changed.get(i);
        if (text == null || col <= 0 || col > text.length()) {
            return startOffset(line, col);
        }
        return text.endOriginAt(col);
    }

    /**
     * The edits that turn the source into the Python text: the characters of the Python text copied in order from
     * the source are kept, everything between them is replaced.
     */
    List<TextEdit> edits() {
        List<TextEdit> edits = new ArrayList<>();
        if (changed.isEmpty()) {
            return edits;
        }
        EditCollector collector = new EditCollector(source.text(), edits);
        for (Map.Entry<Integer, MappedText> entry : changed.entrySet()) {
            int i = entry.getKey();
            collector.keepUntil(source.start(i)); // the unchanged lines before it
            MappedText text = entry.getValue();
            String chars = text.text();
            List<MappedText.Mark> marks = text.marks();
            int m = 0;
            for (MappedText.Run run : text.runs()) {
                for (; m < marks.size() && marks.get(m).at() <= run.start(); m++) {
                    collector.copy(marks.get(m).origin(), marks.get(m).origin(), "");
                }
                String piece = chars.substring(run.start(), run.start() + run.length());
                if (run.kept() && source.text().startsWith(piece, run.origin())) {
                    collector.copy(run.origin(), run.origin() + run.length(), piece);
                } else {
                    collector.insert(piece);
                }
            }
            for (; m < marks.size(); m++) {
                collector.copy(marks.get(m).origin(), marks.get(m).origin(), "");
            }
            collector.copy(source.contentEnd(i), source.end(i), source.terminator(i));
        }
        collector.keepUntil(source.text().length());
        collector.copy(source.text().length(), source.text().length(), "");
        return List.copyOf(edits);
    }

    /** Walks the Python text as copies of the source and insertions, collecting the gaps as edits. */
    private static final class EditCollector {
        private final String source;
        private final List<TextEdit> edits;
        private final StringBuilder pending = new StringBuilder();
        private int cursor;

        EditCollector(String source, List<TextEdit> edits) {
            this.source = source;
            this.edits = edits;
        }

        /** Source {@code [from, to)} (whose text is {@code text}) comes next; out of order it is inserted. */
        void copy(int from, int to, String text) {
            if (from < cursor) {
                insert(text);
                return;
            }
            if (from > cursor || !pending.isEmpty()) {
                if (!(from - cursor == pending.length() && source.startsWith(pending.toString(), cursor))) {
                    edits.add(new TextEdit(cursor, from, pending.toString()));
                }
                pending.setLength(0);
            }
            cursor = to;
        }

        /** The source up to {@code offset} is kept as it is. */
        void keepUntil(int offset) {
            if (offset > cursor) {
                copy(cursor, offset, source.substring(cursor, offset));
            }
        }

        void insert(String text) {
            pending.append(text);
        }
    }
}
