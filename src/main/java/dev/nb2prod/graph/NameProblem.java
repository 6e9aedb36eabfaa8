package dev.nb2prod.graph;

import dev.nb2prod.python.ast.Span;
import java.util.List;

/**
 * A name a cell reads that no earlier cell defines.
 *
 * @param name the name
 * @param cell the 0-based index of the cell that reads it
 * @param span where the cell first reads it
 * @param definedIn the later cells that define it (empty: defined nowhere)
 */
public record NameProblem(String name, int cell, Span span, List<Integer> definedIn) {
    public NameProblem {
        definedIn = List.copyOf(definedIn);
    }

    /** True for a hidden dependency: the name is defined, but only by a later cell. */
    public boolean hidden() {
        return !definedIn.isEmpty();
    }
}
