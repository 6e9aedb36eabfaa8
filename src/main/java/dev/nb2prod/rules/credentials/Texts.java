package dev.nb2prod.rules.credentials;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Positions in multi-line texts and terminal colour codes, for scanning cell sources and outputs. */
final class Texts {
    private Texts() {}

    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");

    /** The text with every ANSI escape sequence replaced by as many spaces, so offsets stay the same. */
    static String withoutAnsi(String text) {
        if (text.indexOf('\u001b') < 0) {
            return text;
        }
        Matcher m = ANSI.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start()).append(" ".repeat(m.end() - m.start()));
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    /** A 1-based line and 0-based column. */
    record Position(int line, int column) {}

    /** The line and column of a character offset in a text whose lines end with {@code \n}. */
    static Position position(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart);
    }
}
