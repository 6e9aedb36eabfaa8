package dev.nb2prod.graph;

/** A value the notebook ends with: defined by {@code cell} and never read by a later cell. */
public record Terminal(String name, int cell) {}
