package dev.nb2prod.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.extract.write.FileNames;
import dev.nb2prod.extract.write.Schedule;
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
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's corpus test of the whole generated package: {@code extract} on every notebook of the corpus either
 * refuses with a one-line reason or renders a package whose .py files (modules, config, pipeline, tests) all
 * compile and are pyflakes-clean. The Python checks are batched: one interpreter compiles every file, one
 * {@code pyflakes} run checks them all. Prints the percentages and the most frequent problems.
 */
class ExtractCorpusTest {
    /**
     * Measured: 352 of 356 extracted packages (98.9%) compile and are pyflakes-clean; 209 of 565 readable refused.
     * Three of the four left are the notebooks' own defects ({@code '{0} {0}'.format(a, b)}, a function defined
     * twice before use), one a loop variable named like a module the same module imports. The floor is issue 11's
     * goal (98%): a change of one package does not fail the build, a regression below the goal does.
     */
    static final double FLOOR = 0.98;

    private static final String COMPILE_ALL = """
        import os, sys
        for root, dirs, files in os.walk(sys.argv[1]):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(".py"):
                    path = os.path.join(root, name)
                    try:
                        with open(path, encoding="utf-8") as handle:
                            compile(handle.read(), path, "exec")
                    except (SyntaxError, ValueError) as error:
                        print("%s:%s: %s" % (path, getattr(error, "lineno", 0), error.__class__.__name__))
        """;

    @Test
    void everyCorpusNotebookExtractsIntoACleanPackageOrIsRefused(@TempDir Path temp) throws Exception {
        Path corpus = PythonTool.corpus().orElse(null);
        Assumptions.assumeTrue(corpus != null, "no corpus");
        String python = PythonTool.require("pyflakes");
        List<Path> notebooks;
        try (Stream<Path> files = Files.walk(corpus)) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        Map<String, Path> packages = new TreeMap<>();
        Map<String, Integer> refusals = new TreeMap<>();
        List<String> crashes = new ArrayList<>();
        List<String> multiLine = new ArrayList<>();
        List<String> unsafeNames = new ArrayList<>();
        int unreadable = 0;
        int index = 0;
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
                SortedMap<String, byte[]> files = new PackageWriter().render(plan,
                    new PackageWriter.Source(nb, findings, Schedule.none));
                for (String path : files.keySet()) {
                    if (!java.util.Arrays.stream(path.split("/", -1)).allMatch(FileNames::isSafe)) {
                        unsafeNames.add(corpus.relativize(nb) + ": " + path);
                    }
                }
                Path dir = temp.resolve(String.format(Locale.ROOT, "p%03d", index));
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    if (file.getKey().endsWith(".py")) {
                        Path target = dir.resolve(file.getKey());
                        Files.createDirectories(target.getParent());
                        Files.write(target, file.getValue());
                    }
                }
                packages.put(dir.getFileName().toString(), nb);
            } catch (ExtractionRefused e) {
                String reason = String.valueOf(e.getMessage());
                if (reason.isBlank() || reason.contains("\n")) {
                    multiLine.add(corpus.relativize(nb) + ": " + reason);
                }
                refusals.merge(reason.replaceAll("\\d+", "N").replaceAll("\\(.*", "(...)"), 1, Integer::sum);
            } catch (Exception | StackOverflowError e) {
                crashes.add(corpus.relativize(nb) + ": " + e);
            }
        }

        Map<String, List<String>> problems = new TreeMap<>();
        PythonTool.Result compiled = PythonTool.run(List.of(python, "-c", COMPILE_ALL, temp.toString()), temp, 600);
        assertThat(compiled.exitCode()).as(compiled.stderr()).isZero();
        PythonTool.Result flakes = PythonTool.run(List.of(python, "-m", "pyflakes", temp.toString()), temp, 600);
        for (String line : (compiled.stdout() + "\n" + flakes.stdout() + "\n" + flakes.stderr()).split("\n")) {
            if (line.startsWith(temp.toString())) {
                String rel = temp.relativize(Path.of(line.substring(0, line.indexOf(':')))).toString();
                problems.computeIfAbsent(rel.substring(0, rel.indexOf('/')), k -> new ArrayList<>())
                    .add(rel.substring(rel.indexOf('/') + 1) + line.substring(line.indexOf(':')));
            }
        }
        int extracted = packages.size();
        int refused = refusals.values().stream().mapToInt(Integer::intValue).sum();
        int clean = (int) packages.keySet().stream().filter(p -> !problems.containsKey(p)).count();
        double share = extracted == 0 ? 1.0 : clean / (double) extracted;
        System.out.printf(Locale.ROOT, "extract corpus: %d notebooks, %d unreadable, %d refused (%.1f%%), %d extracted; "
                + "compile-and-pyflakes-clean %d of %d extracted (%.1f%%)%n", notebooks.size(), unreadable, refused,
            100.0 * refused / Math.max(1, notebooks.size() - unreadable), extracted, clean, extracted, 100 * share);
        refusals.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
            .forEach(r -> System.out.println("  refused " + r.getValue() + "x: " + r.getKey()));
        Map<String, Integer> kinds = new TreeMap<>();
        problems.values().forEach(lines -> new TreeSet<>(lines.stream()
            .map(l -> l.replaceFirst("^[^:]*/", "").replaceFirst(":\\d+(:\\d+)?:? ", ": ").replaceAll("'[^']*'", "'X'"))
            .toList()).forEach(k -> kinds.merge(k, 1, Integer::sum)));
        kinds.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(20)
            .forEach(k -> System.out.println("  " + k.getValue() + " packages: " + k.getKey()));
        if (System.getenv("NB2PROD_SHOW_PYFLAKES") != null) {
            problems.forEach((p, lines) -> lines.forEach(l -> System.out.println("  " + corpus.relativize(packages.get(p))
                + ": " + l)));
        }
        assertThat(crashes).as("extract must plan and write or refuse").isEmpty();
        assertThat(multiLine).as("refusal reasons are one line").isEmpty();
        assertThat(unsafeNames).as("every path component is a safe file name").isEmpty();
        assertThat(share).as("share of extracted packages that compile and are pyflakes-clean").isGreaterThanOrEqualTo(FLOOR);
    }
}
