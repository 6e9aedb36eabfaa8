package dev.nb2prod.python.names;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookFiles;
import dev.nb2prod.notebook.NotebookReadException;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.testing.PythonTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The per-cell names of the Java analysis agree with a reference implementation written on CPython's own
 * {@code ast} module (src/test/resources/conformance/cell_names.py) on the code cells of the corpus.
 */
class CpythonConformanceTest {
    private static final double REQUIRED_AGREEMENT = 0.995;
    private static final Path ORACLE = Path.of("src/test/resources/conformance/cell_names.py");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void javaNamesAgreeWithCpythonOnTheCorpus() throws IOException {
        Path corpus = PythonTool.corpus().orElse(null);
        Assumptions.assumeTrue(corpus != null, "the corpus is not next to this checkout");
        String python = PythonTool.require();
        List<Path> notebooks = NotebookFiles.expand(List.of(corpus)).notebooks();
        List<String> command = new ArrayList<>(List.of(python, ORACLE.toAbsolutePath().toString(), "--batch"));
        notebooks.forEach(n -> command.add(n.toString()));
        // one source of truth for the mutation heuristic: nb2prod's own lists
        String contract = json.writeValueAsString(Map.of(
            "receiverMutators", new TreeSet<>(MutatingMethods.RECEIVER_MUTATORS),
            "firstArgumentMutators", new TreeSet<>(MutatingMethods.FIRST_ARGUMENT_MUTATORS),
            "moduleAliases", new TreeSet<>(MutatingMethods.MODULE_ALIASES)));
        PythonTool.Result result = PythonTool.run(command, null, Map.of("NB2PROD_MUTATION_CONTRACT", contract), 600);
        assertThat(result.exitCode()).as(result.stderr()).isZero();

        Map<String, Map<Integer, JsonNode>> expected = new TreeMap<>();
        for (String line : result.stdout().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = json.readTree(line);
            if (row.has("index") && !row.has("skipped")) {
                expected.computeIfAbsent(row.get("notebook").asText(), k -> new TreeMap<>()).put(row.get("index").asInt(), row);
            }
        }
        NotebookReader reader = new NotebookReader();
        SonarPythonFrontEnd frontEnd = new SonarPythonFrontEnd();
        int compared = 0;
        int agreed = 0;
        Map<String, Integer> disagreementsByField = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, JsonNode>> entry : expected.entrySet()) {
            Notebook notebook;
            try {
                notebook = reader.read(Path.of(entry.getKey()));
            } catch (NotebookReadException e) {
                continue;
            }
            AnalyzedNotebook analyzed = AnalyzedNotebook.of(notebook, frontEnd);
            for (Map.Entry<Integer, JsonNode> cell : entry.getValue().entrySet()) {
                compared++;
                CellNames names = analyzed.names(cell.getKey());
                List<String> differences = new ArrayList<>();
                if (!names.parsed()) {
                    differences.add("java-syntax-error");
                } else {
                    compare("defines", names.defines(), cell.getValue(), differences);
                    compare("uses", names.uses(), cell.getValue(), differences);
                    compare("mutates", names.mutates(), cell.getValue(), differences);
                    if (names.starImport() != cell.getValue().get("starImport").asBoolean()) {
                        differences.add("starImport");
                    }
                }
                if (differences.isEmpty()) {
                    agreed++;
                } else {
                    differences.forEach(d -> disagreementsByField.merge(d.replaceAll(" .*", ""), 1, Integer::sum));
                    if (examples.size() < 40) {
                        examples.add(Path.of(entry.getKey()).getFileName() + " cell " + cell.getKey() + ": " + differences);
                    }
                }
            }
        }
        double agreement = compared == 0 ? 0 : (double) agreed / compared;
        System.out.printf("names conformance: %d/%d cells agree (%.3f%%); disagreements by field: %s%n",
            agreed, compared, 100 * agreement, disagreementsByField);
        examples.forEach(e -> System.out.println("  " + e));
        assertThat(compared).isGreaterThan(5000);
        assertThat(agreement).as("agreement with CPython; examples: %s", examples).isGreaterThanOrEqualTo(REQUIRED_AGREEMENT);
    }

    @Test
    void theOracleSelfTestPasses() throws IOException {
        PythonTool.Result result = PythonTool.run(List.of(PythonTool.require(), ORACLE.toAbsolutePath().toString(),
            "--selftest"), null, 120);
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    }

    /** The synthetic cells of IPython's syntax (escapes, help, prompts): the oracle models the same transforms. */
    @Test
    void javaNamesAgreeWithCpythonOnIPythonSyntax() throws IOException {
        String python = PythonTool.require();
        JsonNode cells = json.readTree(Path.of("src/test/resources/conformance/ipython_syntax_cells.json").toFile());
        List<String> sources = new ArrayList<>();
        cells.forEach(c -> sources.add(c.path("source").asText()));
        Path input = Files.createTempFile("nb2prod-cells", ".json");
        try {
            json.writeValue(input.toFile(), sources);
            PythonTool.Result result = PythonTool.run(List.of(python, ORACLE.toAbsolutePath().toString(), "--stdin"),
                null, Map.of(), input, 120);
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            SonarPythonFrontEnd frontEnd = new SonarPythonFrontEnd();
            NameAnalyzer analyzer = new NameAnalyzer();
            int compared = 0;
            List<String> differences = new ArrayList<>();
            for (String line : result.stdout().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = json.readTree(line);
                int index = row.get("index").asInt();
                CellNames names = analyzer.analyze(frontEnd.parse(sources.get(index)));
                boolean accepted = cells.get(index).path("ipython").asText().equals("accepted");
                boolean oracleSkips = row.has("skipped") && !row.path("skipped").asText().equals("cell magic");
                if (accepted && (!names.parsed() || oracleSkips)) {
                    differences.add(json.valueToTree(sources.get(index)) + ": IPython runs it, but " + (names.parsed()
                        ? "the oracle skips it (" + row.path("skipped").asText() + ")" : "Java does not parse it"));
                }
                if (row.has("skipped") || !names.parsed()) {
                    continue;
                }
                compared++;
                List<String> cell = new ArrayList<>();
                compare("defines", names.defines(), row, cell);
                compare("uses", names.uses(), row, cell);
                compare("mutates", names.mutates(), row, cell);
                cell.forEach(d -> differences.add(json.valueToTree(sources.get(index)) + ": " + d));
            }
            assertThat(compared).isGreaterThan(60);
            assertThat(differences).isEmpty();
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private static void compare(String field, java.util.SortedSet<String> actual, JsonNode row, List<String> differences) {
        TreeSet<String> expected = new TreeSet<>();
        row.get(field).forEach(n -> expected.add(n.asText()));
        if (!expected.equals(actual)) {
            TreeSet<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            TreeSet<String> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            differences.add(field + " missing=" + missing + " extra=" + extra);
        }
    }
}
