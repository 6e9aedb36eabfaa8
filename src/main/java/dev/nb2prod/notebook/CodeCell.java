package dev.nb2prod.notebook;

import java.util.List;
import java.util.Optional;

/**
 * A code cell.
 *
 * @param executionCount the execution count, empty when the cell was never run (or outputs were cleared)
 * @param outputs the saved outputs
 */
public record CodeCell(
        int index, String id, SourceText source, List<String> tags, int fileLine,
        Optional<Integer> executionCount, List<Output> outputs) implements Cell {
    public CodeCell {
        tags = List.copyOf(tags);
        outputs = List.copyOf(outputs);
    }
}
