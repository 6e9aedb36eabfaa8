package dev.nb2prod.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionRefused;
import dev.nb2prod.extract.PackageWriter;
import dev.nb2prod.extract.PlanOptions;
import dev.nb2prod.extract.Planner;
import dev.nb2prod.extract.write.Schedule;
import dev.nb2prod.extract.write.WriteRefused;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookReadException;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The extractor over arbitrary notebooks ({@link FuzzNotebooks}) with fuzzed notebook file names and package
 * names, wired as {@code nb2prod extract -o DIR} wires it, writing into a fresh temporary folder. Refusing
 * ({@link ExtractionRefused}, {@link WriteRefused}, with a one-line message) is fine; otherwise the files on disk
 * are exactly the rendered package, all regular files inside DIR, nothing else appears next to it, rendering
 * twice gives the same bytes, and a data file that is a symbolic link out of the notebook's folder is not
 * copied into the package. Python is never run here. Inputs: {@code ExtractorFuzzTestInputs/extract/}.
 */
class ExtractorFuzzTest {
    private static final String OUTSIDE_MARKER = "outside-the-notebook-folder-7f3a";

    private final SonarPythonFrontEnd frontEnd = new SonarPythonFrontEnd();
    private final Assessor assessor = new Assessor(Rules.all(), AssessConfig.DEFAULTS);

    @FuzzTest
    void extract(FuzzedDataProvider data) throws IOException {
        Path root = Files.createTempDirectory("nb2prod-fuzz-");
        try {
            extractInto(root, data);
        } finally {
            deleteTree(root);
        }
    }

    private void extractInto(Path root, FuzzedDataProvider data) throws IOException {
        Path folder = Files.createDirectories(root.resolve("repo"));
        Path outside = Files.writeString(root.resolve("private.csv"), "a,b\n" + OUTSIDE_MARKER + "\n");
        Path dataFolder = Files.createDirectories(folder.resolve("data"));
        switch (data.consumeInt(0, 2)) {
            case 0 -> Files.writeString(dataFolder.resolve("sales.csv"), "price,qty\n1,2\n");
            case 1 -> Files.createSymbolicLink(dataFolder.resolve("sales.csv"), outside);
            default -> { }
        }
        Path notebookFile = folder.resolve(fileName(data));
        String packageName = data.consumeBoolean() ? null : data.consumeString(30);
        boolean keepExploratory = data.consumeBoolean();
        Schedule schedule = data.pickValue(Schedule.values());
        Files.writeString(notebookFile, FuzzNotebooks.json(data), StandardCharsets.UTF_8);
        // consumed after the notebook, so that the committed inputs still make the notebooks they made
        PlanOptions options = new PlanOptions(packageName, keepExploratory, data.consumeBoolean(),
            !data.consumeBoolean());

        Notebook notebook;
        try {
            notebook = new NotebookReader().read(notebookFile);
        } catch (NotebookReadException e) {
            throw new AssertionError("a well-formed generated notebook was refused: " + e.getMessage(), e);
        }
        AnalyzedNotebook analyzed = AnalyzedNotebook.of(notebook, frontEnd);
        CellGraph graph = new CellGraphBuilder().build(analyzed);
        List<Finding> findings = assessor.assess(analyzed, graph);
        ExtractionPlan plan;
        try {
            plan = new Planner().plan(analyzed, graph, findings, options);
        } catch (ExtractionRefused e) {
            assertOneLine(e.getMessage());
            return;
        }
        PackageWriter.Source source = new PackageWriter.Source(notebookFile, findings, schedule);
        Path target = root.resolve("out");
        try {
            new PackageWriter().write(plan, source, target, false);
        } catch (WriteRefused e) {
            assertOneLine(e.getMessage());
            assertThat(target).as("nothing written after a refusal").doesNotExist();
            return;
        }
        SortedMap<String, byte[]> rendered = new PackageWriter().render(plan, source);
        SortedMap<String, byte[]> written = filesUnder(target);
        assertThat(written.keySet()).as("files written").isEqualTo(rendered.keySet());
        written.forEach((path, bytes) -> {
            assertThat(bytes).as("%s is rendered the same twice", path).isEqualTo(rendered.get(path));
            assertThat(new String(bytes, StandardCharsets.UTF_8)).as("content of %s", path).doesNotContain(OUTSIDE_MARKER);
        });
        try (Stream<Path> entries = Files.list(root)) {
            assertThat(entries.map(p -> p.getFileName().toString()).sorted().toList())
                .as("what is next to the package folder").containsExactly("out", "private.csv", "repo");
        }
    }

    /** The notebook's file name: usually ordinary, sometimes any text a file system accepts. */
    private static String fileName(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            return data.pickValue(List.of("analysis.ipynb", "Sales Report (final).ipynb", "01-clean.ipynb",
                "class.ipynb", "con.ipynb", "ünïcode.ipynb", ".hidden.ipynb", "notebook"));
        }
        String name = data.consumeString(40).replace('/', '_').replace('\0', '_');
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "x.ipynb" : name;
    }

    /** Every file under {@code dir} by relative path with {@code /}; fails on anything but folders and regular files. */
    private static SortedMap<String, byte[]> filesUnder(Path dir) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.toList()) {
                assertThat(path.normalize().startsWith(dir)).as("%s inside %s", path, dir).isTrue();
                assertThat(Files.isSymbolicLink(path)).as("%s is a symbolic link", path).isFalse();
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(dir.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
                } else {
                    assertThat(path).as("neither a folder nor a regular file").isDirectory();
                }
            }
        }
        return files;
    }

    private static void assertOneLine(String message) {
        assertThat(message).isNotBlank();
        assertThat(message.codePoints().filter(Character::isISOControl).toArray())
            .as("control characters in %s", message).isEmpty();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
