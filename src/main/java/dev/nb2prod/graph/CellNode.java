package dev.nb2prod.graph;

import dev.nb2prod.python.SyntaxError;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One cell of the notebook in the cell graph. Markdown and raw cells are nodes too (with no names), so
 * that indexes match the notebook.
 *
 * @param index 0-based position among all cells
 * @param id the nbformat cell id, or empty
 * @param type code, markdown or raw
 * @param executionCount the saved execution count of a code cell, empty when never run
 * @param defines names the cell binds at module level
 * @param uses names the cell reads before binding them
 * @param mutates module-level names the cell changes in place
 * @param starImport true when the cell does {@code from m import *}
 * @param syntaxError the parse error of a code cell that does not parse
 * @param essential true when an output of the notebook depends on this cell
 * @param inputs external data the cell reads
 * @param outputs results the cell writes
 */
public record CellNode(
    int index,
    String id,
    String type,
    Optional<Integer> executionCount,
    SortedSet<String> defines,
    SortedSet<String> uses,
    SortedSet<String> mutates,
    boolean starImport,
    Optional<SyntaxError> syntaxError,
    boolean essential,
    List<IoAccess> inputs,
    List<IoAccess> outputs) {
    public CellNode {
        defines = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(defines));
        uses = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(uses));
        mutates = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(mutates));
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public boolean isCode() {
        return type.equals("code");
    }

    CellNode withEssential(boolean value) {
        return new CellNode(index, id, type, executionCount, defines, uses, mutates, starImport, syntaxError,
            value, inputs, outputs);
    }
}
