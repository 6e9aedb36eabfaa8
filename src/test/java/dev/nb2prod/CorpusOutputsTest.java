package dev.nb2prod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.notebook.Cell;
import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.notebook.Output;
import dev.nb2prod.notebook.SourceText;
import dev.nb2prod.report.NotebookResult;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Secrets;
import dev.nb2prod.testing.AllOutputs;
import dev.nb2prod.testing.PythonTool;
import dev.nb2prod.testing.Renderings;
import dev.nb2prod.testing.SecretScan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole corpus of real notebooks, analysed once (in parallel, as {@code assess --jobs N} does) into what the
 * commands print: assess in its four formats (all notebooks in one report, as {@code nb2prod assess corpus/}),
 * graph json for each notebook and, for the notebooks that hold a secret, graph mermaid and dot, the extraction
 * plan and every generated file. Two properties are checked over it:
 * <ul>
 *   <li>no secret leaks: every secret the credential rules find in a notebook (tokens of known formats in any
 *       cell or output, values given to credential names in code, values shown under credential names in
 *       outputs, the personal data NB403 finds first in an output) appears in full, raw or escaped, in none of those outputs;</li>
 *   <li>determinism: a second run in a child JVM (other identity hash codes, another {@code Set.of}/{@code Map.of}
 *       iteration order), one notebook at a time, in another locale (tr-TR for case mapping, ar-SA digits and
 *       separators for number formats), time zone and platform encoding, gives the same text.</li>
 * </ul>
 * {@link DeterminismTest} covers the command line's {@code --jobs}, a child JVM, more locales and extract.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusOutputsTest {
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");

    /** What nb2prod prints about one notebook; {@code secrets} and {@code more} are set only for notebooks with secrets. */
    private record PerNotebook(NotebookResult result, String graphJson, Set<String> secrets, Map<String, String> more) {}

    private Path corpus;
    private List<Path> files;
    private Map<Path, PerNotebook> first;
    private Map<String, String> firstReport;

    @BeforeAll
    void analyseTheCorpusOnce() {
        Optional<Path> corpus = PythonTool.corpus();
        Assumptions.assumeTrue(corpus.isPresent(), "no corpus next to the checkout");
        this.corpus = corpus.get();
        files = Renderings.notebooks(this.corpus);
        first = run(files.parallelStream(), true);
        firstReport = Renderings.assess(first.values().stream().map(PerNotebook::result).toList());
    }

    private static Map<Path, PerNotebook> run(Stream<Path> files, boolean withSecrets) {
        Map<Path, PerNotebook> out = new TreeMap<>();
        files.map(file -> Renderings.analyse(file).map(analysis -> {
            String graphJson = Renderings.graph(analysis).get("graph.json");
            Set<String> secrets = withSecrets ? secretsOf(analysis) : Set.of();
            Map<String, String> more = new LinkedHashMap<>();
            if (!secrets.isEmpty()) {
                more.putAll(Renderings.graph(analysis));
                Renderings.extract(file, analysis).forEach((name, text) -> more.put("extract " + name, text));
            }
            return Map.entry(file, new PerNotebook(analysis.result(), graphJson, secrets, more));
        })).flatMap(Optional::stream).toList().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Test
    void noSecretOfTheCorpusAppearsInAnyOutput() {
        Set<String> all = new TreeSet<>();
        List<String> leaks = new ArrayList<>();
        int withSecrets = 0;
        for (Map.Entry<Path, PerNotebook> entry : first.entrySet()) {
            PerNotebook notebook = entry.getValue();
            if (notebook.secrets().isEmpty()) {
                continue;
            }
            withSecrets++;
            all.addAll(notebook.secrets());
            SecretScan scan = new SecretScan(notebook.secrets());
            String name = entry.getKey().getFileName().toString();
            scan.text(name + " graph.json", notebook.graphJson());
            notebook.more().forEach((what, text) -> scan.text(name + " " + what, text));
            leaks.addAll(scan.leaks());
        }
        SecretScan scan = new SecretScan(all);
        firstReport.forEach(scan::text);
        leaks.addAll(scan.leaks());
        System.out.printf(Locale.ROOT, "corpus: %d notebooks read of %d; %d hold %d distinct secrets or personal data%n", first.size(),
            files.size(), withSecrets, all.size());
        assertThat(first.size()).as("the corpus was read").isGreaterThan(500);
        // 7 measured (8 before a mailing list's unsubscribe address stopped counting as personal data)
        assertThat(withSecrets).as("the corpus holds secrets to look for (the test can fail)").isGreaterThanOrEqualTo(7);
        assertThat(leaks).as("secrets leaked").isEmpty();
    }

    @Test
    void outputIsByteIdenticalInAChildJvmOneNotebookAtATimeInAnotherLocale(@TempDir Path dir) throws Exception {
        Map<String, String> mine = new LinkedHashMap<>(firstReport);
        first.forEach((file, notebook) -> mine.put(file + " graph.json", notebook.graphJson()));
        Map<String, String> its = AllOutputs.split(AllOutputs.inChildJvm(dir, List.of("--corpus", corpus.toString())));
        AllOutputs.assertSame(its, mine, "a child JVM in tr-TR, one notebook at a time");
        assertThat(firstReport.get("assess.json")).hasSizeGreaterThan(1_000_000);
    }

    /** What the credential rules see as secret in a notebook, in full. */
    private static Set<String> secretsOf(Renderings.Analysis analysis) {
        Set<String> secrets = new TreeSet<>();
        for (Cell cell : analysis.notebook().cells()) {
            Secrets.find(cell.source().text()).forEach(m -> addWithLines(secrets, m.secret()));
            if (cell instanceof CodeCell code) {
                for (Output output : code.outputs()) {
                    for (SourceText text : output.texts()) {
                        Secrets.find(clean(text.text())).forEach(m -> addWithLines(secrets, m.secret()));
                    }
                }
            }
        }
        for (Finding finding : analysis.findings()) {
            Cell cell = analysis.notebook().cells().get(finding.cellIndex());
            if (finding.code().equals("NB403") && finding.where() instanceof Finding.Where.Output o) {
                for (SourceText text : ((CodeCell) cell).outputs().get(o.output() - 1).texts()) {
                    personalDataAt(clean(text.text()), o.line(), o.column())
                        .filter(value -> analysis.notebook().cells().stream().noneMatch(c -> c.source().text().contains(value)))
                        .ifPresent(secrets::add); // personal data the author wrote in a cell is copied like all source
                }
            }
            if (!finding.code().equals("NB401") && !finding.code().equals("NB402")) {
                continue;
            }
            switch (finding.where()) {
                case Finding.Where.Source s -> literal(cell.source(), s).ifPresent(secrets::add);
                case Finding.Where.Output o -> {
                    for (SourceText text : ((CodeCell) cell).outputs().get(o.output() - 1).texts()) {
                        valueAt(clean(text.text()), o.line(), o.column()).ifPresent(secrets::add);
                    }
                }
            }
        }
        secrets.removeIf(s -> s.length() < 8);
        return secrets;
    }

    private static void addWithLines(Set<String> secrets, String secret) {
        secrets.add(secret);
        secrets.addAll(List.of(secret.split("(?:\\\\[nr]|\\s|\"|')+")));
    }

    private static String clean(String text) {
        return ANSI.matcher(text).replaceAll(m -> " ".repeat(m.group().length()));
    }

    /** The string literal a finding in code points at, without quotes, when it looks like a secret. */
    private static Optional<String> literal(SourceText source, Finding.Where.Source where) {
        List<String> lines = source.lines();
        if (where.line() != where.endLine() || where.line() > lines.size()) {
            return Optional.empty();
        }
        String line = lines.get(where.line() - 1);
        int from = Math.min(line.length(), Math.max(0, where.column() - 1));
        int to = Math.min(line.length(), Math.max(from, where.endColumn() - 1));
        String literal = line.substring(from, to).replaceFirst("^[rRbBuUfF]{0,2}([\"'])(.*)\\1$", "$2");
        return Secrets.looksLikeSecret(literal) ? Optional.of(literal) : Optional.empty();
    }

    private static final Pattern PERSONAL = Pattern.compile("\\+?[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+|\\+[0-9][0-9 ()-]{7,}[0-9]");

    /** The first item of personal data an NB403 finding points at (an e-mail address, a phone number). */
    private static Optional<String> personalDataAt(String text, int line, int column) {
        String[] lines = text.split("\n", -1);
        if (line > lines.length || column - 1 >= lines[line - 1].length()) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = PERSONAL.matcher(lines[line - 1]).region(column - 1, lines[line - 1].length());
        return m.lookingAt() ? Optional.of(m.group()) : Optional.empty();
    }

    /** The value starting at a 1-based line and column of an output text, when it looks like a secret. */
    private static Optional<String> valueAt(String text, int line, int column) {
        String[] lines = text.split("\n", -1);
        if (line > lines.length || column - 1 >= lines[line - 1].length()) {
            return Optional.empty();
        }
        String value = lines[line - 1].substring(column - 1).split("[\\s\"'<>,;&()\\[\\]{}]", 2)[0];
        return Secrets.looksLikeSecret(value) ? Optional.of(value) : Optional.empty();
    }
}
