package dev.nb2prod.report;

import dev.nb2prod.notebook.Cell;
import dev.nb2prod.notebook.MarkdownCell;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.rules.Secrets;

/**
 * Short labels people recognise cells by: the markdown heading just above a cell, or its first meaningful line,
 * secrets masked.
 */
public final class CellLabels {
    private static final int MAX = 48;

    private CellLabels() {}

    /** "cell N" as Jupyter users count cells (1-based, every cell type counted). */
    public static String number(int index) {
        return "cell " + (index + 1);
    }

    public static String describe(Notebook notebook, int index) {
        Cell cell = notebook.cells().get(index);
        if (index > 0 && notebook.cells().get(index - 1) instanceof MarkdownCell markdown) {
            String heading = heading(markdown.source().text());
            if (!heading.isEmpty()) {
                return shorten(Secrets.redact(heading));
            }
        }
        return shorten(Secrets.redact(firstMeaningfulLine(cell.source().text())));
    }

    private static String heading(String markdown) {
        for (String line : markdown.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                return trimmed.replaceFirst("^#+\\s*", "").strip();
            }
        }
        return "";
    }

    static String firstMeaningfulLine(String source) {
        for (String line : source.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                return trimmed;
            }
        }
        return "(empty)";
    }

    private static String shorten(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
    }
}
