package dev.nb2prod.extract.write;

import dev.nb2prod.notebook.ControlCharacters;

/** The package cannot be written where asked (the message is one line, for the user). */
public final class WriteRefused extends Exception {
    public WriteRefused(String message) {
        // names from the notebook are quoted in it: no line breaks or escape sequences from a hostile file
        super(ControlCharacters.escaped(message));
    }
}
