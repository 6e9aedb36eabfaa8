package dev.nb2prod.notebook;

/**
 * Every limit nb2prod enforces on its input, in one place (docs/limits.md lists them with their messages).
 * Each is far above what real notebooks reach (the 567 notebooks of the test corpus: at most 1.8 MB, 356
 * cells, JSON nested 15 levels, a 1 MB string, a 206-character code line, 53-character keys, 23-character
 * numbers) and low enough that a hostile file is refused with one line instead of exhausting memory, the
 * stack or time.
 */
public final class Limits {
    /**
     * The largest notebook file read, in bytes (1 GiB). Checked before reading (from the file size) and while
     * reading (for pipes). Notebooks of hundreds of MB of images are read in bounded memory, since binary outputs
     * are skipped; beyond 1 GiB the file is no longer a notebook anyone opens in Jupyter.
     */
    public static final long MAX_FILE_BYTES = 1L << 30;

    /**
     * The deepest nesting of JSON arrays and objects (nbformat itself needs 6; outputs of application/json add
     * a few). The reader is recursive: this bounds its stack.
     */
    public static final int MAX_JSON_NESTING = 2_000;

    /**
     * The longest JSON string, in characters (64 Mi): one cell source or output text. A 50 MB text output is
     * still read; one string costs up to three times its length in memory while it is read.
     */
    public static final int MAX_JSON_STRING_CHARS = 64 * 1024 * 1024;

    /**
     * The longest JSON number, in characters. Numbers are kept as text, never converted (only nbformat and
     * execution counts are), so this only stops a file made of one endless number.
     */
    public static final int MAX_JSON_NUMBER_CHARS = 10_000;

    /** The longest JSON object key, in characters (keys are metadata names and mime types). */
    public static final int MAX_JSON_KEY_CHARS = 100_000;

    /**
     * The most cells in one notebook. 100,000 cells are read and assessed in seconds; more is generated
     * content, not a notebook.
     */
    public static final int MAX_CELLS = 100_000;

    /**
     * The deepest nesting of brackets in one code cell, checked before it is parsed (the parser's time and
     * stack grow with it). CPython refuses more than 200; deeper cells are reported as a syntax error (NB001).
     */
    public static final int MAX_BRACKET_DEPTH = 1_000;

    /**
     * The deepest nesting of braces ({@code {}}) in one code cell, checked before it is parsed. The Python parser
     * backtracks through dict, set and comprehension at every brace, so a cell with an error inside deeply nested
     * braces takes time doubling with each level (60 levels: years); at 16 levels the worst case is about 0.1 s.
     * Real code nests braces a few levels deep; deeper cells are reported as a syntax error (NB001).
     */
    public static final int MAX_BRACE_DEPTH = 16;

    /**
     * The deepest syntax tree of one code cell that nb2prod analyses (long chains of operators, lambdas or
     * conditional expressions nest it without brackets). CPython 3.11 fails to compile about 3,000 chained
     * operators; deeper cells are reported as a syntax error (NB001) instead of being analysed by the recursive
     * passes of the names, graph, rules and extractor.
     */
    public static final int MAX_SYNTAX_DEPTH = 10_000;

    /**
     * The stack of the threads that parse and analyse a notebook, in bytes (reserved, not committed): enough for
     * a cell at {@link #MAX_SYNTAX_DEPTH} in every recursive pass.
     */
    public static final long ANALYSIS_STACK_BYTES = 512L * 1024 * 1024;

    private Limits() {}
}
