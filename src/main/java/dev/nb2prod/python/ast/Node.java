package dev.nb2prod.python.ast;

/** Any node of the nb2prod Python AST. Every node knows where it is in the cell source. */
public interface Node {
    Span span();
}
