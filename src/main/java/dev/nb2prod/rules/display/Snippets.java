package dev.nb2prod.rules.display;

import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.python.ast.Span;
import java.util.List;

/** The source text of a node for messages, on one line and shortened. */
final class Snippets {
    private static final int MAX = 50;

    private Snippets() {}

    static String of(CodeCell cell, Span span) {
        List<String> lines = cell.source().lines();
        if (span.startLine() < 1 || span.startLine() > lines.size()) {
            return "";
        }
        String text;
        if (span.endLine() == span.startLine()) {
            String line = lines.get(span.startLine() - 1);
            text = line.substring(Math.min(span.startCol(), line.length()), Math.min(span.endCol(), line.length()));
        } else {
            String line = lines.get(span.startLine() - 1);
            text = line.substring(Math.min(span.startCol(), line.length())) + " …";
        }
        text = text.strip().replaceAll("\\s+", " ");
        return text.length() > MAX ? text.substring(0, MAX - 1) + "…" : text;
    }
}
