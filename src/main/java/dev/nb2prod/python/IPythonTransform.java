package dev.nb2prod.python;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IPython's input transformations ({@code IPython.core.inputtransformer2.TransformerManager}, IPython 8) as far as
 * the Sonar IPython grammar does not cover them, applied to a cell before it is parsed, line for line:
 * <ul>
 *   <li>clean-up ({@link InputCleanup}): the indentation of the first non-blank line and pasted {@code >>>} or
 *   {@code In [n]:} prompts are removed;</li>
 *   <li>the auto-call escapes at the start of a logical line ({@link EscapeCall}): {@code ,f a b},
 *   {@code ;f a b}, {@code /f a b} and a lone {@code ;} become the calls IPython makes of them, also as the code
 *   of a {@code %time}, {@code %timeit} or {@code %prun} line;</li>
 *   <li>help: {@code ?anything}, and a logical line whose last token is {@code ?} or {@code ??} right after a
 *   (dotted) name ({@code x = obj?}, {@code np.*load*?}), become a line the grammar reads as an object-info
 *   statement ({@code ?____}, one character per source character);</li>
 *   <li>the body of a Python cell magic ({@code %%time}, {@code %%timeit}, {@code %%capture}, {@code %%prun})
 *   is transformed as a cell of its own, as those magics do; other cell magics are left alone.</li>
 * </ul>
 * Magics, shell escapes and assignments from them ({@code %x}, {@code !x}, {@code !!x}, {@code x = %y},
 * {@code x = !y}, {@code %%x} on the first line) are left to the grammar, which reads them; their text is not
 * scanned, as IPython replaces them before it tokenizes the lines after them. An escape counts only at the start of
 * a logical line: not inside brackets, strings or comments, nor on a line continued by a backslash.
 *
 * <p>The Python text has exactly the lines of the source, each with its line break: an escape continued over
 * several lines by backslashes becomes one line followed by empty ones. Every character keeps the source position
 * it stands for ({@link TransformedCell}), so that the AST and syntax errors point into the source.
 */
public final class IPythonTransform {

    /** {@code ;;f x} is transformed again after {@code ;f x}: IPython repeats; nb2prod stops after this many. */
    private static final int MAX_REPEATED_ESCAPES = 8;

    private final String text;
    private final SourceLines lines;
    private final int[] removed;
    private final Map<Integer, MappedText> replaced = new HashMap<>();

    private IPythonTransform(String text) {
        this.text = text;
        this.lines = new SourceLines(text);
        this.removed = new int[lines.count()];
    }

    /**
     * The edits that turn a cell's source into the Python text nb2prod parses (IPython's transformations as
     * described above, magics left as they are), in source order. Empty for a cell without IPython escapes.
     */
    public static List<TextEdit> edits(String cellSource) {
        return transform(cellSource).edits();
    }

    static TransformedCell transform(String cellSource) {
        IPythonTransform t = new IPythonTransform(cellSource);
        t.cell(0, t.lines.count());
        return t.result();
    }

    private TransformedCell result() {
        Map<Integer, MappedText> changed = new HashMap<>(replaced);
        for (int i = 0; i < removed.length; i++) {
            if (removed[i] > 0 && !changed.containsKey(i)) {
                changed.put(i, new MappedText().copy(text, origin(i, 0), lines.contentEnd(i)));
            }
        }
        return new TransformedCell(lines, changed);
    }

    // ---------------------------------------------------------------- cells and lines

    /** Transforms lines {@code [from, to)} as one cell (a Python cell magic's body: again, without recursion). */
    private void cell(int from, int to) {
        int start = from;
        while (true) {
            cleanUp(start, to);
            int first = start;
            while (first < to && PythonWhitespace.isBlank(content(first))) {
                first++;
            }
            if (first == to) {
                return;
            }
            String head = content(first);
            if (!head.startsWith("%%") || isCellMagicHelp(head)) {
                logicalLines(first, to);
                return;
            }
            if (!MagicOptions.PYTHON_CELL_MAGICS.contains(cellMagicName(head))) {
                return;
            }
            start = first + 1;
        }
    }

    private void cleanUp(int from, int to) {
        InputCleanup.apply(new CleanupView(from, to));
    }

    /** Lines {@code [from, to)} as {@link InputCleanup} sees them: cleaned so far, a {@code \r} break kept. */
    private final class CleanupView implements InputCleanup.Lines {
        private final int from;
        private final int to;

        CleanupView(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public int count() {
            return to - from;
        }

        @Override
        public String line(int k) {
            int i = from + k;
            return lines.breaksWithCarriageReturn(i) ? content(i) + "\r" : content(i);
        }

        @Override
        public void cut(int k, int length) {
            int i = from + k;
            removed[i] = Math.min(removed[i] + length, lines.contentEnd(i) - lines.start(i));
        }
    }

    private void logicalLines(int from, int to) {
        LineScanner scanner = new LineScanner();
        int i = from;
        while (i < to) {
            String s = content(i);
            int indent = indentEnd(s);
            if (indent == s.length() || s.charAt(indent) == '#') {
                i++;
                continue;
            }
            int end = continuationEnd(i, to);
            char escape = EscapeCall.escapeAt(s, indent);
            if (escape != 0) {
                escapedLine(i, indent, end, escape);
                i = end + 1;
                continue;
            }
            if (LineScanner.magicAssignment(s, indent)) {
                i = end + 1;
                continue;
            }
            if (end == i && automagic(s, indent)) {
                replaced.put(i, prefix(i, indent).insert("%", origin(i, indent))
                    .copy(text, origin(i, indent), lines.contentEnd(i)));
                i++;
                continue;
            }
            int start = i;
            do {
                scanner.scan(content(i));
                i++;
            } while (i < to && !scanner.atLogicalStart());
            if (scanner.endsWithQuestionMark() && helpTarget(start, indent, i - 1)) {
                help(start, indent, i - 1);
            }
        }
    }

    /**
     * IPython's automagic ({@code AutoMagicChecker}): {@code pip install x}, {@code cd data}, {@code run helper.py}
     * run the line magic of that name. Only lines that cannot be Python are read so: a magic name followed by an
     * argument that cannot follow a name in Python (a word that is no keyword, a path, an option, a string).
     */
    static boolean automagic(String line, int indent) {
        int nameEnd = indent;
        while (nameEnd < line.length() && (Character.isLetterOrDigit(line.charAt(nameEnd)) || line.charAt(nameEnd) == '_')) {
            nameEnd++;
        }
        if (!AUTOMAGICS.contains(line.substring(indent, nameEnd))) {
            return false;
        }
        int arg = nameEnd;
        while (arg < line.length() && (line.charAt(arg) == ' ' || line.charAt(arg) == '\t')) {
            arg++;
        }
        if (arg == nameEnd || arg == line.length()) {
            return false;
        }
        char c = line.charAt(arg);
        char next = arg + 1 < line.length() ? line.charAt(arg + 1) : ' ';
        if (Character.isLetterOrDigit(c) || c == '_') {
            int wordEnd = arg;
            while (wordEnd < line.length() && (Character.isLetterOrDigit(line.charAt(wordEnd)) || line.charAt(wordEnd) == '_')) {
                wordEnd++;
            }
            return !PYTHON_KEYWORDS.contains(line.substring(arg, wordEnd));
        }
        return c == '-' && Character.isLetter(next) || c == '/' || c == '~' || c == '$' || c == '"' || c == '\''
            || c == '.' && (next == '/' || next == '.' || Character.isLetter(next));
    }

    /** Line magics IPython runs without {@code %} when nothing shadows their name. */
    private static final java.util.Set<String> AUTOMAGICS = java.util.Set.of("pip", "conda", "cd", "run",
        "matplotlib", "load_ext", "reload_ext", "unload_ext", "autoreload", "aimport", "time", "timeit", "env",
        "pylab", "config", "cat", "pycat", "bookmark", "pushd", "mkdir", "ls", "rm", "cp", "mv");
    private static final java.util.Set<String> PYTHON_KEYWORDS = java.util.Set.of("and", "or", "not", "in", "is",
        "if", "else", "for", "lambda", "async", "await");

    private void escapedLine(int line, int col, int end, char escape) {
        switch (escape) {
            case '?' -> help(line, col, end);
            case '%', '!' -> {
                if (content(line).startsWith("%%", col) && endsWithHelp(line, col, end)) {
                    help(line, col, end); // %%timeit? asks for help; it is not a cell magic
                } else {
                    magicCode(line, col, end);
                }
            }
            default -> {
                if (endsWithHelp(line, col, end)) {
                    help(line, col, end); // IPython's help syntax wins over the escape at the same place
                } else {
                    autoCall(line, col, end, escape);
                }
            }
        }
    }

    /** An auto-call escape at {@code col} of {@code line}, continued to {@code end}. */
    private void autoCall(int line, int col, int end, char escape) {
        MappedText call = EscapeCall.call(escape, assemble(line, col + 1, end), origin(line, col));
        for (int k = 0; k < MAX_REPEATED_ESCAPES && EscapeCall.isAutoCall(EscapeCall.escapeAt(call.text(), 0)); k++) {
            MappedText rest = call.slice(1, PythonWhitespace.rstripLength(call.text()));
            call = EscapeCall.call(call.charAt(0), rest, call.originAt(0));
        }
        replaced.put(line, prefix(line, col).append(call));
        blank(line + 1, end);
    }

    /** The code of a one-line {@code %time}, {@code %timeit} or {@code %prun} that starts with an auto-call escape. */
    private void magicCode(int line, int col, int end) {
        String s = content(line);
        if (end != line || s.charAt(col) != '%') {
            return;
        }
        String rest = s.substring(col + 1);
        String name = firstWord(rest);
        if (!MagicOptions.PYTHON_LINE_MAGICS.contains(name) || name.length() == rest.length()) {
            return;
        }
        int code = col + 1 + name.length() + MagicOptions.codeStart(name, rest.substring(name.length()));
        char escape = EscapeCall.escapeAt(s, code);
        if (EscapeCall.isAutoCall(escape)) {
            replaced.put(line, prefix(line, code).append(EscapeCall.call(escape, assemble(line, code + 1, line),
                    origin(line, code))));
        }
    }

    /** Lines {@code [line, end]} from {@code col} are a help request: one object-info line, then empty lines. */
    private void help(int line, int col, int end) {
        int length = Math.max(1, PythonWhitespace.rstripLength(content(line)) - col);
        replaced.put(line, prefix(line, col).mapped("?" + "_".repeat(length - 1), origin(line, col)));
        blank(line + 1, end);
    }

    /** True when the escape line's last token is {@code ?} and IPython's help syntax matches it. */
    private boolean endsWithHelp(int line, int col, int end) {
        LineScanner scanner = new LineScanner();
        for (int j = line; j <= end; j++) {
            scanner.scan(j == line ? content(j).substring(col) : content(j));
        }
        return scanner.endsWithQuestionMark() && helpTarget(line, col, end);
    }

    /**
     * IPython's {@code _help_end_re} searched in lines {@code [line, end]} from {@code col}: the text ends with
     * {@code ?} or {@code ??} right after a name that does not start with a digit (dotted names and {@code *}
     * wildcards included). Its {@code $} does not match before a {@code \r}.
     */
    private boolean helpTarget(int line, int col, int end) {
        if (lines.breaksWithCarriageReturn(end)) {
            return false;
        }
        String last = line == end ? content(end).substring(col) : content(end);
        int i = last.length();
        int marks = 0;
        while (i > 0 && last.charAt(i - 1) == '?' && marks < 3) {
            i--;
            marks++;
        }
        if (marks == 0 || marks > 2) {
            return false;
        }
        boolean nonDigit = false;
        while (i > 0 && isNameChar(last.charAt(i - 1))) {
            nonDigit |= !Character.isDigit(last.charAt(i - 1));
            i--;
        }
        return nonDigit;
    }

    private static boolean isNameChar(char c) {
        int type = Character.getType(c);
        return c == '_' || c == '*' || Character.isLetterOrDigit(c) || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** {@code %%name?}: IPython's {@code cell_magic} leaves it to the help syntax. */
    private static boolean isCellMagicHelp(String head) {
        int i = 2;
        while (i < head.length() && isNameChar(head.charAt(i)) && head.charAt(i) != '*') {
            i++;
        }
        return i > 2 && i < head.length() && head.charAt(i) == '?';
    }

    // ---------------------------------------------------------------- text helpers

    /** The line's content after the clean-up. */
    private String content(int line) {
        return text.substring(lines.start(line) + removed[line], lines.contentEnd(line));
    }

    /** The source offset of column {@code col} of the cleaned-up line. */
    private int origin(int line, int col) {
        return lines.start(line) + removed[line] + col;
    }

    private MappedText prefix(int line, int col) {
        return new MappedText().copy(text, origin(line, 0), origin(line, col));
    }

    private void blank(int from, int to) {
        for (int j = from; j <= to; j++) {
            replaced.put(j, new MappedText());
        }
    }

    /**
     * IPython's {@code assemble_continued_line} from {@code col} of {@code line} to {@code end}: each backslash
     * and line break becomes a space, trailing whitespace is removed.
     */
    private MappedText assemble(int line, int col, int end) {
        MappedText out = new MappedText();
        for (int j = line; j <= end; j++) {
            String s = content(j);
            int from = j == line ? Math.min(col, s.length()) : 0;
            if (j < end) {
                out.copy(text, origin(j, from), origin(j, Math.max(from, s.length() - 1)));
                out.insert(" ", origin(j, s.length() - 1));
            } else {
                out.copy(text, origin(j, from), origin(j, Math.max(from, PythonWhitespace.rstripLength(s))));
            }
        }
        return out;
    }

    /** The last line of the escape line starting at {@code line}: lines ending with a backslash go on. */
    private int continuationEnd(int line, int to) {
        int j = line;
        while (j + 1 < to && content(j).endsWith("\\") && lines.terminator(j).equals("\n")) {
            j++;
        }
        return j;
    }

    private static int indentEnd(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
            i++;
        }
        return i;
    }

    /** The name of the cell magic on a {@code %%} line, as the converter reads it. */
    private static String cellMagicName(String head) {
        return firstWord(head.substring(2));
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }
}
