package dev.nb2prod.rules.settings;

/** A configuration problem, as one line naming the source (file or variable), the key and the problem. */
public final class SettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
