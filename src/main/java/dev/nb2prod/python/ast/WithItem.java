package dev.nb2prod.python.ast;

/** {@code context [as target]}; {@code target} nullable. */
public record WithItem(Expr context, Expr target, Span span) implements Node {}
