package dev.nb2prod.extract;

import dev.nb2prod.notebook.ControlCharacters;

/** The notebook can not be extracted into a package; the message is a one-line reason for the user. */
public class ExtractionRefused extends Exception {
    private static final long serialVersionUID = 1L;

    public ExtractionRefused(String reason) {
        // names from the notebook are quoted in it: no line breaks or escape sequences from a hostile file
        super(ControlCharacters.escaped(reason));
    }
}
