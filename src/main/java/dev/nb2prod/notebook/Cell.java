package dev.nb2prod.notebook;

import java.util.List;

/** A cell of a notebook: code, markdown or raw. */
public sealed interface Cell permits CodeCell, MarkdownCell, RawCell {
    /** 0-based position among all cells of the notebook. */
    int index();

    /** The cell id (nbformat 4.5 and later), or empty. */
    String id();

    SourceText source();

    /** Tags from the cell metadata ({@code metadata.tags}). */
    List<String> tags();

    /** The 1-based line of the .ipynb file where the cell object starts. */
    int fileLine();

    /** The cell type as nbformat names it. */
    default String type() {
        return switch (this) {
            case CodeCell c -> "code";
            case MarkdownCell m -> "markdown";
            case RawCell r -> "raw";
        };
    }
}
