package dev.nb2prod.python.ast;

/** A call argument: positional, {@code keyword=value}, {@code *value} or {@code **value}. {@code keyword} nullable. */
public record Arg(Kind kind, String keyword, Expr value, Span span) implements Node {
    public enum Kind { POSITIONAL, KEYWORD, STAR, DOUBLE_STAR }
}
