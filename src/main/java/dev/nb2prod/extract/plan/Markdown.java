package dev.nb2prod.extract.plan;

import dev.nb2prod.notebook.Cell;
import dev.nb2prod.notebook.MarkdownCell;
import dev.nb2prod.notebook.Notebook;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Headings and prose of a notebook's markdown cells. */
public final class Markdown {
    private Markdown() {}

    /** A heading and the markdown cell it is in. */
    public record Heading(int cell, String text) {}

    /** The first heading line of a markdown text, without the hashes and emphasis. */
    public static Optional<String> heading(String markdown) {
        for (String line : markdown.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#")) {
                String t = clean(l.replaceFirst("^#+", ""));
                if (!t.isEmpty()) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    /** Inline markdown removed: emphasis, code ticks, links, html tags; a trailing colon dropped. */
    public static String clean(String text) {
        String t = text.replaceAll("<[^>]+>", "").replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
            .replaceAll("\\*{1,3}|`+|(?<!\\w)_+|_+(?!\\w)", "").replaceAll("\\s+", " ").strip();
        t = t.replaceAll("[:.\\s]+$", "");
        return t.replace("\"\"\"", "").replace("\\", "");
    }

    /** For each cell index, the nearest heading above it (or null). */
    public static List<Heading> headingsAbove(Notebook notebook) {
        List<Heading> out = new ArrayList<>();
        Heading current = null;
        for (Cell cell : notebook.cells()) {
            out.add(current);
            if (cell instanceof MarkdownCell md) {
                Optional<String> h = heading(md.source().text());
                if (h.isPresent()) {
                    current = new Heading(md.index(), h.get());
                }
            }
        }
        return out;
    }

    /** The first paragraph of a markdown text that is not a heading, on one line. */
    public static String firstParagraph(String markdown) {
        List<String> para = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#") || l.isEmpty()) {
                if (!para.isEmpty()) {
                    break;
                }
                continue;
            }
            para.add(l);
        }
        return clean(String.join(" ", para)).replaceAll("[:\\s]+$", "");
    }
}
