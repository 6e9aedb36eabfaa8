package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.extract.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The generated tests: conftest.py (a configuration pointed at tests/fixtures/ and one session fixture per
 * function, chained like pipeline.py), one test module per stage checking each function's output contract, and
 * an end-to-end test of run_pipeline.
 */
public final class TestsRenderer {
    /** Generators seeded by the operating system, and the clock. */
    private static final Pattern UNREPEATABLE = Pattern.compile("\\bdefault_rng\\(\\s*\\)|\\bRandomState\\(\\s*\\)"
        + "|\\brandom\\.Random\\(\\s*\\)|\\bSystemRandom\\(|\\buuid[14]\\(|\\bos\\.urandom\\(|\\bsecrets\\.\\w+\\("
        + "|\\.now\\(\\s*\\)|\\btoday\\(\\s*\\)|\\btime\\.time\\(\\s*\\)|\\bperf_counter\\(");

    private final Wiring wiring;
    private final String pkg;
    private final List<DataFixtures.Fixture> fixtures;

    public TestsRenderer(Wiring wiring, List<DataFixtures.Fixture> fixtures) {
        this.wiring = wiring;
        this.pkg = wiring.plan().packageName();
        this.fixtures = fixtures;
    }

    static String fixtureName(StageFunction function) {
        return function.name() + "_result";
    }

    public String conftest() {
        Map<Stage, List<String>> byStage = new LinkedHashMap<>();
        for (StageFunction function : wiring.plan().functions()) {
            byStage.computeIfAbsent(function.stage(), s -> new ArrayList<>()).add(function.name());
        }
        Imports imports = new Imports().add("from __future__ import annotations").add("import random")
            .add("import sys").add("from pathlib import Path").add("from typing import Any").add("import pytest")
            .local(pkg).local("snapshots").add("from snapshots import Snapshot");
        imports.add("from " + pkg + ".config import load_config");
        wiring.usedSettings().forEach(s -> imports.add("from " + pkg + ".config import " + s.className()));
        byStage.forEach((stage, names) -> names.forEach(n -> imports.add("from " + pkg + "." + stage.module() + " import " + n)));
        imports.addAll(wiring.bundleImports(pkg + "."));
        StringBuilder inputs = new StringBuilder();
        for (DataFixtures.Fixture fixture : fixtures) {
            inputs.append("    ").append(PyText.quote(fixture.key().key())).append(": ")
                .append(PyText.quote(fixture.fileName())).append(",\n");
        }
        StringBuilder functions = new StringBuilder();
        for (StageFunction function : wiring.plan().functions()) {
            functions.append("\n\n").append(functionFixture(function));
        }
        return Template.load("tests/conftest.py.tmpl").render(Map.of(
            "imports", imports.render(),
            "inputs", inputs.toString(),
            "functions", functions.toString()));
    }

    private String functionFixture(StageFunction function) {
        List<String> params = new ArrayList<>();
        if (wiring.usesConfig(function)) {
            params.add("config: dict[str, Any]");
        }
        Map<StageFunction, String> upstream = new LinkedHashMap<>();
        for (StageFunction producer : wiring.upstream(function)) {
            params.add(fixtureName(producer) + ": dict[str, Any]");
            upstream.put(producer, fixtureName(producer));
        }
        // the step before it in the pipeline runs first, as in run_pipeline: it may write a file this step reads,
        // seed a generator or set an option
        Optional<StageFunction> previous = previous(function).filter(p -> !upstream.containsKey(p));
        previous.ifPresent(p -> params.add(fixtureName(p) + ": dict[str, Any]"));
        StringBuilder out = new StringBuilder("@pytest.fixture(scope=\"session\")\n");
        out.append(PyText.call(0, "def " + fixtureName(function), params, " -> dict[str, Any]:"));
        out.append("    \"\"\"What ").append(function.name()).append(" returns on the fixture data")
            .append(previous.isPresent() ? ", after " + previous.get().name() + " ran" : "").append(".\"\"\"\n");
        out.append("    reset_random_state()\n");
        out.append(new PipelineRenderer(wiring).stepCall(function, 4, upstream));
        return out.toString();
    }

    /**
     * Why the function's results differ from run to run, if they do: it (or a step it takes results from) draws from
     * a generator seeded by the operating system ({@code np.random.default_rng()}, {@code random.Random()}) or
     * reads the clock. The global generators are reset before each step, so unseeded estimators and
     * {@code np.random.rand} are repeatable.
     */
    private Optional<String> unrepeatable(StageFunction function) {
        List<StageFunction> todo = new ArrayList<>(List.of(function));
        Set<StageFunction> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            StageFunction f = todo.remove(0);
            java.util.regex.Matcher m = UNREPEATABLE.matcher(f.body());
            if (m.find()) {
                return Optional.of((f == function ? "it" : f.name()) + " calls " + m.group().replaceAll("\\s+", "")
                    + ", so its results differ from run to run: seed it to snapshot them");
            }
            for (StageFunction u : wiring.upstream(f)) {
                if (seen.add(u)) {
                    todo.add(u);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<StageFunction> previous(StageFunction function) {
        List<StageFunction> functions = wiring.plan().functions();
        int i = functions.indexOf(function);
        return i > 0 ? Optional.of(functions.get(i - 1)) : Optional.empty();
    }

    /** The tests of one stage's functions, and the notebook's own asserts about the data they return. */
    public String stageTest(Stage stage, List<NotebookAsserts.Check> checks) {
        List<StageFunction> functions = wiring.plan().functions().stream().filter(f -> f.stage() == stage).toList();
        StringBuilder tests = new StringBuilder();
        for (StageFunction function : functions) {
            tests.append("\n\n").append(functionTest(function));
        }
        Imports imports = new Imports().add("import numbers").add("import pandas as pd").add("import numpy as np")
            .add("import pytest").add("from snapshots import Snapshot").local("snapshots");
        Set<String> names = new HashSet<>();
        for (NotebookAsserts.Check check : checks) {
            if (check.owner().stage() == stage) {
                String name = "test_notebook_check_cell_" + check.cell();
                for (int i = 2; !names.add(name); i++) {
                    name = "test_notebook_check_cell_" + check.cell() + "_" + i;
                }
                tests.append("\n\n").append(checkTest(name, check));
                imports.addAll(check.imports());
            }
        }
        imports.usedIn(tests.toString());
        imports.add("from __future__ import annotations").add("from typing import Any");
        return Template.load("tests/test_stage.py.tmpl").render(Map.of(
            "stage", stage.module(),
            "imports", imports.render(),
            "tests", tests.toString()));
    }

    private static String checkTest(String name, NotebookAsserts.Check check) {
        Set<StageFunction> producers = new java.util.LinkedHashSet<>(check.values().values());
        List<String> params = producers.stream().map(p -> fixtureName(p) + ": dict[str, Any]").toList();
        StringBuilder out = new StringBuilder(PyText.call(0, "def " + name, params, " -> None:"));
        out.append("    \"\"\"The notebook's own check in cell ").append(check.cell())
            .append(" holds on the fixture data.\"\"\"\n");
        check.values().forEach((value, producer) -> out.append("    ").append(value).append(" = ")
            .append(fixtureName(producer)).append("[").append(PyText.quote(value)).append("]\n"));
        out.append("    assert ").append(check.condition()).append('\n');
        return out.toString();
    }

    private String functionTest(StageFunction function) {
        String fixture = fixtureName(function);
        StringBuilder out = new StringBuilder();
        out.append("def test_").append(function.name()).append("(").append(fixture).append(": dict[str, Any]) -> None:\n");
        if (function.returns().isEmpty()) {
            out.append("    \"\"\"").append(function.name()).append(" runs on the fixture data.\"\"\"\n");
            out.append("    assert ").append(fixture).append(" == {}\n");
            return out.toString();
        }
        out.append("    \"\"\"").append(function.name()).append(" keeps its output contract on the fixture data.\"\"\"\n");
        for (Returned returned : function.returns()) {
            out.append("    ").append(returned.name()).append(" = ").append(fixture).append("[")
                .append(PyText.quote(returned.name())).append("]\n");
            out.append(contract(function, returned));
        }
        out.append("\n\n");
        unrepeatable(function).ifPresent(reason -> out.append("@pytest.mark.skip(\n    reason=")
            .append(textLiteral(reason, 4)).append(",\n)\n"));
        out.append(PyText.call(0, "def test_" + function.name() + "_matches_snapshot",
            List.of(fixture + ": dict[str, Any]", "snapshot: Snapshot"), " -> None:"));
        out.append("    \"\"\"The results match their snapshot, tests/golden/").append(function.name())
            .append(".json.\"\"\"\n");
        out.append("    snapshot.check(").append(PyText.quote(function.name())).append(", ").append(fixture)
            .append(")\n");
        return out.toString();
    }

    /** Assertions for one returned value, from its type hint and what the body does to it. */
    private static String contract(StageFunction function, Returned returned) {
        String name = returned.name();
        String hint = returned.typeHint();
        StringBuilder out = new StringBuilder();
        switch (hint) {
            case "pd.DataFrame", "pandas.DataFrame" -> {
                out.append("    assert isinstance(").append(name).append(", pd.DataFrame)\n");
                out.append("    assert not ").append(name).append(".empty\n");
                if (noNullsLeft(function.body(), name)) {
                    out.append("    assert not ").append(name).append(".isna().any().any()\n");
                }
            }
            case "pd.Series", "pandas.Series" -> {
                out.append("    assert isinstance(").append(name).append(", pd.Series)\n");
                out.append("    assert not ").append(name).append(".empty\n");
            }
            // numbers.Real and numbers.Integral also hold NumPy's scalars (df.x.min() is a numpy.int64)
            case "float" -> out.append("    assert isinstance(").append(name).append(", numbers.Real)\n");
            case "int" -> out.append("    assert isinstance(").append(name).append(", numbers.Integral)\n");
            case "bool" -> out.append("    assert isinstance(").append(name).append(", bool)\n");
            // a saved figure's path too: it is empty when the figure has nothing drawn (Jupyter shows none either)
            case "str" -> out.append("    assert isinstance(").append(name).append(", str)\n");
            case "np.ndarray", "numpy.ndarray" -> {
                out.append("    assert isinstance(").append(name).append(", np.ndarray)\n");
                out.append("    assert ").append(name).append(".size > 0\n");
            }
            default -> {
                boolean model = !hint.isEmpty() && Character.isUpperCase(hint.charAt(0)) && !hint.contains(".");
                // an estimator: not every one predicts (PCA transforms, KernelDensity scores samples)
                out.append(model ? "    assert hasattr(" + name + ", \"fit\"), \"" + name + " is an estimator\"\n"
                    : "    assert " + name + " is not None\n");
            }
        }
        return out.toString();
    }

    /**
     * True when the body's last word on nulls in {@code name} is a {@code dropna()} or {@code fillna(...)}: no
     * column of it is assigned afterwards.
     */
    static boolean noNullsLeft(String body, String name) {
        String n = Pattern.quote(name);
        int cleaned = lastMatch(body, "(?<![\\w.])" + n + "\\s*(=\\s*" + n + "\\s*)?\\.(dropna\\(\\)|fillna\\()");
        int assigned = lastMatch(body, "(?<![\\w.])" + n + "(\\[[^\\]]+]|\\.loc\\[[^\\]]+]|\\.\\w+)\\s*=[^=]");
        return cleaned >= 0 && cleaned > assigned;
    }

    private static int lastMatch(String text, String regex) {
        var m = Pattern.compile(regex).matcher(text);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }

    /** test_pipeline.py: every output on the fixtures, and each result the notebook showed on its own data. */
    public String pipelineTest(List<NotebookEvidence.Item> shown) {
        StringBuilder outputs = new StringBuilder();
        for (String output : wiring.plan().outputs()) {
            outputs.append("    ").append(PyText.quote(output)).append(",\n");
        }
        String definitions = "";
        String shownTests = "";
        if (!shown.isEmpty()) {
            StringBuilder keys = new StringBuilder();
            wiring.inputKeys().stream().map(k -> k.key()).distinct()
                .forEach(k -> keys.append("    ").append(PyText.quote(k)).append(",\n"));
            StringBuilder items = new StringBuilder();
            for (NotebookEvidence.Item item : shown) {
                items.append("    ").append(PyText.quote(item.name())).append(": Shown(\n");
                items.append("        cell=").append(item.cell()).append(",\n");
                items.append("        text=").append(textLiteral(item.text(), 8)).append(",\n");
                if (item.printed()) {
                    items.append("        printed=True,\n");
                }
                if (!item.skip().isEmpty()) {
                    items.append("        skip=").append(textLiteral(item.skip(), 8)).append(",\n");
                }
                items.append("    ),\n");
            }
            definitions = Template.load("tests/pipeline_shown_definitions.py.tmpl").render(Map.of(
                "input_keys", keys.toString(), "shown", items.toString()));
            shownTests = Template.load("tests/pipeline_shown_tests.py.tmpl").render(Map.of());
        }
        String body = outputs + definitions + shownTests;
        Imports imports = new Imports().add("from __future__ import annotations")
            .add("from dataclasses import dataclass").add("from pathlib import Path").add("from typing import Any")
            .add("import pytest").add("from evidence import compare_printed, compare_shown")
            .add("from " + pkg + ".config import config_path, load_config")
            .add("from " + pkg + ".pipeline import run_pipeline").local(pkg).local("evidence")
            .usedIn(body + "\nrun_pipeline Any\n");
        imports.add("from __future__ import annotations");
        return Template.load("tests/test_pipeline.py.tmpl").render(Map.of(
            "imports", imports.render(),
            "outputs", outputs.toString(),
            "shown_definitions", definitions,
            "shown_tests", shownTests));
    }

    /**
     * A Python string literal of a saved output: one quoted line per line of text, in parentheses when there are
     * several, so the expected output reads as it was shown.
     */
    static String textLiteral(String text, int indent) {
        List<String> lines = new ArrayList<>(List.of(text.split("(?<=\n)", -1)));
        lines.removeIf(String::isEmpty);
        String pad = " ".repeat(indent + 4);
        if (lines.size() <= 1) {
            String quoted = PyText.quote(text);
            if (indent + quoted.length() + 8 <= PyText.MAX_LINE + 20) {
                return quoted;
            }
            // a long line: words in pieces that fit, concatenated by Python
            lines = new ArrayList<>();
            StringBuilder piece = new StringBuilder();
            for (String word : text.split("(?<= )")) {
                if (piece.length() > 0 && piece.length() + word.length() > 60) {
                    lines.add(piece.toString());
                    piece.setLength(0);
                }
                piece.append(word);
            }
            lines.add(piece.toString());
        }
        StringBuilder out = new StringBuilder("(\n");
        for (String line : lines) {
            out.append(pad).append(PyText.quote(line)).append("\n");
        }
        return out.append(" ".repeat(indent)).append(")").toString();
    }
}
