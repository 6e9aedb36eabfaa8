package dev.nb2prod.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.nb2prod.extract.write.ExamplePlans;
import dev.nb2prod.extract.write.Schedule;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Rules;
import dev.nb2prod.testing.PythonTool;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's package, extracted by the real planner, records its runs: run.json after a successful and a failed
 * run, JSON logs, drift against a hand-written reference profile, and the alert webhook.
 */
class MonitoringRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DATA = Path.of("examples/data/customers.csv");
    private static final String SECRET = "sk_test_0123456789abcdef";

    /** Writes a reference profile of a CSV file (deciles for numbers, frequencies for text) the way drift.py reads it. */
    private static final String PROFILE = """
        import json, sys
        import numpy as np, pandas as pd
        frame = pd.read_csv(sys.argv[1])
        columns = {}
        for name in ("monthly_charges", "tenure_months", "region", "plan"):
            values = frame[name]
            present = values.dropna()
            if name in ("region", "plan"):
                shares = present.astype(str).value_counts(normalize=True)
                columns[name] = {"type": "categorical", "null_rate": float(values.isna().mean()),
                                 "frequencies": {str(k): float(v) for k, v in shares.items()}}
            else:
                numbers = present.to_numpy(dtype=float)
                edges = np.quantile(numbers, np.linspace(0, 1, 11))
                counts = np.bincount(np.searchsorted(edges[1:-1], numbers, side="right"), minlength=10)
                columns[name] = {"type": "numeric", "null_rate": float(values.isna().mean()),
                                 "edges": edges.tolist(), "proportions": (counts / counts.sum()).tolist()}
        profile = {"inputs": {"data_path": {"file": "customers.csv", "rows": len(frame), "columns": columns}}}
        with open(sys.argv[2], "w") as out:
            json.dump(profile, out, indent=1)
        """;

    /** The same data, with monthly charges raised and every customer moved to one region. */
    private static final String SHIFT = """
        import sys
        import pandas as pd
        frame = pd.read_csv(sys.argv[1])
        frame["monthly_charges"] = frame["monthly_charges"] * 1.5 + 20
        frame["region"] = "North"
        frame.to_csv(sys.argv[2], index=False)
        """;

    private static String python;
    @TempDir
    static Path dir;
    private static Path root;

    @BeforeAll
    static void extract() throws Exception {
        python = PythonTool.require("pandas", "sklearn", "matplotlib", "yaml");
        AnalyzedNotebook analyzed = AnalyzedNotebook.of(new NotebookReader().read(ExamplePlans.CHURN_NOTEBOOK),
            new SonarPythonFrontEnd());
        CellGraph graph = new CellGraphBuilder().build(analyzed);
        List<Finding> findings = new Assessor(Rules.all(), AssessConfig.DEFAULTS).assess(analyzed, graph);
        ExtractionPlan plan = new Planner().plan(analyzed, graph, findings, PlanOptions.DEFAULTS);
        root = dir.resolve("pkg");
        new PackageWriter().write(plan, new PackageWriter.Source(ExamplePlans.CHURN_NOTEBOOK, findings,
            Schedule.none), root, false);
        Files.copy(DATA, root.resolve("data/customers.csv"));
    }

    private static PythonTool.Result run(Map<String, String> extraEnv, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("PYTHONPATH", "src", "MPLBACKEND", "Agg",
            "PYTHONDONTWRITEBYTECODE", "1", "API_KEY", SECRET));
        env.putAll(extraEnv);
        List<String> command = new ArrayList<>(List.of(python, "-m", "churn_analysis"));
        command.addAll(List.of(args));
        return PythonTool.run(command, root, env, 300);
    }

    private static JsonNode latestRun() throws Exception {
        String id = Files.readString(root.resolve("runs/latest.txt")).strip();
        JsonNode record = JSON.readTree(root.resolve("runs").resolve(id).resolve("run.json").toFile());
        assertThat(record.path("run_id").asText()).isEqualTo(id);
        return record;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void python(String code, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(python, "-c", code));
        command.addAll(List.of(args));
        PythonTool.Result result = PythonTool.run(command, root, 120);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    @Test
    void aSuccessfulRunRecordsEverythingThatProducedItsArtifacts() throws Exception {
        PythonTool.Result result = run(Map.of(), "--set", "reporting.api_token=tok_abcdef",
            "--set", "reporting.note=" + SECRET);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode record = latestRun();
        assertThat(record.path("run_id").asText()).matches("\\d{8}T\\d{6}Z-[0-9a-f]{6}");
        assertThat(record.path("status").asText()).isEqualTo("ok");
        assertThat(record.has("error")).isFalse();
        assertThat(record.path("started").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(record.path("ended").asText()).isGreaterThanOrEqualTo(record.path("started").asText());
        assertThat(record.path("duration_s").asDouble()).isPositive();
        assertThat(record.path("package").path("name").asText()).isEqualTo("churn-analysis");
        assertThat(record.path("package").path("version").asText()).isEqualTo("unknown");
        assertThat(record.path("python").asText()).matches("3\\.\\d+\\.\\d+.*");
        assertThat(record.path("libraries").path("pandas").asText()).isNotEmpty();
        assertThat(record.path("libraries").path("sklearn").asText()).isNotEmpty();

        JsonNode config = record.path("config");
        assertThat(config.path("training").path("rf_n_estimators").asInt()).isEqualTo(200);
        assertThat(config.path("monitoring").path("psi_threshold").asDouble()).isEqualTo(0.2);
        assertThat(config.path("reporting").path("api_token").asText()).isEqualTo("to\u2026");
        assertThat(config.path("reporting").path("note").asText()).isEqualTo("sk\u2026");
        String text = Files.readString(root.resolve("runs").resolve(record.path("run_id").asText()).resolve("run.json"));
        assertThat(text).doesNotContain(SECRET).doesNotContain("tok_abcdef");

        String dataHash = sha256(DATA);
        assertThat(record.path("inputs").properties()).isNotEmpty();
        record.path("inputs").properties().forEach(input -> {
            assertThat(input.getValue().path("sha256").asText()).as(input.getKey()).isEqualTo(dataHash);
            assertThat(input.getValue().path("size").asLong()).isEqualTo(33607L);
        });

        List<String> artifacts = new ArrayList<>();
        for (JsonNode artifact : record.path("artifacts")) {
            Path file = root.resolve(artifact.path("path").asText());
            assertThat(file).as(artifact.toString()).isRegularFile();
            assertThat(artifact.path("size").asLong()).isEqualTo(Files.size(file));
            assertThat(artifact.path("sha256").asText()).isEqualTo(sha256(file));
            artifacts.add(artifact.path("name").asText());
        }
        assertThat(artifacts).contains("lr_file", "rf_file", "rf2_file", "churn_rate_by_region_figure",
            "churn_by_region_path");
        assertThat(record.path("metrics").path("acc").asDouble()).isBetween(0.5, 1.0);
        assertThat(record.path("metrics").path("lr_auc").isNumber()).isTrue();

        List<String> steps = new ArrayList<>();
        for (JsonNode step : record.path("steps")) {
            assertThat(step.path("status").asText()).isEqualTo("ok");
            assertThat(step.has("duration_s")).isTrue();
            steps.add(step.path("name").asText());
        }
        assertThat(steps).startsWith("set_random_seed", "load_customers", "clean_data").contains("train_rf");
        JsonNode clean = record.path("steps").get(2);
        assertThat(clean.path("rows_in").path("df").asInt()).isEqualTo(400);
        assertThat(clean.path("rows_out").path("result").asInt()).isPositive();
        // extract profiled the example's data: today's run reads the same file, so nothing drifted
        assertThat(record.path("drift").path("status").asText()).isEqualTo("checked");
        assertThat(record.path("drift").path("drifted")).isEmpty();
    }

    @Test
    void aFailedRunIsRecordedAndExitsNonZeroAndCallsTheWebhook() throws Exception {
        List<String> posts = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            PythonTool.Result result = run(Map.of("CHURN_ANALYSIS_ALERT_WEBHOOK", url),
                "--set", "data_path=missing.csv", "--set", "ingestion.customers_path=missing.csv");
            assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
            assertThat(result.stderr()).contains("the pipeline failed").contains("missing.csv");
            JsonNode record = latestRun();
            assertThat(record.path("status").asText()).isEqualTo("failed");
            // the data contracts are checked before the first step: no step ran
            assertThat(record.path("error").path("type").asText()).isEqualTo("ContractError");
            assertThat(record.path("error").path("message").asText()).contains("missing.csv").contains("not found");
            assertThat(record.path("steps")).isEmpty();
            record.path("inputs").forEach(input -> assertThat(input.path("exists").asBoolean()).isFalse());
            assertThat(posts).hasSize(1);
            JsonNode alert = JSON.readTree(posts.get(0));
            assertThat(alert.path("status").asText()).isEqualTo("failed");
            assertThat(alert.path("run_id").asText()).isEqualTo(record.path("run_id").asText());
            assertThat(alert.path("run_json").asText()).endsWith("run.json");
        } finally {
            server.stop(0);
        }
        // an unreachable webhook is a warning, not a second failure
        PythonTool.Result ok = run(Map.of("CHURN_ANALYSIS_ALERT_WEBHOOK", "http://127.0.0.1:9/hook"),
            "--set", "data_path=missing.csv", "--set", "ingestion.customers_path=missing.csv");
        assertThat(ok.exitCode()).isEqualTo(1);
        assertThat(ok.stderr()).contains("alert to CHURN_ANALYSIS_ALERT_WEBHOOK failed");
    }

    @Test
    void jsonLogsAreOneObjectPerLineWithTheStartAndEndOfEachStep() throws Exception {
        PythonTool.Result result = run(Map.of(), "--log-format", "json");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : result.stderr().split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                assertThat(node.isObject()).as(line).isTrue();
                assertThat(node.has("time") && node.has("level") && node.has("logger") && node.has("message"))
                    .as(line).isTrue();
                lines.add(node);
            }
        }
        String runId = latestRun().path("run_id").asText();
        List<JsonNode> starts = lines.stream().filter(l -> l.path("event").asText().equals("start")).toList();
        List<JsonNode> ends = lines.stream().filter(l -> l.path("event").asText().equals("end")).toList();
        assertThat(starts).isNotEmpty().hasSameSizeAs(ends);
        assertThat(ends).allSatisfy(e -> {
            assertThat(e.path("run_id").asText()).isEqualTo(runId);
            assertThat(e.path("duration_s").isNumber()).isTrue();
        });
        assertThat(ends).anySatisfy(e -> assertThat(e.path("rows_out").path("result").asInt()).isEqualTo(400));
    }

    @Test
    void driftIsNearZeroOnTheReferenceDataAndPastTheThresholdOnShiftedData() throws Exception {
        Path profile = root.resolve("src/churn_analysis/reference_profile.json");
        python(PROFILE, "data/customers.csv", profile.toString());
        python(SHIFT, "data/customers.csv", "data/shifted.csv");
        try {
            PythonTool.Result same = run(Map.of());
            assertThat(same.exitCode()).as(same.stderr()).isZero();
            JsonNode drift = latestRun().path("drift");
            assertThat(drift.path("status").asText()).isEqualTo("checked");
            assertThat(drift.path("drifted")).isEmpty();
            JsonNode columns = drift.path("inputs").path("data_path").path("columns");
            assertThat(columns.properties()).hasSize(4);
            columns.properties().forEach(c -> assertThat(c.getValue().path("psi").asDouble()).as(c.getKey())
                .isLessThan(0.01));

            PythonTool.Result shifted = run(Map.of(), "--set", "data_path=data/shifted.csv");
            assertThat(shifted.exitCode()).as(shifted.stderr()).isZero();
            JsonNode moved = latestRun().path("drift").path("inputs").path("data_path").path("columns");
            assertThat(moved.path("monthly_charges").path("psi").asDouble()).isGreaterThan(0.2);
            assertThat(moved.path("region").path("psi").asDouble()).isGreaterThan(0.2);
            assertThat(moved.path("region").path("status").asText()).isEqualTo("drifted");
            assertThat(moved.path("tenure_months").path("status").asText()).isEqualTo("ok");
            assertThat(shifted.stderr()).contains("WARNING").contains("column monthly_charges: drifted");

            PythonTool.Result lenient = run(Map.of(), "--set", "data_path=data/shifted.csv",
                "--set", "monitoring.psi_threshold=100");
            assertThat(lenient.exitCode()).isZero();
            assertThat(latestRun().path("drift").path("drifted")).isEmpty();
        } finally {
            Files.delete(profile);
        }
    }

    @Test
    void verifyStillFindsTheResultsRunPipelineReturns() throws Exception {
        Path helper = dir.resolve("nb2prod_verify.py");
        try (var in = MonitoringRunTest.class.getResourceAsStream("/verify/nb2prod_verify.py")) {
            Files.write(helper, in.readAllBytes());
        }
        PythonTool.Result result = PythonTool.run(List.of(python, helper.toString(), "package-outputs",
            root.toString()), root, 60);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<String> names = new ArrayList<>();
        JSON.readTree(result.stdout()).forEach(n -> names.add(n.asText()));
        assertThat(names).contains("lr_auc", "churn_by_region", "rf_file").hasSize(15);
    }

    @Test
    void theGeneratedMonitoringCodeIsPyflakesClean() throws Exception {
        String flakes = PythonTool.require("pyflakes");
        List<String> command = new ArrayList<>(List.of(flakes, "-m", "pyflakes"));
        try (Stream<Path> files = Files.list(root.resolve("src/churn_analysis"))) {
            files.filter(p -> p.toString().endsWith(".py")).forEach(p -> command.add(p.toString()));
        }
        PythonTool.Result result = PythonTool.run(command, root, 120);
        assertThat(result.stdout() + result.stderr()).isEmpty();
    }
}
