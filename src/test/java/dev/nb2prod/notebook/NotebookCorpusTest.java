package dev.nb2prod.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reads every notebook of the shared corpus of real notebooks and checks, for every line of every cell
 * source and output text, that the file line the reader gives really holds that line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path corpus;
    private final Map<String, String> failures = new TreeMap<>();
    private final List<String> mismatches = new ArrayList<>();
    private int notebooks;
    private int cells;
    private long sourceLinesChecked;
    private long outputLinesChecked;
    private long objectLinesChecked;

    private static Optional<Path> findCorpus() {
        return Stream.of(Path.of(System.getProperty("user.dir")).resolve("../shared/corpus").normalize(),
                        Path.of("/work/shared/corpus"))
                .filter(Files::isDirectory)
                .findFirst();
    }

    @BeforeAll
    void readTheCorpus() throws IOException {
        Optional<Path> found = findCorpus();
        Assumptions.assumeTrue(found.isPresent(), "the shared corpus is not there");
        corpus = found.get();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".ipynb")).filter(Files::isRegularFile).sorted().toList();
        }
        NotebookReader reader = new NotebookReader();
        for (Path file : files) {
            notebooks++;
            String relative = corpus.relativize(file).toString().replace('\\', '/');
            Notebook notebook;
            try {
                notebook = reader.read(file);
            } catch (NotebookReadException e) {
                failures.put(relative, e.getMessage());
                continue;
            }
            check(relative, notebook, Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        System.out.printf("corpus: %d notebooks, %d unreadable, %d cells, %d source lines, %d output lines,"
                        + " %d cell/output object lines checked%n",
                notebooks, failures.size(), cells, sourceLinesChecked, outputLinesChecked, objectLinesChecked);
    }

    private void check(String relative, Notebook notebook, List<String> fileLines) throws JsonProcessingException {
        for (Cell cell : notebook.cells()) {
            cells++;
            String where = relative + " cell " + (cell.index() + 1);
            checkObjectLine(where, fileLines, cell.fileLine());
            List<String> lines = cell.source().lines();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (i == 0 && notebook.nbformat() == 3 && cell instanceof MarkdownCell) {
                    line = line.replaceFirst("^#{1,6} ", ""); // a heading cell: the '#' marks are added by the reader
                }
                checkLine(where + " source line " + (i + 1), fileLines, cell.source().fileLine(i + 1), line);
                sourceLinesChecked++;
            }
            if (cell instanceof CodeCell code) {
                for (Output output : code.outputs()) {
                    checkObjectLine(where + " output", fileLines, output.fileLine());
                    for (SourceText text : output.texts()) {
                        List<String> outputLines = text.lines();
                        for (int i = 0; i < outputLines.size(); i++) {
                            checkLine(where + " output line " + (i + 1), fileLines, text.fileLine(i + 1), outputLines.get(i));
                            outputLinesChecked++;
                        }
                    }
                }
            }
        }
    }

    private void checkObjectLine(String where, List<String> fileLines, int line) {
        objectLinesChecked++;
        if (line < 1 || line > fileLines.size() || !fileLines.get(line - 1).contains("{")) {
            mismatches.add(where + ": the object does not start on file line " + line);
        }
    }

    private void checkLine(String where, List<String> fileLines, int line, String text) throws JsonProcessingException {
        if (line < 1 || line > fileLines.size()) {
            mismatches.add(where + ": file line " + line + " is outside the file");
        } else if (!holds(fileLines.get(line - 1), text)) {
            mismatches.add(where + ": file line " + line + " does not hold " + abbreviate(text));
        }
    }

    /** True when a line of the file holds {@code text}, as JSON writes it or once its strings are unescaped. */
    static boolean holds(String fileLine, String text) throws JsonProcessingException {
        String escaped = JSON.writeValueAsString(text);
        if (fileLine.contains(escaped.substring(1, escaped.length() - 1))) {
            return true;
        }
        for (String literal : stringLiterals(fileLine)) {
            if (JSON.readValue(literal, String.class).contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** The JSON string literals on one line of a JSON file (strings never span lines in JSON). */
    static List<String> stringLiterals(String line) {
        List<String> literals = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (start < 0) {
                if (c == '"') {
                    start = i;
                }
            } else if (c == '\\') {
                i++;
            } else if (c == '"') {
                literals.add(line.substring(start, i + 1));
                start = -1;
            }
        }
        return literals;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? "'" + text.substring(0, 77) + "...'" : "'" + text + "'";
    }

    @Test
    void readsTheWholeCorpus() {
        assertThat(notebooks).isGreaterThanOrEqualTo(520);
        assertThat(cells).isGreaterThan(10_000);
        assertThat(sourceLinesChecked).isGreaterThan(50_000);
    }

    @Test
    void onlyTheGenuinelyInvalidNotebooksFailWithAOneLineMessageNamingTheFile() {
        assertThat(failures.keySet()).containsExactly(
                "jupyter+nbformat/tests__invalid.ipynb", "jupyter+nbformat/tests__test2.ipynb");
        failures.forEach((relative, message) -> assertThat(message)
                .startsWith(corpus.resolve(relative) + ": ")
                .doesNotContain("\n")
                .doesNotContain("Exception"));
        assertThat(failures.get("jupyter+nbformat/tests__test2.ipynb"))
                .endsWith(": has nbformat 2.0, which nb2prod does not read (it reads nbformat 3 and 4)");
        assertThat(failures.get("jupyter+nbformat/tests__invalid.ipynb"))
                .endsWith(": cell 4: output at line 29 has an unknown output_type 'bad stream'");
    }

    @Test
    void everySourceAndOutputLineMapsToAFileLineHoldingIt() {
        assertThat(mismatches.size())
                .as("lines mapped to a file line that does not hold them; the first ones:%n%s",
                        String.join("\n", mismatches.subList(0, Math.min(20, mismatches.size()))))
                .isZero();
    }

    @Test
    void theLineCheckItselfCanFail() throws Exception {
        assertThat(holds("    \"x = 1\\n\",", "x = 1")).isTrue();
        assertThat(holds("    \"caf\\u00e9 \\/ \\u001b[0m\",", "caf\u00e9 / \u001b[0m")).isTrue();
        assertThat(holds("    \"x = 1\\n\",", "x = 2")).isFalse();
        assertThat(holds("   \"source\": \"a\\\"b\"", "a\"b")).isTrue();
        assertThat(stringLiterals(" \"a\\\"\": [\"b\"],")).containsExactly("\"a\\\"\"", "\"b\"");
    }
}
