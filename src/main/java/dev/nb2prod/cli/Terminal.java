package dev.nb2prod.cli;

/** Whether output goes to a person at a terminal who wants colour. */
final class Terminal {
    private Terminal() {}

    /**
     * Colour only when standard output is a terminal (the launcher sets {@code NB2PROD_STDOUT_TTY=1} after
     * testing it, since Java cannot tell reliably) and never when NO_COLOR is set (https://no-color.org).
     */
    static boolean colorWanted() {
        String noColor = System.getenv("NO_COLOR");
        return "1".equals(System.getenv("NB2PROD_STDOUT_TTY")) && (noColor == null || noColor.isEmpty());
    }
}
