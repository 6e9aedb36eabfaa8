package dev.nb2prod.python.ast;

/**
 * Source position of a node: lines are 1-based within the cell source, columns are 0-based character
 * offsets (like CPython's {@code col_offset}, but counted in UTF-16 chars rather than UTF-8 bytes),
 * the end is exclusive.
 */
public record Span(int startLine, int startCol, int endLine, int endCol) implements Comparable<Span> {

    public static final Span NONE = new Span(0, 0, 0, 0);

    /** The smallest span covering both spans. */
    public static Span cover(Span a, Span b) {
        Span first = a.compareTo(b) <= 0 ? a : b;
        boolean aEndsLater = a.endLine > b.endLine || (a.endLine == b.endLine && a.endCol >= b.endCol);
        Span last = aEndsLater ? a : b;
        return new Span(first.startLine, first.startCol, last.endLine, last.endCol);
    }

    /** True when {@code inner} lies within this span (ends included). */
    public boolean contains(Span inner) {
        boolean startsBefore = startLine < inner.startLine || startLine == inner.startLine && startCol <= inner.startCol;
        boolean endsAfter = endLine > inner.endLine || endLine == inner.endLine && endCol >= inner.endCol;
        return startsBefore && endsAfter;
    }

    /** Orders by start position, then by end position. */
    @Override
    public int compareTo(Span o) {
        if (startLine != o.startLine) {
            return Integer.compare(startLine, o.startLine);
        }
        if (startCol != o.startCol) {
            return Integer.compare(startCol, o.startCol);
        }
        if (endLine != o.endLine) {
            return Integer.compare(endLine, o.endLine);
        }
        return Integer.compare(endCol, o.endCol);
    }

    @Override
    public String toString() {
        return startLine + ":" + startCol + "-" + endLine + ":" + endCol;
    }
}
