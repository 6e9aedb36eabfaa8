package dev.nb2prod.report;

import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.notebook.Notebook;

/** Renders the dependency map in Graphviz DOT ({@code dot -Tsvg}). */
public final class GraphDotRenderer {
    public String render(CellGraph graph, Notebook notebook) {
        GraphPicture picture = GraphPicture.of(graph, notebook);
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(quote(graph.notebook())).append(" {\n");
        out.append("    rankdir=TB;\n");
        out.append("    node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"Helvetica\", fontsize=11];\n");
        out.append("    edge [fontname=\"Helvetica\", fontsize=9];\n");
        for (GraphPicture.Node node : picture.nodes()) {
            String label = node.detail().isEmpty() ? node.title() : node.title() + "\n" + node.detail();
            String style = switch (node.kind()) {
                case ESSENTIAL -> "";
                case EXPLORATORY -> ", style=\"rounded,dashed,filled\", fillcolor=\"#f5f5f5\", color=gray60, fontcolor=gray45";
                case BROKEN -> ", fillcolor=\"#fde8e8\", color=red3";
                case INPUT -> ", shape=parallelogram, style=filled, fillcolor=\"#e8f1fb\", color=\"#4a78b0\"";
                case OUTPUT -> ", shape=note, style=filled, fillcolor=\"#e8f1fb\", color=\"#4a78b0\"";
            };
            out.append("    ").append(node.id()).append(" [label=").append(quote(label)).append(style).append("];\n");
        }
        for (GraphPicture.Link link : picture.links()) {
            String attributes = switch (link.kind()) {
                case DATA -> " [label=" + quote(link.label()) + "]";
                case IO -> " [color=\"#4a78b0\"]";
                case HIDDEN -> " [label=" + quote(link.label()) + ", color=red3, fontcolor=red3, style=dashed, constraint=false]";
            };
            out.append("    ").append(link.from()).append(" -> ").append(link.to()).append(attributes).append(";\n");
        }
        out.append("}\n");
        return out.toString();
    }

    /** A DOT double-quoted string: backslashes and quotes escaped, newlines as {@code \n}. */
    private static String quote(String raw) {
        return "\"" + raw.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "") + "\"";
    }
}
