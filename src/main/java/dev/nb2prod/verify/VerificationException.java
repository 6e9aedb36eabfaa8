package dev.nb2prod.verify;

/**
 * Verification could not be carried out: no interpreter, a module the interpreter lacks, a notebook that does
 * not run, a folder that is not a generated package, a timeout. The message is one line for the user.
 */
public final class VerificationException extends Exception {
    private static final long serialVersionUID = 1L;

    public VerificationException(String message) {
        super(message);
    }
}
