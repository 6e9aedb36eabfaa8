package dev.nb2prod.extract.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small helpers to write Python source text. */
public final class PyText {
    /** The line length generated code is wrapped at (PEP 8). */
    public static final int MAX_LINE = 79;

    private PyText() {}

    /** A double-quoted Python string literal. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Text safe inside a triple-double-quoted docstring: one line, no backslashes or closing quotes. */
    public static String docText(String text) {
        String oneLine = text.replace('\r', ' ').replace('\n', ' ').replace("\\", "/").strip();
        while (oneLine.contains("\"\"\"")) {
            oneLine = oneLine.replace("\"\"\"", "'''");
        }
        if (oneLine.endsWith("\"")) {
            oneLine = oneLine.substring(0, oneLine.length() - 1) + "'";
        }
        return oneLine;
    }

    /** A one-line summary ending with a period, from a docstring or else from a snake_case name. */
    public static String summary(String docstring, String name) {
        String text = docText(docstring == null ? "" : docstring);
        if (text.isEmpty()) {
            String words = name.replace('_', ' ').strip();
            text = words.isEmpty() ? "Run this step" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?' ? text : text + ".";
    }

    /** Indents every non-blank line; blank lines become empty. */
    public static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        StringBuilder out = new StringBuilder();
        for (String line : lines(text)) {
            if (!line.isBlank()) {
                out.append(pad).append(line.stripTrailing());
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The lines of a text without their terminators; a final newline does not add an empty line. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /**
     * {@code head(a, b)} on one line when it fits in {@link #MAX_LINE} after {@code indent} spaces, else one
     * item per line with a trailing comma. Ends with a newline.
     */
    public static String call(int indent, String head, List<String> items, String tail) {
        String pad = " ".repeat(indent);
        String oneLine = pad + head + "(" + String.join(", ", items) + ")" + tail;
        if (oneLine.length() <= MAX_LINE || items.isEmpty()) {
            return oneLine + "\n";
        }
        StringBuilder out = new StringBuilder(pad).append(head).append("(\n");
        for (String item : items) {
            out.append(pad).append("    ").append(item).append(",\n");
        }
        return out.append(pad).append(")").append(tail).append('\n').toString();
    }

    /** The words of text on lines of at most width characters (a longer word stands on its own line). */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
