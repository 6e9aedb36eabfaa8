package dev.nb2prod.extract;

/** The notebook can not be extracted into a package; the message is a one-line reason for the user. */
public class ExtractionRefused extends Exception {
    private static final long serialVersionUID = 1L;

    public ExtractionRefused(String reason) {
        super(reason);
    }
}
