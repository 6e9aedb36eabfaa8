package dev.nb2prod.graph;

import java.util.List;

/**
 * The assessment checklist of a notebook, answered from its cell graph: what it reads and writes, which
 * cells matter for its results, and whether it can be trusted to run top to bottom.
 *
 * @param inputs external data the notebook reads
 * @param outputs results it writes
 * @param essentialCells 0-based indexes of the code cells a result depends on
 * @param exploratoryCells code cells nothing essential depends on
 * @param executionOrder how the author ran it
 * @param hiddenDependencies names read before any cell above defines them
 * @param undefined names read that no cell defines
 * @param terminals the values the notebook ends with
 * @param results what the notebook displays, draws, fits, computes and writes (see {@link Result})
 */
public record Checklist(
    List<IoAccessAt> inputs, List<IoAccessAt> outputs, List<Integer> essentialCells, List<Integer> exploratoryCells,
    ExecutionOrder executionOrder, List<NameProblem> hiddenDependencies, List<NameProblem> undefined,
    List<Terminal> terminals, List<Result> results) {
    public Checklist {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        essentialCells = List.copyOf(essentialCells);
        exploratoryCells = List.copyOf(exploratoryCells);
        hiddenDependencies = List.copyOf(hiddenDependencies);
        undefined = List.copyOf(undefined);
        terminals = List.copyOf(terminals);
        results = List.copyOf(results);
    }

    /** An input or output and the cell that performs it. */
    public record IoAccessAt(int cell, IoAccess access) {}

    public static Checklist of(CellGraph graph) {
        List<CellNode> analysable = graph.codeCells().stream().filter(c -> c.syntaxError().isEmpty()).toList();
        return new Checklist(
            graph.codeCells().stream().flatMap(c -> c.inputs().stream().map(a -> new IoAccessAt(c.index(), a))).toList(),
            graph.codeCells().stream().flatMap(c -> c.outputs().stream().map(a -> new IoAccessAt(c.index(), a))).toList(),
            analysable.stream().filter(CellNode::essential).map(CellNode::index).toList(),
            analysable.stream().filter(c -> !c.essential()).map(CellNode::index).toList(),
            graph.executionOrder(), graph.hiddenDependencies(), graph.undefined(), graph.terminals(),
            graph.results());
    }
}
