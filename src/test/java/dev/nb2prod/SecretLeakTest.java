package dev.nb2prod;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nb2prod.testing.Cli;
import dev.nb2prod.testing.PythonTool;
import dev.nb2prod.testing.SecretScan;
import dev.nb2prod.testing.SeededNotebooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret ever leaks: notebooks seeded with every kind of secret nb2prod recognises, in code and in outputs (see
 * {@link SeededNotebooks}), go through every command and format, and no byte written to stdout, stderr or a file
 * holds a complete secret (raw, or escaped for JSON, HTML, Mermaid, DOT or GitHub annotations).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretLeakTest {
    private static final String[] ASSESS_FORMATS = {"text", "json", "sarif", "github"};
    private static final String[] GRAPH_FORMATS = {"json", "mermaid", "dot"};

    private Path dir;
    private final SeededNotebooks seeded = new SeededNotebooks();
    private Path inCode;
    private Path inOutputs;
    private Path broken;
    private SecretScan scan;
    private Set<String> seededSecrets;

    @BeforeAll
    void seed(@TempDir Path dir) {
        this.dir = dir;
        inCode = seeded.inCode(dir.resolve("in/code.ipynb"));
        inOutputs = seeded.inOutputs(dir.resolve("in/outputs.ipynb"));
        broken = seeded.brokenLines(dir.resolve("in/broken.ipynb"));
        seededSecrets = seeded.secrets();
    }

    private SecretScan newScan() {
        scan = new SecretScan(seeded.secretsAndDerivedForms());
        return scan;
    }

    private void assertNoLeak() {
        System.out.printf(java.util.Locale.ROOT, "%d secrets looked for in %d texts (%d characters)%n",
            seeded.secretsAndDerivedForms().size(), scan.scannedTexts(), scan.scannedChars());
        assertThat(scan.scannedTexts()).as("something was scanned").isPositive();
        assertThat(scan.leaks()).as("secrets leaked").isEmpty();
    }

    @Test
    void theNotebooksHoldEverySecretAndTheRulesSeeEachOne() throws Exception {
        SecretScan raw = new SecretScan(seededSecrets);
        for (Path file : List.of(inCode, inOutputs, broken)) {
            raw.text(file.getFileName().toString(), Files.readString(file));
        }
        Set<String> found = new TreeSet<>();
        raw.leaks().forEach(leak -> found.add(leak.substring(leak.indexOf(": ") + 2, leak.indexOf(" in ..."))));
        assertThat(seededSecrets).as("each secret is in a notebook (the scan can fail)").isSubsetOf(found);

        Cli run = Cli.run("assess", "--format", "json", "--fail-on", "info", inCode.toString(), inOutputs.toString(),
            broken.toString());
        Set<SeededNotebooks.Expected> reported = new java.util.HashSet<>();
        for (JsonNode notebook : new ObjectMapper().readTree(run.out()).path("notebooks")) {
            String name = Path.of(notebook.path("path").asText()).getFileName().toString();
            for (JsonNode finding : notebook.path("findings")) {
                reported.add(new SeededNotebooks.Expected(finding.path("code").asText(), name,
                    finding.path("cellIndex").asInt()));
            }
        }
        assertThat(reported).as("a finding wherever a secret was seeded").containsAll(seeded.expected());
        assertThat(seeded.expected()).hasSizeGreaterThan(200);
        System.out.printf(java.util.Locale.ROOT, "seeded %d secrets, %d findings expected%n", seededSecrets.size(),
            seeded.expected().size());
    }

    @Test
    void assessInEveryFormatToStandardOutputAndFiles() {
        newScan();
        Path out = dir.resolve("assess-out");
        String[] notebooks = {inCode.toString(), inOutputs.toString(), broken.toString()};
        for (String format : ASSESS_FORMATS) {
            scan.run("assess " + format, Cli.run(concat(new String[] {"assess", "--format", format, "--fail-on", "info"}, notebooks)));
            scan.run("assess " + format + " -o", Cli.run(concat(new String[] {"assess", "--format", format,
                "-o", out.resolve("report." + format).toString()}, notebooks)));
        }
        scan.run("assess dir", Cli.run("assess", "--jobs", "2", dir.resolve("in").toString()));
        Path baseline = out.resolve("baseline.json");
        scan.run("assess --write-baseline", Cli.run(concat(new String[] {"assess", "--write-baseline", baseline.toString()}, notebooks)));
        scan.run("assess --baseline", Cli.run(concat(new String[] {"assess", "--format", "sarif", "--baseline", baseline.toString()}, notebooks)));
        scan.files("assess files", out);
        assertThat(out.resolve("report.sarif")).exists();
        assertThat(baseline).exists();
        assertNoLeak();
    }

    @Test
    void graphInEveryFormat() {
        newScan();
        Path out = dir.resolve("graph-out");
        for (Path notebook : List.of(inCode, inOutputs, broken)) {
            for (String format : GRAPH_FORMATS) {
                String what = "graph " + format + " " + notebook.getFileName();
                scan.run(what, Cli.run("graph", "--format", format, notebook.toString()));
                scan.run(what + " -o", Cli.run("graph", "--format", format, "-o",
                    out.resolve(notebook.getFileName() + "." + format).toString(), notebook.toString()));
            }
        }
        scan.files("graph files", out);
        assertNoLeak();
    }

    @Test
    void extractAndItsPlan() {
        newScan();
        Path out = dir.resolve("extract-out");
        for (Path notebook : List.of(inCode, inOutputs, broken)) {
            String name = notebook.getFileName().toString().replace(".ipynb", "");
            scan.run("extract --plan " + name, Cli.run(extractArgs(notebook, "--plan", notebook.toString())));
            for (String orchestrator : List.of("none", "dagster", "github", "make")) {
                Path target = out.resolve(name + "-" + orchestrator);
                Cli run = Cli.run(extractArgs(notebook, "--orchestrator", orchestrator, "-o", target.toString(),
                    notebook.toString()));
                scan.run("extract " + name + " " + orchestrator, run);
                if (notebook != broken) {
                    assertThat(run.exitCode()).as(run.err()).isZero();
                }
            }
        }
        assertThat(out.resolve("code-none/.env.example")).exists();
        scan.files("extract files", out);
        assertNoLeak();
    }

    /**
     * The notebook with secrets in code displays nothing, so it is extracted with every cell kept
     * (--keep-exploratory): every seeded secret must then reach the generated package masked or hoisted.
     */
    private String[] extractArgs(Path notebook, String... args) {
        return notebook == inCode ? concat(new String[] {"extract", "--keep-exploratory"}, args)
            : concat(new String[] {"extract"}, args);
    }

    @Test
    void rulesDocumentation() {
        newScan();
        scan.run("rules", Cli.run("rules"));
        scan.run("rules NB401", Cli.run("rules", "NB401"));
        scan.run("rules NB402", Cli.run("rules", "secret-in-output"));
        assertNoLeak();
    }

    @Test
    void errorMessagesOfNotebooksThatCannotBeRead() {
        List<Path> bad = seeded.badNotebooks(dir.resolve("bad"));
        newScan();
        List<String> args = new ArrayList<>(List.of("assess", "--format", "json"));
        bad.forEach(p -> args.add(p.toString()));
        Cli all = Cli.run(args.toArray(String[]::new));
        scan.run("assess of bad notebooks", all);
        assertThat(all.exitCode()).isEqualTo(2);
        assertThat(all.err().lines()).hasSize(bad.size());
        for (Path file : bad) {
            scan.run("graph " + file.getFileName(), Cli.run("graph", file.toString()));
            scan.run("extract --plan " + file.getFileName(), Cli.run("extract", "--plan", file.toString()));
            scan.run("extract " + file.getFileName(), Cli.run("extract", "-o", dir.resolve("bad-out").toString(), file.toString()));
        }
        scan.files("bad files", dir.resolve("bad-out"));
        assertNoLeak();
    }

    @Test
    void verifyReportsAndErrors() throws Exception {
        String python = PythonTool.require("pandas", "nbclient", "ipykernel");
        SecretScan scan = newScan();
        SeededNotebooks.Kind stripe = SeededNotebooks.formats().stream()
            .filter(k -> k.kind().equals("Stripe live key")).findFirst().orElseThrow();
        String key = stripe.make().apply(new java.util.Random(7)).literal();
        scan = new SecretScan(concatSet(seeded.secretsAndDerivedForms(), key));
        this.scan = scan;
        Path runs = dir.resolve("verify/runs.ipynb");
        dev.nb2prod.testing.IpynbFiles.write(runs, "import pandas as pd\nAPI_KEY = '" + key + "'",
            "frame = pd.DataFrame({'n': [len(API_KEY)], 'k': [API_KEY[:4]]})\nprint(API_KEY)",
            "frame.to_csv('frame.csv', index=False)");
        Path fails = dir.resolve("verify/fails.ipynb");
        dev.nb2prod.testing.IpynbFiles.write(fails, "import pandas as pd\nAPI_KEY = '" + key + "'",
            "frame = pd.DataFrame({'n': [1]})\nframe.to_csv('frame.csv', index=False)",
            "raise ValueError('key rejected: ' + API_KEY)");
        for (Path notebook : List.of(runs, fails)) {
            String name = notebook.getFileName().toString();
            Path pkg = dir.resolve("verify/" + name + "-pkg");
            Cli extract = Cli.run("extract", "-o", pkg.toString(), notebook.toString());
            scan.run("extract " + name, extract);
            assertThat(extract.exitCode()).as(extract.err()).isZero();
            scan.files("extract " + name, pkg);
            Cli verify = Cli.run("verify", "--python", python, "--timeout", "120", notebook.toString(), pkg.toString());
            scan.run("verify " + name, verify);
            assertThat(verify.exitCode()).as(verify.out() + verify.err()).isIn(1, 2);
        }
        assertNoLeak();
    }

    private static Set<String> concatSet(Set<String> set, String more) {
        Set<String> all = new java.util.LinkedHashSet<>(set);
        all.add(more);
        return all;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
