package dev.nb2prod.notebook;

import java.util.List;

/** A raw cell. */
public record RawCell(int index, String id, SourceText source, List<String> tags, int fileLine) implements Cell {
    public RawCell {
        tags = List.copyOf(tags);
    }
}
