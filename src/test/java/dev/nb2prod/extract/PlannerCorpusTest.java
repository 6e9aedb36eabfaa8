package dev.nb2prod.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.extract.plan.PlanPython;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.NotebookReadException;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Rules;
import dev.nb2prod.testing.PythonTool;
import dev.nb2prod.testing.TestNotebooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans every corpus notebook: a plan or a refusal, never another exception; bodies checked with pyflakes. */
class PlannerCorpusTest {

    @Test
    void everyCorpusNotebookIsPlannedOrRefused(@TempDir Path temp) throws Exception {
        Path corpus = PythonTool.corpus().orElse(null);
        Assumptions.assumeTrue(corpus != null, "no corpus");
        List<Path> notebooks;
        try (Stream<Path> files = Files.walk(corpus)) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        Map<String, Integer> refusals = new TreeMap<>();
        List<String> crashes = new ArrayList<>();
        int planned = 0;
        int unreadable = 0;
        int index = 0;
        Map<Path, Path> written = new TreeMap<>();
        for (Path nb : notebooks) {
            index++;
            AnalyzedNotebook analyzed;
            try {
                analyzed = TestNotebooks.analyze(new NotebookReader().read(nb));
            } catch (NotebookReadException e) {
                unreadable++;
                continue;
            }
            try {
                CellGraph graph = new CellGraphBuilder().build(analyzed);
                List<Finding> findings = new Assessor(Rules.all(), AssessConfig.DEFAULTS).assess(analyzed, graph);
                ExtractionPlan plan = new Planner().plan(analyzed, graph, findings, PlanOptions.DEFAULTS);
                ExtractionPlan again = new Planner().plan(analyzed, graph, findings, PlanOptions.DEFAULTS);
                assertThat(again).as("deterministic: " + nb).isEqualTo(plan);
                new PlanPrinter().render(plan);
                Path dir = temp.resolve("nb" + index);
                PlanPython.write(plan, dir);
                written.put(dir, nb);
                planned++;
            } catch (ExtractionRefused e) {
                if (System.getenv("NB2PROD_SHOW_REFUSALS") != null) {
                    System.out.println("  " + nb.getFileName() + ": " + e.getMessage());
                }
                refusals.merge(e.getMessage().replaceAll("cell \\d+", "cell N").replaceAll("\\(.*", "(...)"), 1,
                    Integer::sum);
            } catch (RuntimeException | StackOverflowError e) {
                crashes.add(nb + ": " + e);
            }
        }
        int refused = refusals.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("corpus: %d notebooks, %d unreadable, %d planned, %d refused%n", notebooks.size(), unreadable,
            planned, refused);
        refusals.forEach((r, n) -> System.out.println("  refused " + n + "x: " + r));
        String python = System.getenv("NB2PROD_SKIP_PYFLAKES") == null ? pythonOrNull() : null;
        if (python != null && !written.isEmpty()) {
            int clean = 0;
            Map<String, Integer> kinds = new TreeMap<>();
            for (var e : written.entrySet()) {
                List<String> command = new ArrayList<>(List.of(python, "-m", "pyflakes"));
                try (Stream<Path> files = Files.list(e.getKey())) {
                    files.map(Path::toString).sorted().forEach(command::add);
                }
                var result = PythonTool.run(command, null, 60);
                if (result.exitCode() == 0) {
                    clean++;
                } else {
                    for (String line : (result.stdout() + result.stderr()).split("\n")) {
                        String kind = line.replaceFirst("^[^ ]+ ", "").replaceAll("'[^']*'", "'X'");
                        kinds.merge(kind, 1, Integer::sum);
                        if (System.getenv("NB2PROD_SHOW_PYFLAKES") != null) {
                            System.out.println("  " + e.getValue().getFileName() + ": " + line);
                        }
                    }
                }
            }
            System.out.printf("pyflakes-clean bodies: %d of %d planned%n", clean, written.size());
            kinds.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
                .forEach(k -> System.out.println("  " + k.getValue() + "x " + k.getKey()));
        }
        assertThat(crashes).isEmpty();
    }

    private static String pythonOrNull() {
        try {
            return PythonTool.require("pyflakes");
        } catch (org.opentest4j.TestAbortedException e) {
            return null;
        }
    }
}
