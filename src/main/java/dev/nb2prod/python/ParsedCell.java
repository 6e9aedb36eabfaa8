package dev.nb2prod.python;

import dev.nb2prod.python.ast.Module;

/** The result of parsing one cell: its AST, or the syntax error that stopped it. */
public sealed interface ParsedCell {

    record Parsed(Module module) implements ParsedCell {}

    record Failed(SyntaxError error) implements ParsedCell {}
}
