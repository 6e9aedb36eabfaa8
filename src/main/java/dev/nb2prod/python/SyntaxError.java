package dev.nb2prod.python;

/** A cell that does not parse: a one-line message, 1-based line within the cell and 1-based column. */
public record SyntaxError(String message, int line, int column) {}
