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
    List<Terminal> terminals) {
    public CellGraph {
        cells = List.copyOf(cells);
        edges = List.copyOf(edges);
        hiddenDependencies = List.copyOf(hiddenDependencies);
        undefined = List.copyOf(undefined);
        terminals = List.copyOf(terminals);
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

    public List<IoAccess> outputs() {
        return cells.stream().flatMap(c -> c.outputs().stream()).toList();
    }
}
