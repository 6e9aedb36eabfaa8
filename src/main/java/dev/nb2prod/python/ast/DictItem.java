package dev.nb2prod.python.ast;

/** {@code key: value} in a dict display; {@code key} is null for a {@code **value} entry. */
public record DictItem(Expr key, Expr value, Span span) implements Node {}
