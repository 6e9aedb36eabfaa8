package dev.nb2prod.notebook;

import java.util.List;
import java.util.Objects;

/**
 * A Jupyter notebook as read from an .ipynb file.
 *
 * @param path the path the notebook was read from, as the user named it
 * @param nbformat major format version (3 or 4)
 * @param nbformatMinor minor format version
 * @param metadata the notebook-level metadata nb2prod uses
 * @param cells every cell in file order (worksheets of nbformat 3 are concatenated)
 */
public record Notebook(String path, int nbformat, int nbformatMinor, NotebookMetadata metadata, List<Cell> cells) {
    public Notebook {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(metadata, "metadata");
        cells = List.copyOf(cells);
    }

    /** The format version as people write it, e.g. {@code 4.5}. */
    public String formatVersion() {
        return nbformat + "." + nbformatMinor;
    }

    public List<CodeCell> codeCells() {
        return cells.stream().filter(CodeCell.class::isInstance).map(CodeCell.class::cast).toList();
    }

    /** True when the kernel runs Python (or the notebook does not say, which in practice means Python). */
    public boolean isPython() {
        String language = metadata.language();
        return language.isEmpty() || language.toLowerCase(java.util.Locale.ROOT).startsWith("python");
    }
}
