package dev.nb2prod.rules.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.testing.TestNotebooks;
import dev.nb2prod.testing.TodoRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTest {
    private static List<Finding> assess(String... cells) {
        AnalyzedNotebook analyzed = TestNotebooks.analyze(TestNotebooks.code(cells));
        return new Assessor(List.of(new TodoRule()), AssessConfig.DEFAULTS).assess(analyzed,
            new CellGraphBuilder().build(analyzed));
    }

    @Test
    void findingsSurviveLinesAndCellsAddedAboveThem() throws Exception {
        Baseline baseline = Baseline.parse(Baseline.of(assess("x = 1  # TODO", "y = 2")).toJson(), "b.json");
        List<Finding> shifted = assess("import os\n\nx = 1  # TODO", "y = 2");
        assertThat(shifted).hasSize(1);
        assertThat(baseline.newFindings(shifted)).isEmpty();
        List<Finding> moved = assess("z = 0", "x = 1  # TODO", "y = 2");
        assertThat(baseline.newFindings(moved)).isEmpty();
    }

    @Test
    void newFindingsAreKept() throws Exception {
        Baseline baseline = Baseline.of(assess("x = 1  # TODO"));
        List<Finding> later = assess("x = 1  # TODO", "y = 2  # TODO again");
        assertThat(baseline.newFindings(later)).extracting(Finding::message).containsExactly("todo left: y = 2  # TODO again");
    }

    @Test
    void aRepeatedIdenticalLineIsANewFinding() {
        Baseline baseline = Baseline.of(assess("x = 1  # TODO"));
        assertThat(baseline.newFindings(assess("x = 1  # TODO", "x = 1  # TODO"))).hasSize(1);
    }

    @Test
    void fileIsSortedWithoutLineNumbers() {
        String json = Baseline.of(assess("b = 1  # TODO", "a = 1  # TODO")).toJson();
        assertThat(json).startsWith("{\n  \"tool\": \"nb2prod\",\n  \"version\": 1,\n  \"findings\": [")
            .doesNotContain("line").endsWith("}\n");
        assertThat(json).isEqualTo(Baseline.of(assess("b = 1  # TODO", "a = 1  # TODO")).toJson());
    }

    @Test
    void pathsArePortable() {
        Path cwd = Path.of("/work/repo");
        assertThat(PortablePaths.of("/work/repo/nb/a.ipynb", cwd)).isEqualTo("nb/a.ipynb");
        assertThat(PortablePaths.of("./nb/../a.ipynb", cwd)).isEqualTo("a.ipynb");
        assertThat(PortablePaths.of("/elsewhere/a.ipynb", cwd)).isEqualTo("/elsewhere/a.ipynb");
    }

    @Test
    void badFilesAreOneLineErrors() {
        assertThatThrownBy(() -> Baseline.parse("not json", "b.json")).isInstanceOf(BaselineException.class)
            .hasMessageStartingWith("b.json: not a baseline file (invalid JSON");
        assertThatThrownBy(() -> Baseline.parse("{\"version\": 1}", "b.json"))
            .hasMessage("b.json: not a baseline file (no \"findings\" list; write one with --write-baseline)");
        assertThatThrownBy(() -> Baseline.parse("{\"version\": 9, \"findings\": []}", "b.json"))
            .hasMessage("b.json: unsupported baseline version 9 (this nb2prod writes version 1)");
        assertThatThrownBy(() -> Baseline.parse("{\"version\": 1, \"findings\": [{\"path\": \"a\"}]}", "b.json"))
            .hasMessage("b.json: findings[0]: needs the strings path, code and fingerprint");
    }
}
