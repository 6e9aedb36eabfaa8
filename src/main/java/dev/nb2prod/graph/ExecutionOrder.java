package dev.nb2prod.graph;

import java.util.List;

/**
 * How the author actually ran the notebook, from the saved execution counts.
 *
 * @param runOrder 0-based indexes of the executed code cells, in the order of their execution counts
 * @param neverRun code cells with source but no execution count
 * @param outOfOrder cells whose count is lower than that of a cell above them
 * @param gaps missing counts between consecutive executed cells (cells re-run or deleted)
 */
public record ExecutionOrder(List<Integer> runOrder, List<Integer> neverRun, List<OutOfOrder> outOfOrder, List<Gap> gaps) {
    public ExecutionOrder {
        runOrder = List.copyOf(runOrder);
        neverRun = List.copyOf(neverRun);
        outOfOrder = List.copyOf(outOfOrder);
        gaps = List.copyOf(gaps);
    }

    /** Cell {@code cell} ran (count {@code count}) before cell {@code above} (count {@code aboveCount}) above it. */
    public record OutOfOrder(int cell, int count, int above, int aboveCount) {}

    /** Counts {@code after + 1 .. before - 1} are missing from the saved notebook. */
    public record Gap(int after, int before) {}

    public boolean linear() {
        return outOfOrder.isEmpty();
    }
}
