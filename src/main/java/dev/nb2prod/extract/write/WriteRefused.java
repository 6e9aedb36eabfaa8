package dev.nb2prod.extract.write;

/** The package cannot be written where asked (the message is one line, for the user). */
public final class WriteRefused extends Exception {
    public WriteRefused(String message) {
        super(message);
    }
}
