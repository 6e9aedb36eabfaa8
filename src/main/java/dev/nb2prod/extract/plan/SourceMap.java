package dev.nb2prod.extract.plan;

import dev.nb2prod.python.ast.Span;

/** Converts AST positions (1-based lines, 0-based columns) of one cell's source to string offsets. */
public final class SourceMap {
    private final String text;
    private final int[] lineStarts;

    public SourceMap(String text) {
        this.text = text;
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        lineStarts = new int[lines + 1];
        int line = 1;
        lineStarts[1] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && line < lines) {
                lineStarts[++line] = i + 1;
            }
        }
    }

    public String text() {
        return text;
    }

    /** The offset of a 1-based line and 0-based column, clamped into the text. */
    public int offset(int line, int column) {
        if (line < 1) {
            return 0;
        }
        if (line >= lineStarts.length) {
            return text.length();
        }
        return Math.min(text.length(), lineStarts[line] + column);
    }

    public int start(Span span) {
        return offset(span.startLine(), span.startCol());
    }

    public int end(Span span) {
        return offset(span.endLine(), span.endCol());
    }

    public String slice(Span span) {
        int s = start(span);
        int e = Math.max(s, end(span));
        return text.substring(s, e);
    }

    /** The start offset of the line holding {@code offset}. */
    public int lineStart(int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n') {
            i--;
        }
        return i;
    }

    /** The offset just after the end of the line holding {@code offset} (after its newline, if any). */
    public int lineEndInclusive(int offset) {
        int i = offset;
        while (i < text.length() && text.charAt(i) != '\n') {
            i++;
        }
        return i < text.length() ? i + 1 : i;
    }

    /** The text of the line holding the 1-based line number, without newline. */
    public String line(int line) {
        int s = offset(line, 0);
        int e = lineEndInclusive(s);
        return text.substring(s, e).stripTrailing();
    }
}
