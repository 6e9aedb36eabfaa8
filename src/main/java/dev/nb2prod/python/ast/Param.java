package dev.nb2prod.python.ast;

/**
 * A function or lambda parameter. {@code annotation} and {@code defaultValue} nullable. The bare {@code *} and
 * {@code /} separators are not parameters; they only change the kinds of the following ones. Python 2 tuple
 * parameters are flattened into their names.
 */
public record Param(String name, Kind kind, Expr annotation, Expr defaultValue, Span span) implements Node {
    public enum Kind { POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD, VAR_POSITIONAL, KEYWORD_ONLY, VAR_KEYWORD }
}
