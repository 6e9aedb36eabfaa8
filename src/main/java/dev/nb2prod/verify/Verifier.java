package dev.nb2prod.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookReadException;
import dev.nb2prod.notebook.NotebookReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies that a generated package behaves like its notebook: runs the notebook top to bottom in its folder,
 * capturing each result of the package's {@code nb2prod.json} right after its cell ran, then
 * {@code run_pipeline(config)} of the package on the notebook's data, each in a fresh Python process, and compares
 * the results by name, and the files the notebook writes, with what the package returns and writes
 * ({@link WhatToCompare} decides what is compared for a package without nb2prod.json).
 *
 * <p>Everything it writes goes to a temporary folder removed at the end; the notebook's folder only receives
 * what the notebook itself writes. Each step has the timeout of the options; on timeout the process tree is
 * killed.
 */
public final class Verifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VerifyOptions options;
    private final Map<String, String> extraEnvironment;
    private final Path tempParent;

    public Verifier(VerifyOptions options) {
        this(options, Map.of());
    }

    /** With extra environment variables for the Python processes (tests force the script runner this way). */
    Verifier(VerifyOptions options, Map<String, String> extraEnvironment) {
        this(options, extraEnvironment, null);
    }

    /** With the folder the temporary folder is made in (null: the system's), so tests can see it is removed. */
    Verifier(VerifyOptions options, Map<String, String> extraEnvironment, Path tempParent) {
        this.options = options;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        this.tempParent = tempParent;
    }

    /**
     * Verifies {@code packageDir} against {@code notebookPath}.
     *
     * @throws VerificationException when verification cannot be carried out (the message is one line)
     */
    public VerificationReport verify(Path notebookPath, Path packageDir) throws VerificationException {
        Path notebookFile = notebookPath.toAbsolutePath().normalize();
        Path packageRoot = packageDir.toAbsolutePath().normalize();
        Notebook notebook = readNotebook(notebookFile);
        checkPackage(packageDir, packageRoot);
        Comparands comparands = WhatToCompare.find(notebook, notebookFile, packageRoot, packageDir);
        try (TempFolder temp = tempParent == null ? new TempFolder("nb2prod-verify")
            : new TempFolder(tempParent, "nb2prod-verify")) {
            return run(notebookFile, packageRoot, comparands, temp.path());
        } catch (IOException e) {
            throw new VerificationException("cannot verify: " + e.getMessage());
        }
    }

    private static Notebook readNotebook(Path notebookFile) throws VerificationException {
        Notebook notebook;
        try {
            notebook = new NotebookReader().read(notebookFile);
        } catch (NotebookReadException e) {
            throw new VerificationException(e.getMessage());
        }
        if (!notebook.isPython()) {
            throw new VerificationException(notebookFile + ": not a Python notebook");
        }
        return notebook;
    }

    private static void checkPackage(Path given, Path root) throws VerificationException {
        if (!Files.isDirectory(root)) {
            throw new VerificationException(given + ": no such folder");
        }
        if (!Files.isRegularFile(root.resolve("config.yaml"))) {
            throw new VerificationException(given + ": not a generated package (no config.yaml)");
        }
        if (!Files.isDirectory(root.resolve("src"))) {
            throw new VerificationException(given + ": not a generated package (no src/ folder)");
        }
    }

    private VerificationReport run(Path notebookFile, Path packageRoot, Comparands comparands, Path temp)
        throws IOException, VerificationException {
        Path helper = HelperScript.copyTo(temp);
        Path logs = Files.createDirectory(temp.resolve("logs"));
        Path notebookOut = temp.resolve("notebook");
        Path packageOut = temp.resolve("package");
        Path planFile = temp.resolve("plan.json");
        ChildProcess child = new ChildProcess(logs, environment(temp));
        Path folder = notebookFile.getParent();

        checkInterpreter(child, temp);
        switch (comparands) {
            case Comparands.Results results -> writeResults(planFile, results.results());
            case Comparands.TerminalValues terminals -> writeNames(child, temp, helper, packageRoot, terminals.names());
        }

        ChildProcess.Result notebookRun = step(child, "notebook", temp,
            List.of(helper.toString(), "run-notebook", notebookFile.toString(), planFile.toString(), notebookOut.toString()));
        JsonNode notebookStatus = status(notebookOut, notebookRun, "running the notebook");
        if (!notebookStatus.path("ok").asBoolean()) {
            throw new VerificationException(notebookFailure(notebookStatus));
        }
        String runner = manifest(notebookOut).path("runner").asText("script");

        ChildProcess.Result packageRun = step(child, "package", temp,
            List.of(helper.toString(), "run-package", packageRoot.toString(), folder.toString(), packageOut.toString(),
                notebookOut.toString()));
        JsonNode packageStatus = status(packageOut, packageRun, "running the package");
        if (!packageStatus.path("ok").asBoolean()) {
            String where = packageStatus.path("where").asText("");
            String module = packageStatus.path("missing_module").asText("");
            if (where.equals("layout")) {
                throw new VerificationException(packageRoot + ": " + packageStatus.path("error").asText());
            }
            if (!module.isEmpty()) {
                throw new VerificationException(missingModule("the package", module));
            }
            return new VerificationReport(List.of(), comparands.notes(), Optional.of(
                (where.isEmpty() ? "" : where + ": ") + packageStatus.path("error").asText()), runner,
                comparands.basis());
        }

        JsonNode comparison = compare(child, temp, helper, notebookOut, packageOut);
        VerificationReport report = report(comparison, runner, comparands);
        if (report.count(ArtifactResult.Status.DIFFERENT) == 0) {
            return report;
        }
        return withNotebookReproducibility(report, files(comparison), child, temp, helper, notebookFile, planFile,
            notebookOut);
    }

    /** Writes plan.json for the notebook run: the results to capture, each right after its cell. */
    private static void writeResults(Path planFile, List<ExpectedResult> results) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ExpectedResult r : results) {
            Map<String, Object> entry = new java.util.LinkedHashMap<>();
            entry.put("name", r.name());
            entry.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
            entry.put("cell", r.cell());
            entry.put("source", r.source());
            entry.put("file", r.file());
            list.add(entry);
        }
        JSON.writeValue(planFile.toFile(), Map.of("results", list));
    }

    /** The notebook-relative path of the written file each file result was compared with. */
    private static Map<String, String> files(JsonNode comparison) {
        Map<String, String> files = new java.util.HashMap<>();
        for (JsonNode node : comparison.path("artifacts")) {
            if (!node.path("file").asText("").isEmpty()) {
                files.put(node.path("name").asText(), node.path("file").asText());
            }
        }
        return files;
    }

    private JsonNode compare(ChildProcess child, Path temp, Path helper, Path left, Path right)
        throws IOException, VerificationException {
        ChildProcess.Result comparison = step(child, "compare", temp,
            List.of(helper.toString(), "compare", left.toString(), right.toString(),
                Double.toString(options.tolerance())));
        if (comparison.exitCode() != 0) {
            throw new VerificationException("comparing the results failed: " + lastLine(comparison.stderr()));
        }
        return JSON.readTree(comparison.stdout());
    }

    /**
     * Something differs: runs the notebook a second time and compares it with its first run. A value that differs
     * between two runs of the notebook itself (unseeded randomness, time, hash order) cannot prove anything about the
     * package, so it is marked {@link ArtifactResult.Status#NOT_REPRODUCIBLE} instead of different. When the second
     * run cannot be carried out, the report stays as it was.
     */
    private VerificationReport withNotebookReproducibility(VerificationReport report, Map<String, String> files,
                                                           ChildProcess child, Path temp, Path helper,
                                                           Path notebookFile, Path planFile, Path notebookOut)
        throws IOException {
        Path again = temp.resolve("notebook-again");
        JsonNode selfComparison;
        try {
            ChildProcess.Result rerun = step(child, "notebook-again", temp, List.of(helper.toString(), "run-notebook",
                notebookFile.toString(), planFile.toString(), again.toString()));
            if (!status(again, rerun, "running the notebook again").path("ok").asBoolean()) {
                return report;
            }
            selfComparison = compare(child, temp, helper, notebookOut, again);
        } catch (VerificationException e) {
            return report;
        }
        JsonNode firstRun = manifest(notebookOut).path("artifacts");
        Map<String, String> unstable = new java.util.HashMap<>();
        for (JsonNode node : selfComparison.path("artifacts")) {
            String name = node.path("name").asText();
            boolean defined = name.startsWith("file:") || !firstRun.path(name).path("kind").asText().equals("undefined");
            if (defined && node.path("status").asText().equals("different")) {
                unstable.put(name, node.path("detail").asText(""));
            }
        }
        // a file result is unstable when the file it was compared with differs between the two runs
        files.forEach((name, file) -> {
            if (unstable.containsKey("file:" + file)) {
                unstable.putIfAbsent(name, unstable.get("file:" + file));
            }
        });
        List<ArtifactResult> artifacts = report.artifacts().stream()
            .map(a -> a.status() != ArtifactResult.Status.DIFFERENT || !unstable.containsKey(a.name()) ? a
                : a.kind() == ArtifactResult.Kind.FIGURE
                // a figure drawn from unseeded randomness (a jitter, a sample): it exists, nothing more can be said
                ? new ArtifactResult(a.name(), a.kind(), ArtifactResult.Status.WEAK,
                    "two runs of the notebook itself draw different data (" + unstable.get(a.name())
                        + "): compared by existence")
                : new ArtifactResult(a.name(), a.kind(), ArtifactResult.Status.NOT_REPRODUCIBLE,
                    "two runs of the notebook itself differ: " + unstable.get(a.name())))
            .toList();
        return new VerificationReport(artifacts, report.notes(), report.packageFailure(), report.notebookRunner(),
            report.basis());
    }

    /**
     * Writes plan.json for a notebook nb2prod cannot plan: the notebook's terminal names and, as extra names, those
     * the package's run_pipeline returns (later cells of the notebook may read them, so they need not be terminal).
     * The notebook run captures both, so every value the package returns is compared.
     */
    private void writeNames(ChildProcess child, Path temp, Path helper, Path packageRoot, List<String> terminals) throws IOException, VerificationException {
        ChildProcess.Result listed = step(child, "outputs", temp,
            List.of(helper.toString(), "package-outputs", packageRoot.toString()));
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        if (listed.exitCode() == 0) {
            try {
                JSON.readTree(listed.stdout()).forEach(n -> names.add(n.asText()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // no usable list: the terminal names alone
            }
        }
        Path planFile = temp.resolve("plan.json");
        names.removeAll(terminals);
        JSON.writeValue(planFile.toFile(), Map.of("terminals", terminals, "extra", List.copyOf(names)));
    }

    private Map<String, String> environment(Path temp) {
        Map<String, String> environment = new java.util.TreeMap<>(extraEnvironment);
        environment.putAll(Map.of(
            "MPLBACKEND", "Agg",
            "PYTHONDONTWRITEBYTECODE", "1",
            "PYTHONHASHSEED", "0",
            "PYTHONIOENCODING", "utf-8",
            "IPYTHONDIR", temp.resolve("ipython").toString(),
            "JUPYTER_RUNTIME_DIR", temp.resolve("jupyter-runtime").toString(),
            "PYDEVD_DISABLE_FILE_VALIDATION", "1"));
        return environment;
    }

    private void checkInterpreter(ChildProcess child, Path temp) throws VerificationException {
        ChildProcess.Result probe;
        try {
            probe = child.run("probe", List.of(options.python(), "-c",
                "import sys; print('ok' if sys.version_info >= (3, 8) else 'old')"), temp, options.timeout());
        } catch (IOException e) {
            throw new VerificationException(options.python() + " not found; pass --python");
        }
        if (probe.timedOut() || probe.exitCode() != 0 || !probe.stdout().strip().equals("ok")) {
            throw new VerificationException(options.python() + " is not a working Python 3.8 or newer; pass --python");
        }
    }

    private ChildProcess.Result step(ChildProcess child, String name, Path temp, List<String> arguments)
        throws IOException, VerificationException {
        List<String> command = new ArrayList<>();
        command.add(options.python());
        command.addAll(arguments);
        ChildProcess.Result result = child.run(name, command, temp, options.timeout());
        if (result.timedOut()) {
            String what = switch (name) {
                case "notebook" -> "running the notebook";
                case "notebook-again" -> "running the notebook a second time";
                case "package" -> "running the package";
                case "outputs" -> "reading the names run_pipeline returns";
                default -> "comparing the results";
            };
            throw new VerificationException(what + " took longer than " + options.timeout().toSeconds()
                + "s (--timeout); it was stopped");
        }
        return result;
    }

    private static JsonNode status(Path out, ChildProcess.Result result, String what)
        throws IOException, VerificationException {
        Path file = out.resolve("status.json");
        if (!Files.isRegularFile(file)) {
            throw new VerificationException(what + " failed: " + lastLine(result.stderr()));
        }
        return JSON.readTree(file.toFile());
    }

    private static JsonNode manifest(Path out) throws IOException {
        return JSON.readTree(out.resolve("manifest.json").toFile());
    }

    private String notebookFailure(JsonNode status) {
        String module = status.path("missing_module").asText("");
        if (!module.isEmpty()) {
            return missingModule("the notebook", module);
        }
        String where = status.path("where").asText("");
        return "the notebook does not run top to bottom" + (where.isEmpty() ? "" : " (" + where + ")") + ": "
            + status.path("error").asText();
    }

    private String missingModule(String who, String module) {
        return who + " needs " + module + ", which " + options.python() + " cannot import";
    }

    private static VerificationReport report(JsonNode json, String runner, Comparands comparands)
        throws VerificationException {
        List<ArtifactResult> artifacts = new ArrayList<>();
        for (JsonNode node : json.path("artifacts")) {
            try {
                artifacts.add(new ArtifactResult(node.path("name").asText(),
                    ArtifactResult.Kind.parse(node.path("kind").asText("value")),
                    ArtifactResult.Status.valueOf(node.path("status").asText().toUpperCase(Locale.ROOT)),
                    node.path("detail").asText("")));
            } catch (IllegalArgumentException e) {
                throw new VerificationException("comparing the results failed: the helper reported "
                    + node.path("kind").asText() + "/" + node.path("status").asText() + ", which nb2prod does not know");
            }
        }
        List<String> notes = new ArrayList<>(comparands.notes());
        json.path("notes").forEach(n -> notes.add(n.asText()));
        return new VerificationReport(artifacts, notes, Optional.empty(), runner, comparands.basis());
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no message" : lines.get(lines.size() - 1).strip();
    }
}
