package dev.nb2prod.python;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nb2prod.notebook.NotebookFiles;
import dev.nb2prod.testing.PythonTool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every cell IPython accepts parses with nb2prod's front end. IPython itself is the oracle
 * (src/test/resources/conformance/ipython_accepts.py runs its {@code TransformerManager.transform_cell} and
 * CPython's compiler), over the code cells of the corpus and over synthetic cells covering every escape form
 * (ipython_syntax_cells.json, each with what IPython does with it). Cells nb2prod parses but IPython rejects are
 * only counted: Python 2 code, and a few forms the Sonar grammar reads more leniently ({@code f(x)?}).
 */
class IPythonTransformConformanceTest {
    private static final Path SCRIPT = Path.of("src/test/resources/conformance/ipython_accepts.py");
    private static final Path SYNTHETIC = Path.of("src/test/resources/conformance/ipython_syntax_cells.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PythonFrontEnd frontEnd = new SonarPythonFrontEnd();

    /** What IPython said about a cell and whether nb2prod parsed it. */
    private record Verdict(String where, String source, boolean ipython, boolean python2, String error,
                           ParsedCell nb2prod) {
        boolean parsed() {
            return nb2prod instanceof ParsedCell.Parsed;
        }
    }

    @Test
    void everyCorpusCellIPythonAcceptsParses() throws IOException {
        Path corpus = PythonTool.corpus().orElse(null);
        Assumptions.assumeTrue(corpus != null, "the corpus is not next to this checkout");
        String python = PythonTool.require("IPython");
        List<String> command = new ArrayList<>(List.of(python, SCRIPT.toAbsolutePath().toString(), "--batch"));
        NotebookFiles.expand(List.of(corpus)).notebooks().forEach(n -> command.add(n.toString()));
        List<Verdict> verdicts = verdicts(run(command), row -> Path.of(row.path("notebook").asText()).getFileName()
                + " cell " + row.path("index").asInt());

        report("corpus", verdicts);
        assertThat(verdicts).hasSizeGreaterThan(5000);
        assertThat(verdicts.stream().filter(Verdict::ipython).count()).isGreaterThan(verdicts.size() * 9L / 10);
        assertThat(rejectedByNb2prod(verdicts)).as("cells IPython accepts that nb2prod does not parse").isEmpty();
    }

    @Test
    void everySyntheticCellIPythonAcceptsParses() throws IOException {
        String python = PythonTool.require("IPython");
        JsonNode cells = JSON.readTree(SYNTHETIC.toFile());
        List<Verdict> verdicts = verdicts(run(List.of(python, SCRIPT.toAbsolutePath().toString(), "--cells",
                SYNTHETIC.toAbsolutePath().toString())), row -> "synthetic cell " + row.path("index").asInt());

        report("synthetic", verdicts);
        assertThat(verdicts).hasSize(cells.size());
        List<String> unexpected = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            boolean expected = cells.get(i).path("ipython").asText().equals("accepted");
            if (verdicts.get(i).ipython() != expected) {
                unexpected.add(verdicts.get(i).where() + " " + quote(verdicts.get(i).source())
                        + ": IPython " + (expected ? "rejects it: " + verdicts.get(i).error() : "accepts it"));
            }
        }
        assertThat(unexpected).as("what IPython does, as " + SYNTHETIC.getFileName() + " records it").isEmpty();
        assertThat(verdicts).filteredOn(Verdict::ipython).hasSizeGreaterThan(50);
        assertThat(rejectedByNb2prod(verdicts)).as("cells IPython accepts that nb2prod does not parse").isEmpty();
    }

    private static String run(List<String> command) throws IOException {
        PythonTool.Result result = PythonTool.run(command, null, 600);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout();
    }

    private List<Verdict> verdicts(String output, java.util.function.Function<JsonNode, String> where)
            throws IOException {
        List<Verdict> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            if (!row.has("accepted")) {
                continue; // a notebook the oracle cannot read: the reader tests cover those
            }
            String source = row.path("source").asText();
            out.add(new Verdict(where.apply(row), source, row.path("accepted").asBoolean(),
                    row.path("python2").asBoolean(), row.path("error").asText(""), frontEnd.parse(source)));
        }
        return out;
    }

    private static List<String> rejectedByNb2prod(List<Verdict> verdicts) throws IOException {
        List<String> out = new ArrayList<>();
        for (Verdict v : verdicts) {
            if (v.ipython() && v.nb2prod() instanceof ParsedCell.Failed f) {
                out.add(v.where() + " " + quote(v.source()) + ": " + f.error());
            }
        }
        return out;
    }

    private static void report(String what, List<Verdict> verdicts) throws IOException {
        long accepted = verdicts.stream().filter(Verdict::ipython).count();
        long parsed = verdicts.stream().filter(Verdict::parsed).count();
        long onlyIPython = verdicts.stream().filter(v -> v.ipython() && !v.parsed()).count();
        long onlyNb2prodPython2 = verdicts.stream().filter(v -> !v.ipython() && v.parsed() && v.python2()).count();
        long onlyNb2prodOther = verdicts.stream().filter(v -> !v.ipython() && v.parsed() && !v.python2()).count();
        System.out.printf("IPython conformance (%s): %d cells, %d accepted by IPython, %d parsed by nb2prod; accepted"
                + " by IPython only: %d; parsed by nb2prod only: %d (Python 2: %d, other: %d)%n", what, verdicts.size(),
                accepted, parsed, onlyIPython, onlyNb2prodPython2 + onlyNb2prodOther, onlyNb2prodPython2,
                onlyNb2prodOther);
        for (Verdict v : verdicts) {
            if (!v.ipython() && v.parsed() && !v.python2()) {
                System.out.println("  parsed by nb2prod only: " + v.where() + " " + quote(v.source())
                        + " (IPython: " + v.error() + ")");
            }
        }
    }

    /** The source as a JSON string, cut to 120 characters. */
    private static String quote(String source) throws IOException {
        String json = JSON.writeValueAsString(source);
        return json.length() > 120 ? json.substring(0, 117) + "..." : json;
    }
}
