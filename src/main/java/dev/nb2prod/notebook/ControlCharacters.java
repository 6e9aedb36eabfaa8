package dev.nb2prod.notebook;

import java.util.Locale;

/**
 * Text from a notebook in a message for people: names, literals and types quoted from a hostile file may hold
 * line breaks and other control characters, which would split a one-line message or reach a terminal as escape
 * sequences. They are written as {@code \\uXXXX} escapes instead.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    public static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
