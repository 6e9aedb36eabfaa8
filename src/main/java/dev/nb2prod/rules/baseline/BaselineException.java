package dev.nb2prod.rules.baseline;

/** A baseline file that cannot be read, as one line naming the file and the problem. */
public final class BaselineException extends Exception {
    private static final long serialVersionUID = 1L;

    public BaselineException(String message) {
        super(message);
    }
}
