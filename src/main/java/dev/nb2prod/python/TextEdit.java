package dev.nb2prod.python;

/**
 * One replacement in a cell's source: the characters {@code [start, end)} (offsets in the source string) become
 * {@code text}. Applied in order, the edits of {@link IPythonTransform#edits} turn a cell into the Python IPython runs.
 */
public record TextEdit(int start, int end, String text) {}
