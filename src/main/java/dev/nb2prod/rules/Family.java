package dev.nb2prod.rules;

/** Rule families; the hundreds digit of a rule code ({@code NB1xx} is state, ...). */
public enum Family {
    META("NB0", "Parsing and suppressions"),
    STATE("NB1", "State and execution order"),
    CONFIGURATION("NB2", "Configuration"),
    IMPORTS("NB3", "Imports and environment"),
    CREDENTIALS("NB4", "Credentials and personal data"),
    DISPLAY("NB5", "Display and side effects"),
    STRUCTURE("NB6", "Structure and robustness");

    private final String prefix;
    private final String title;

    Family(String prefix, String title) {
        this.prefix = prefix;
        this.title = title;
    }

    public String prefix() {
        return prefix;
    }

    public String title() {
        return title;
    }
}
