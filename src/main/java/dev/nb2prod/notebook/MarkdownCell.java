package dev.nb2prod.notebook;

import java.util.List;

/** A markdown cell (nbformat 3 heading cells are read as markdown headings). */
public record MarkdownCell(int index, String id, SourceText source, List<String> tags, int fileLine) implements Cell {
    public MarkdownCell {
        tags = List.copyOf(tags);
    }
}
