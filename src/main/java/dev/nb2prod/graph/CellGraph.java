package dev.nb2prod.graph;

import java.util.List;

/**
 * The cell graph of one notebook: which cell defines, reads and mutates which name, the def-use edges
 * between cells, names read before any earlier cell defines them, the execution order, and the cells
 * an output depends on.
 */
public record CellGraph(
    String notebook,
    List<CellNode> cells,
    List<Edge> edges,
    List<NameProblem> hiddenDependencies,
    List<NameProblem> undefined,
    ExecutionOrder executionOrder,
    List<Terminal> terminals,
    List<Result> results) {
    public CellGraph {
        cells = List.copyOf(cells);
        edges = List.copyOf(edges);
        hiddenDependencies = List.copyOf(hiddenDependencies);
        undefined = List.copyOf(undefined);
        terminals = List.copyOf(terminals);
        results = List.copyOf(results);
    }

    public CellNode cell(int index) {
        return cells.get(index);
    }

    public List<CellNode> codeCells() {
        return cells.stream().filter(CellNode::isCode).toList();
    }

    public List<IoAccess> inputs() {
        return cells.stream().flatMap(c -> c.inputs().stream()).toList();
    }

    /**
     * The backward slice of the given cells: them and every cell they depend on through the edges (0-based
     * indexes, ascending).
     */
    public java.util.SortedSet<Integer> slice(java.util.Collection<Integer> from) {
        return slice(edges, from);
    }

    static java.util.SortedSet<Integer> slice(List<Edge> edges, java.util.Collection<Integer> from) {
        java.util.Map<Integer, List<Integer>> sources = new java.util.HashMap<>();
        edges.forEach(e -> sources.computeIfAbsent(e.to(), k -> new java.util.ArrayList<>()).add(e.from()));
        java.util.SortedSet<Integer> reached = new java.util.TreeSet<>();
        java.util.Deque<Integer> work = new java.util.ArrayDeque<>(from);
        while (!work.isEmpty()) {
            int cell = work.pop();
            if (reached.add(cell)) {
                work.addAll(sources.getOrDefault(cell, List.of()));
            }
        }
        return reached;
    }

    public List<IoAccess> outputs() {
        return cells.stream().flatMap(c -> c.outputs().stream()).toList();
    }
}
