package dev.nb2prod.fuzz;

/** Small helpers shared by the fuzz tests. */
final class FuzzChecks {
    private FuzzChecks() {}

    /** The number of lines a JSON parser counts in {@code bytes}: line feeds, lone carriage returns and CRLF end lines. */
    static int jsonLineCount(byte[] bytes) {
        int lines = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'))) {
                lines++;
            }
        }
        return lines;
    }
}
