package dev.nb2prod.notebook;

import java.util.List;

/**
 * A text from the notebook file (a cell's source or an output's text) and, for each of its lines, the
 * 1-based line of the .ipynb file where that line is written. In the list form of nbformat each
 * source line has its own file line; in the single-string form all lines share the string's line.
 *
 * @param text the text, lines joined as in the notebook
 * @param fileLines {@code fileLines.get(i)} is the file line of text line {@code i + 1}
 */
public record SourceText(String text, List<Integer> fileLines) {
    public SourceText {
        fileLines = List.copyOf(fileLines);
    }

    public static SourceText empty(int fileLine) {
        return new SourceText("", List.of(fileLine));
    }

    /** The number of lines of the text (an empty text has none; a trailing newline does not add one). */
    public int lineCount() {
        if (text.isEmpty()) {
            return 0;
        }
        int count = (int) text.chars().filter(c -> c == '\n').count();
        return text.endsWith("\n") ? count : count + 1;
    }

    /** The file line of a 1-based line of this text (clamped into range, so always a line of the file). */
    public int fileLine(int textLine) {
        int index = Math.max(0, Math.min(textLine - 1, fileLines.size() - 1));
        return fileLines.get(index);
    }

    /** The lines of the text, without their line terminators. */
    public List<String> lines() {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, lineCount());
    }
}
