package dev.nb2prod.graph;

import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.notebook.Notebook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Derives the {@link ExecutionOrder} of a notebook from its saved execution counts. */
final class ExecutionOrders {
    private ExecutionOrders() {}

    static ExecutionOrder of(Notebook notebook) {
        List<CodeCell> executed = new ArrayList<>();
        List<Integer> neverRun = new ArrayList<>();
        List<ExecutionOrder.OutOfOrder> outOfOrder = new ArrayList<>();
        CodeCell highest = null;
        for (CodeCell cell : notebook.codeCells()) {
            if (cell.executionCount().isEmpty()) {
                if (!cell.source().text().isBlank()) {
                    neverRun.add(cell.index());
                }
                continue;
            }
            int count = cell.executionCount().get();
            if (highest != null && count < highest.executionCount().get()) {
                outOfOrder.add(new ExecutionOrder.OutOfOrder(cell.index(), count, highest.index(),
                    highest.executionCount().get()));
            }
            if (highest == null || count > highest.executionCount().get()) {
                highest = cell;
            }
            executed.add(cell);
        }
        executed.sort(Comparator.comparingInt((CodeCell c) -> c.executionCount().get()).thenComparingInt(CodeCell::index));
        List<ExecutionOrder.Gap> gaps = new ArrayList<>();
        for (int i = 1; i < executed.size(); i++) {
            int before = executed.get(i - 1).executionCount().get();
            int after = executed.get(i).executionCount().get();
            if (after > before + 1) {
                gaps.add(new ExecutionOrder.Gap(before, after));
            }
        }
        return new ExecutionOrder(executed.stream().map(CodeCell::index).toList(), neverRun, outOfOrder, gaps);
    }
}
