package dev.nb2prod.cli;

/** The exit codes of every nb2prod command. */
final class ExitCodes {
    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    private ExitCodes() {}
}
