package dev.nb2prod.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.notebook.Limits;
import dev.nb2prod.testing.Cli;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input catalogue of issue 7, run through the real command line: every input either gets one line
 * {@code nb2prod: <file>: <problem>} with exit 2 from every command (assess, graph, extract --plan), or a normal
 * report. Never a stack trace, a hang or an exhausted heap. The limits are those of {@link Limits} and
 * docs/limits.md. Big inputs are streamed into a temporary folder, never committed.
 */
class HostileInputCatalogueTest {
    @TempDir Path dir;

    // ------------------------------------------------------------------ helpers

    private static final String KERNEL = "\"metadata\": {\"kernelspec\": {\"name\": \"python3\", \"display_name\": "
        + "\"Python 3\", \"language\": \"python\"}}";

    /** An nbformat 4.5 notebook of the given cell objects (JSON text), one per line from line 2. */
    private static String notebook(String... cells) {
        return "{\"nbformat\": 4, \"nbformat_minor\": 5, " + KERNEL + ", \"cells\": [\n"
            + String.join(",\n", cells) + "\n]}\n";
    }

    /** A code cell whose source is the given JSON value (a JSON string literal or list). */
    private static String code(String sourceJson) {
        return "{\"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {}, \"outputs\": [], \"source\": "
            + sourceJson + "}";
    }

    /** A JSON string literal of {@code text}. */
    private static String str(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static void assertClean(Cli run) {
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ")
            .doesNotContain("internal error").doesNotContain("Error:");
    }

    /** Every command refuses the file with exactly this one line on stderr, exit 2 and nothing else. */
    private static void refused(Path file, String problem) {
        refusedMatching(file, Pattern.quote(problem));
    }

    private static void refusedMatching(Path file, String problemRegex) {
        String expected = Pattern.quote("nb2prod: " + file + ": ") + problemRegex;
        for (List<String> command : commands(file)) {
            Cli run = Cli.run(command.toArray(String[]::new));
            assertThat(run.exitCode()).as("%s: %s", command, run.err()).isEqualTo(2);
            assertThat(run.err().lines().toList()).as("%s", command).singleElement().asString().matches(expected);
            if (!command.get(0).equals("assess")) {
                assertThat(run.out()).as("%s", command).isEmpty();
            }
            assertClean(run);
        }
    }

    private static List<List<String>> commands(Path file) {
        return List.of(List.of("assess", file.toString()), List.of("graph", file.toString()),
            List.of("extract", "--plan", file.toString()));
    }

    /** assess reports (exit 0 or 1, nothing on stderr), graph prints its graph; returns the assess report. */
    private static String reported(Path file) {
        Cli assess = Cli.run("assess", file.toString());
        assertThat(assess.exitCode()).as(assess.err()).isIn(0, 1);
        assertThat(assess.err()).isEmpty();
        assertThat(assess.out()).contains(file + ": nbformat ");
        assertClean(assess);
        Cli graph = Cli.run("graph", file.toString());
        assertThat(graph.exitCode()).as(graph.err()).isZero();
        assertThat(graph.err()).isEmpty();
        assertThat(graph.out()).startsWith("{");
        assertClean(graph);
        return assess.out();
    }

    /** The plan is printed, or extraction is refused in one line naming the file (cells that do not parse). */
    private static void planned(Path file) {
        Cli plan = Cli.run("extract", "--plan", file.toString());
        if (plan.exitCode() == 0) {
            assertThat(plan.err()).isEmpty();
            assertThat(plan.out()).isNotEmpty();
        } else {
            assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
            assertThat(plan.err().lines().toList()).singleElement().asString()
                .startsWith("nb2prod: cannot extract " + file + ": ");
        }
        assertClean(plan);
    }

    // ------------------------------------------------------------------ JSON that is not a notebook

    @Test
    void truncatedJson() throws IOException {
        refused(write("truncated.ipynb", "{\"nbformat\": 4, \"cells\": [\n{\"cell_type\": \"code\", \"sou"),
            "is truncated: the JSON ends unexpectedly at line 2, column 27");
        refused(write("cut.ipynb", notebook(code("\"x = 1\"")).substring(0, 40)),
            "is truncated: the JSON ends unexpectedly at line 1, column 41");
    }

    @Test
    void jsonThatIsNotAnObject() throws IOException {
        refused(write("array.ipynb", "[1, 2]"), "is not a notebook: the JSON document is an array, not an object");
        refused(write("number.ipynb", "42"), "is not a notebook: the JSON document is a number, not an object");
        refused(write("empty.ipynb", ""), "is empty (it holds no JSON)");
    }

    @Test
    void cellsThatIsNotAList() throws IOException {
        refused(write("cells.ipynb", "{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": \"x = 1\"}"),
            "is not a valid nbformat 4 notebook: 'cells' is a string, not a list");
    }

    @Test
    void cellThatIsNotAnObject() throws IOException {
        refused(write("cell.ipynb", notebook(code("\"x = 1\""), "[\"x = 2\"]")),
            "cell 2 (line 3) is an array, not an object");
    }

    @Test
    void sourceOfAWrongType() throws IOException {
        refused(write("number-source.ipynb", notebook(code("\"a = 1\""), code("7"))),
            "cell 2 source at line 3 is a number, not text");
        refused(write("object-source.ipynb", notebook(code("{\"a\": 1}"))),
            "cell 1 source at line 2 is an object, not text");
        refused(write("mixed-source.ipynb", notebook(code("[\"a = 1\\n\",\n true]"))),
            "cell 1 source at line 3 is a list holding a boolean, not strings");
    }

    @Test
    void unknownCellAndOutputTypes() throws IOException {
        refused(write("cell-type.ipynb", notebook(code("\"a = 1\""), "{\"cell_type\": \"sql\", \"source\": \"select 1\"}")),
            "cell 2 (line 3) has an unknown cell_type 'sql'");
        refused(write("output-type.ipynb", notebook("{\"cell_type\": \"code\", \"source\": \"a\", \"outputs\": [\n"
                + "{\"output_type\": \"hologram\"}]}")),
            "cell 1: output at line 3 has an unknown output_type 'hologram'");
        // a newer minor version may add types: nbformat says to keep such cells and outputs, not to fail
        Path future = write("future.ipynb", notebook(code("\"a = 1\""),
                "{\"cell_type\": \"sql\", \"source\": \"select 1\", \"outputs\": [{\"output_type\": \"hologram\"}]}")
            .replace("\"nbformat_minor\": 5", "\"nbformat_minor\": 99"));
        assertThat(reported(future)).contains(future + ": nbformat 4.99, python kernel, 2 cells (1 code, 0 markdown, 1 raw)");
        planned(future);
    }

    @Test
    void nbformatVersions() throws IOException {
        refused(write("v1.ipynb", "{\"nbformat\": 1, \"cells\": []}"),
            "has nbformat 1.0, which nb2prod does not read (it reads nbformat 3 and 4)");
        refused(write("v2.ipynb", "{\"nbformat\": 2, \"nbformat_minor\": 1, \"worksheets\": []}"),
            "has nbformat 2.1, which nb2prod does not read (it reads nbformat 3 and 4)");
        refused(write("v5.ipynb", "{\"nbformat\": 5, \"nbformat_minor\": 0, \"cells\": []}"),
            "has nbformat 5.0, which nb2prod does not read (it reads nbformat 3 and 4)");
        refused(write("none.ipynb", "{\"cells\": []}"), "is not a notebook: it has no 'nbformat' field");
        refused(write("text.ipynb", "{\"nbformat\": \"4\", \"cells\": []}"),
            "is not a valid notebook: 'nbformat' should be an integer but is a string");
    }

    // ------------------------------------------------------------------ bytes and line endings

    @Test
    void invalidUtf8() throws IOException {
        byte[] bytes = notebook(code("\"x = '__'\"")).getBytes(StandardCharsets.UTF_8);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("__");
        bytes[at] = (byte) 0xC3; // a lead byte followed by ASCII
        bytes[at + 1] = (byte) 0x28;
        refused(write("latin.ipynb", bytes), "is not valid UTF-8 at line 2");
    }

    @Test
    void utf8ByteOrderMarkIsReadNormally() throws IOException {
        byte[] text = notebook(code("\"x = 1\\ny = (\"")).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Path file = write("bom.ipynb", bytes);
        // the unclosed bracket is on line 2 of the cell: the BOM shifts nothing
        assertThat(reported(file)).contains(file + ":cell 1:2:");
        planned(file);
    }

    @Test
    void crlfAndLoneCrLineEndingsKeepLineNumbers() throws IOException {
        // in the JSON file: the unknown cell type is reported at file line 3 with every kind of line end
        for (String newline : List.of("\r\n", "\r")) {
            String json = notebook(code("\"a = 1\""), "{\"cell_type\": \"sql\", \"source\": \"\"}").replace("\n", newline);
            refused(write("file-" + newline.length() + ".ipynb", json), "cell 2 (line 3) has an unknown cell_type 'sql'");
        }
        // in the cell source: the syntax error is on line 3 of the cell with CRLF, CR and LF alike
        for (String newline : List.of("\r\n", "\r", "\n")) {
            String source = "a = 1" + newline + "b = 2" + newline + "c = (" + newline;
            Path file = write("source-" + (int) newline.charAt(0) + newline.length() + ".ipynb", notebook(code(str(source))));
            assertThat(reported(file)).as("newline %s", newline.replace("\r", "CR").replace("\n", "LF"))
                .contains(file + ":cell 1:3:");
            planned(file);
        }
    }

    @Test
    void nulBytes() throws IOException {
        // escaped in a source: a report (the cell does not parse)
        Path escaped = write("nul.ipynb", notebook(code("\"x = 1\\u0000\\ny = 2\\n\""), code("\"z = 3\"")));
        assertThat(reported(escaped)).contains(escaped + ": nbformat 4.5");
        planned(escaped);
        // raw in the file: not JSON
        byte[] bytes = notebook(code("\"x = 1@\"")).getBytes(StandardCharsets.UTF_8);
        bytes[new String(bytes, StandardCharsets.ISO_8859_1).indexOf('@')] = 0;
        refusedMatching(write("raw-nul.ipynb", bytes),
            Pattern.quote("is not valid JSON at line 2, column ") + "\\d+" + Pattern.quote(": Illegal unquoted character")
                + ".*");
    }

    // ------------------------------------------------------------------ size and depth of the JSON

    @Test
    void jsonNestedTenThousandLevels() throws IOException {
        refused(write("nested.ipynb", "{\"nbformat\": 4, \"metadata\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
            "is not a notebook: its JSON is nested more than 2000 levels deep");
    }

    @Test
    void fiftyMegabyteTextOutputIsReported() throws IOException {
        Path file = dir.resolve("big-output.ipynb");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("{\"nbformat\": 4, \"nbformat_minor\": 5, " + KERNEL + ", \"cells\": [\n"
                + "{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"source\": \"print(x)\", "
                + "\"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"");
            char[] line = ("0123456789".repeat(10) + "\\n").toCharArray();
            for (int i = 0; i < 50 * 1024 * 1024 / line.length; i++) {
                out.write(line);
            }
            out.write("\"}]}]}\n");
        }
        assertThat(reported(file)).contains(file + ": nbformat 4.5, python kernel, 1 cells (1 code");
    }

    @Test
    void stringOverTheLimitIsRefused() throws IOException {
        Path file = dir.resolve("huge-string.ipynb");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [\n"
                + "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"");
            char[] block = "abcdefgh".repeat(1024).toCharArray();
            for (int i = 0; i <= Limits.MAX_JSON_STRING_CHARS / block.length; i++) {
                out.write(block);
            }
            out.write("\"}]}\n");
        }
        refused(file, "has a string longer than nb2prod's limit of " + Limits.MAX_JSON_STRING_CHARS
            + " characters (see docs/limits.md)");
    }

    @Test
    void numberAndKeyOverTheLimitsAreRefused() throws IOException {
        refused(write("number.ipynb", "{\"nbformat\": 4, \"x\": " + "9".repeat(Limits.MAX_JSON_NUMBER_CHARS + 1) + "}"),
            "has a number longer than nb2prod's limit of " + Limits.MAX_JSON_NUMBER_CHARS + " characters (see docs/limits.md)");
        refused(write("key.ipynb", "{\"nbformat\": 4, \"" + "k".repeat(Limits.MAX_JSON_KEY_CHARS + 1) + "\": 1}"),
            "has a key longer than nb2prod's limit of " + Limits.MAX_JSON_KEY_CHARS + " characters (see docs/limits.md)");
    }

    @Test
    void fileOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
        Path file = dir.resolve("sparse.ipynb");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(Limits.MAX_FILE_BYTES + 1); // a hole: no disk used, and never read
        }
        refused(file, "is too large: " + (Limits.MAX_FILE_BYTES + 1) + " bytes, over nb2prod's limit of "
            + Limits.MAX_FILE_BYTES + " bytes (see docs/limits.md)");
    }

    @Test
    void oneMegabyteLineIsReported() throws IOException {
        Path file = write("long-line.ipynb", notebook(code(str("x = '" + "a".repeat(1 << 20) + "'\n")), code("\"print(x)\"")));
        assertThat(reported(file)).contains(file + ": nbformat 4.5, python kernel, 2 cells (2 code, 0 markdown, 0 raw), "
            + "2 code lines, no syntax errors");
        planned(file);
    }

    // ------------------------------------------------------------------ many cells

    @Test
    void cellCountOverTheLimitIsRefused() throws IOException {
        Path file = dir.resolve("too-many.ipynb");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [{}");
            for (int i = 1; i <= Limits.MAX_CELLS; i++) {
                out.write(",{}");
            }
            out.write("]}");
        }
        refused(file, "has " + (Limits.MAX_CELLS + 1) + " cells, over nb2prod's limit of " + Limits.MAX_CELLS
            + " cells (see docs/limits.md)");
    }

    @Test
    void hundredThousandCellsAreAssessedInBoundedTime() throws IOException {
        Path file = dir.resolve("many.ipynb");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("{\"nbformat\": 4, \"nbformat_minor\": 5, " + KERNEL + ", \"cells\": [\n");
            // one cell in five is code (parsing a cell costs the most), each reading the one before: the quadratic
            // passes over cells that this replaced took minutes here
            for (int i = 0; i < Limits.MAX_CELLS; i++) {
                boolean isCode = i % 5 == 0;
                String source = i == 0 ? "x0 = 0" : isCode ? "x" + i + " = x" + (i - 5) + " + 1" : "## step " + i;
                out.write((i == 0 ? "" : ",\n") + "{\"cell_type\": \"" + (isCode ? "code" : "markdown")
                    + "\", \"metadata\": {}, \"source\": \"" + source + "\""
                    + (isCode ? ", \"execution_count\": " + (i + 1) + ", \"outputs\": []" : "") + "}");
            }
            out.write("\n]}\n");
        }
        long start = System.nanoTime();
        Cli assess = Cli.run("assess", file.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(assess.exitCode()).as(assess.err()).isIn(0, 1);
        assertThat(assess.out()).contains(file + ": nbformat 4.5, python kernel, 100000 cells (20000 code, 80000 markdown");
        // linear work takes a few seconds; the quadratic passes this replaced took many minutes
        assertThat(took).isLessThan(Duration.ofSeconds(60));
    }

    // ------------------------------------------------------------------ 200 MB of images in a 256 MB heap

    @Test
    void twoHundredMegabytesOfImagesInA256MegabyteHeap() throws Exception {
        Path file = dir.resolve("images.ipynb");
        byte[] image = new byte[600_000];
        new Random(7).nextBytes(image);
        String png = Base64.getEncoder().encodeToString(image); // 800 kB of base64 per output
        int outputs = 0;
        try (OutputStream raw = Files.newOutputStream(file);
             BufferedWriter out = new BufferedWriter(new java.io.OutputStreamWriter(raw, StandardCharsets.US_ASCII))) {
            out.write("{\"nbformat\": 4, \"nbformat_minor\": 5, " + KERNEL + ", \"cells\": [\n");
            for (long written = 0; written < 200L * 1024 * 1024; written += png.length()) {
                out.write((outputs == 0 ? "" : ",\n") + "{\"cell_type\": \"code\", \"execution_count\": " + (outputs + 1)
                    + ", \"metadata\": {}, \"source\": \"plt.plot([1, 2])\", \"outputs\": [{\"output_type\": "
                    + "\"display_data\", \"metadata\": {}, \"data\": {\"text/plain\": \"<Figure>\", \"image/png\": \"");
                out.write(png);
                out.write("\"}}]}");
                outputs++;
            }
            out.write("\n]}\n");
        }
        assertThat(Files.size(file)).isGreaterThan(200L * 1024 * 1024);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "assess", "--jobs", "1", file.toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("images.out").toFile()).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(dir.resolve("images.out"));
        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isIn(0, 1);
        assertThat(output).contains(file + ": nbformat 4.5, python kernel, " + outputs + " cells (" + outputs + " code")
            .doesNotContain("memory").doesNotContain("Exception");
    }

    // ------------------------------------------------------------------ pathological Python

    /** A notebook of one code cell of {@code source}, and the syntax error it must be reported with. */
    private void tooDeep(String name, String source, String error) throws IOException {
        Path file = write(name + ".ipynb", notebook(code(str(source))));
        String report = reported(file);
        assertThat(report).as(name).contains(file + ":cell 1:1:").contains(error);
        Cli plan = Cli.run("extract", "--plan", file.toString());
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.err()).isEqualTo("nb2prod: cannot extract " + file + ": every code cell has a syntax error\n");
    }

    @Test
    void deeplyNestedBracketsAreASyntaxErrorNotAnOverflow() throws IOException {
        String brackets = "NB001 syntax error: brackets nested more than 1000 levels deep, nb2prod's limit "
            + "(see docs/limits.md)";
        // the column is that of the 1,001st opening bracket
        tooDeep("parens-10k", "x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000), "1:1005: " + brackets);
        tooDeep("parens-100k", "x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000), "1:1005: " + brackets);
        tooDeep("lists-10k", "x = " + "[".repeat(10_000) + "]".repeat(10_000), "1:1005: " + brackets);
        // braces have their own, lower limit: the parser's work doubles with each (the 17th brace, column 101)
        tooDeep("dicts-10k", "x = " + "{'a': ".repeat(10_000) + "1" + "}".repeat(10_000), "1:101: NB001 syntax error: "
            + "braces nested more than 16 levels deep, nb2prod's limit (see docs/limits.md)");
        tooDeep("calls-10k", "x = " + "f(".repeat(10_000) + "1" + ")".repeat(10_000), "1:2006: " + brackets);
        // brackets inside strings and comments do not count
        Path strings = write("brackets-in-strings.ipynb", notebook(code(str("x = '" + "(".repeat(5_000) + "'  # "
            + "[".repeat(5_000) + "\ny = \"\"\"\n" + "{".repeat(5_000) + "\n\"\"\"\nprint(x, y)"))));
        assertThat(reported(strings)).contains("no syntax errors");
    }

    @Test
    void longChainsAreASyntaxErrorNotAnOverflow() throws IOException {
        String tree = "NB001 syntax error: nested more than 10000 levels deep, nb2prod's limit (see docs/limits.md)";
        tooDeep("plus-20k", "x = " + String.join(" + ", java.util.Collections.nCopies(20_000, "a")), tree);
        tooDeep("lambdas-20k", "f = " + "lambda: ".repeat(20_000) + "1", tree);
        tooDeep("if-else-20k", "x = " + "1 if a else ".repeat(20_000) + "2", tree);
        tooDeep("not-20k", "x = " + "not ".repeat(20_000) + "a", tree);
        tooDeep("minus-20k", "x = " + "-".repeat(20_000) + "a", tree);
        tooDeep("attributes-20k", "x = a" + ".b".repeat(20_000), tree);
        tooDeep("power-20k", "x = " + String.join("**", java.util.Collections.nCopies(20_000, "2")), tree);
    }

    @Test
    void codeJustInsideTheLimitsIsAnalysedByEveryCommand() throws IOException {
        // deeper than any real code and than CPython accepts for brackets, yet inside nb2prod's limits: every
        // recursive pass (names, graph, rules, extraction plan) must cope on its large stack
        List<String> cells = new ArrayList<>();
        cells.add(code(str("a = b = f = 1")));
        cells.add(code(str("x1 = " + "(".repeat(990) + "a" + ")".repeat(990))));
        cells.add(code(str("x2 = " + "[".repeat(990) + "a" + "]".repeat(990))));
        cells.add(code(str("x3 = " + "{'k': ".repeat(16) + "[".repeat(900) + "a" + "]".repeat(900) + "}".repeat(16))));
        cells.add(code(str("x4 = " + "f(".repeat(600) + "a" + ")".repeat(600))));
        cells.add(code(str("x5 = " + String.join(" + ", java.util.Collections.nCopies(1_900, "a")))));
        cells.add(code(str("x6 = " + "a if b else ".repeat(900) + "a")));
        cells.add(code(str("x7 = " + "lambda: ".repeat(1_900) + "a")));
        cells.add(code(str("x8 = a" + ".b".repeat(1_900))));
        cells.add(code(str("x9 = " + "not ".repeat(1_900) + "a")));
        cells.add(code(str("x10 = " + String.join(" + ", java.util.Collections.nCopies(9_000, "a")))));
        cells.add(code(str("open('out.txt', 'w').write(repr([x1, x2, x3, x4, x5, x6, x7, x8, x9, x10]))")));
        Path file = write("deep.ipynb", notebook(cells.toArray(String[]::new)));
        String report = reported(file);
        assertThat(report).contains(file + ": nbformat 4.5, python kernel, 12 cells (12 code, 0 markdown, 0 raw), "
            + "12 code lines, no syntax errors");
        Cli plan = Cli.run("extract", "--plan", file.toString());
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.err()).isEmpty();
        Cli extract = Cli.run("extract", "-o", dir.resolve("package").toString(), file.toString());
        assertThat(extract.exitCode()).as(extract.err()).isZero();
        assertClean(extract);
    }
}
