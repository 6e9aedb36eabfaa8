package dev.nb2prod.report;

import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellNode;
import dev.nb2prod.graph.Edge;
import dev.nb2prod.graph.IoAccess;
import dev.nb2prod.graph.NameProblem;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.rules.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the dependency map shows, independent of the drawing language: code cells, external inputs and
 * outputs as nodes; data flow and hidden dependencies as links. Mermaid and DOT render the same picture.
 */
record GraphPicture(List<Node> nodes, List<Link> links) {
    enum NodeKind { ESSENTIAL, EXPLORATORY, BROKEN, INPUT, OUTPUT }

    enum LinkKind { DATA, IO, HIDDEN }

    record Node(String id, String title, String detail, NodeKind kind) {}

    record Link(String from, String to, String label, LinkKind kind) {}

    static GraphPicture of(CellGraph graph, Notebook notebook) {
        List<Node> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        Map<String, String> ioNodes = new LinkedHashMap<>();
        for (CellNode cell : graph.codeCells()) {
            NodeKind kind = cell.syntaxError().isPresent() ? NodeKind.BROKEN
                : cell.essential() ? NodeKind.ESSENTIAL : NodeKind.EXPLORATORY;
            String count = cell.executionCount().map(c -> " [" + c + "]").orElse(" [ ]");
            nodes.add(new Node(cellId(cell.index()), CellLabels.number(cell.index()) + count,
                CellLabels.describe(notebook, cell.index()), kind));
            for (IoAccess input : cell.inputs()) {
                String id = ioNodes.computeIfAbsent("in:" + ioKey(input), k -> "in" + ioNodes.size());
                links.add(new Link(id, cellId(cell.index()), "", LinkKind.IO));
                addIoNode(nodes, id, input, NodeKind.INPUT);
            }
            for (IoAccess output : cell.outputs()) {
                String id = ioNodes.computeIfAbsent("out:" + ioKey(output), k -> "out" + ioNodes.size());
                links.add(new Link(cellId(cell.index()), id, "", LinkKind.IO));
                addIoNode(nodes, id, output, NodeKind.OUTPUT);
            }
        }
        for (Edge edge : graph.edges()) {
            links.add(new Link(cellId(edge.from()), cellId(edge.to()), String.join(", ", edge.names()), LinkKind.DATA));
        }
        Map<String, TreeSet<String>> hidden = new TreeMap<>();
        for (NameProblem problem : graph.hiddenDependencies()) {
            int definer = problem.definedIn().get(0);
            hidden.computeIfAbsent(cellId(definer) + ">" + cellId(problem.cell()), k -> new TreeSet<>()).add(problem.name());
        }
        hidden.forEach((key, names) -> {
            String[] ends = key.split(">");
            links.add(new Link(ends[0], ends[1], String.join(", ", names), LinkKind.HIDDEN));
        });
        return new GraphPicture(nodes, links);
    }

    private static void addIoNode(List<Node> nodes, String id, IoAccess access, NodeKind kind) {
        if (nodes.stream().noneMatch(n -> n.id().equals(id))) {
            nodes.add(new Node(id, access.call(), Secrets.redact(access.target()), kind));
        }
    }

    private static String ioKey(IoAccess access) {
        return access.target().isEmpty() ? access.call() : Secrets.redact(access.target());
    }

    static String cellId(int index) {
        return "c" + index;
    }
}
