package dev.nb2prod.report;

import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.notebook.Notebook;
import java.util.ArrayList;
import java.util.List;

/** Renders the dependency map as a Mermaid flowchart (renders with stock Mermaid, e.g. on GitHub). */
public final class GraphMermaidRenderer {
    public String render(CellGraph graph, Notebook notebook) {
        GraphPicture picture = GraphPicture.of(graph, notebook);
        StringBuilder out = new StringBuilder("flowchart TD\n");
        for (GraphPicture.Node node : picture.nodes()) {
            String label = text(node.title()) + (node.detail().isEmpty() ? "" : "<br/>" + text(node.detail()));
            String shape = switch (node.kind()) {
                case INPUT -> "[/\"" + label + "\"/]";
                case OUTPUT -> "[\\\"" + label + "\"\\]";
                default -> "[\"" + label + "\"]";
            };
            out.append("    ").append(node.id()).append(shape).append('\n');
        }
        List<Integer> hiddenLinks = new ArrayList<>();
        int index = 0;
        for (GraphPicture.Link link : picture.links()) {
            String arrow = switch (link.kind()) {
                case DATA, IO -> " -->";
                case HIDDEN -> " -.->";
            };
            String label = link.label().isEmpty() ? "" : "|" + text(link.label()) + "|";
            out.append("    ").append(link.from()).append(arrow).append(label).append(' ').append(link.to()).append('\n');
            if (link.kind() == GraphPicture.LinkKind.HIDDEN) {
                hiddenLinks.add(index);
            }
            index++;
        }
        out.append("    classDef exploratory fill:#f5f5f5,stroke:#bbbbbb,color:#999999,stroke-dasharray:4 3\n");
        out.append("    classDef broken fill:#fde8e8,stroke:#cc0000,color:#990000\n");
        out.append("    classDef io fill:#e8f1fb,stroke:#4a78b0,color:#1d3f66\n");
        classLine(out, picture, "exploratory", GraphPicture.NodeKind.EXPLORATORY);
        classLine(out, picture, "broken", GraphPicture.NodeKind.BROKEN);
        classLine(out, picture, "io", GraphPicture.NodeKind.INPUT, GraphPicture.NodeKind.OUTPUT);
        if (!hiddenLinks.isEmpty()) {
            out.append("    linkStyle ").append(String.join(",", hiddenLinks.stream().map(String::valueOf).toList()))
                .append(" stroke:#d00000,color:#d00000,stroke-width:2px\n");
        }
        return out.toString();
    }

    private static void classLine(StringBuilder out, GraphPicture picture, String cssClass, GraphPicture.NodeKind... kinds) {
        List<String> ids = picture.nodes().stream().filter(n -> List.of(kinds).contains(n.kind()))
            .map(GraphPicture.Node::id).toList();
        if (!ids.isEmpty()) {
            out.append("    class ").append(String.join(",", ids)).append(' ').append(cssClass).append('\n');
        }
    }

    /** Text safe inside a quoted Mermaid label: quotes and markup characters become entity codes. */
    private static String text(String raw) {
        StringBuilder safe = new StringBuilder();
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '"' -> safe.append("#quot;");
                case '<' -> safe.append("#lt;");
                case '>' -> safe.append("#gt;");
                case '|' -> safe.append("#124;");
                case '#' -> safe.append("#35;");
                case '&' -> safe.append("#amp;");
                case '`' -> safe.append("#96;");
                default -> safe.append(c < ' ' ? ' ' : c);
            }
        }
        return safe.toString();
    }
}
