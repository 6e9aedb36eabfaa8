package dev.nb2prod.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.graph.Checklist;
import dev.nb2prod.notebook.Cell;
import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookReadException;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.notebook.Output;
import dev.nb2prod.notebook.SourceText;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.report.AssessReport;
import dev.nb2prod.report.GithubRenderer;
import dev.nb2prod.report.JsonRenderer;
import dev.nb2prod.report.NotebookResult;
import dev.nb2prod.report.NotebookSummary;
import dev.nb2prod.report.SarifRenderer;
import dev.nb2prod.report.TextRenderer;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.Rules;
import dev.nb2prod.rules.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every rule and every report format over arbitrary notebooks ({@link FuzzNotebooks}), wired as
 * {@code nb2prod assess} wires them: each finding points at a cell, line and output that exist, its message is
 * one clean line, fingerprints are unique, and every format renders the same bytes twice (JSON and SARIF
 * as valid JSON, GitHub as one workflow command per line, text without escape sequences).
 * Inputs: {@code RulesFuzzTestInputs/assess/}.
 */
class RulesFuzzTest {
    private static final String NAME = "fuzzed.ipynb";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SonarPythonFrontEnd frontEnd = new SonarPythonFrontEnd();
    private final List<Rule> rules = Rules.all();
    private final Assessor assessor = new Assessor(rules, AssessConfig.DEFAULTS);

    @FuzzTest
    void assess(FuzzedDataProvider data) throws IOException {
        byte[] file = FuzzNotebooks.json(data).getBytes(StandardCharsets.UTF_8);
        Notebook notebook;
        try {
            notebook = new NotebookReader().read(NAME, new ByteArrayInputStream(file));
        } catch (NotebookReadException e) {
            throw new AssertionError("a well-formed generated notebook was refused: " + e.getMessage(), e);
        }
        AssessReport report = report(notebook);
        List<Finding> findings = report.findings();
        int fileLines = FuzzChecks.jsonLineCount(file);
        for (Finding finding : findings) {
            assertLocated(finding, notebook, fileLines);
        }
        assertThat(findings.stream().map(Finding::fingerprint)).as("fingerprints").doesNotHaveDuplicates();

        AssessReport again = report(notebook);
        assertThat(again.findings()).as("findings of the same notebook again").isEqualTo(findings);
        String text = new TextRenderer(false).render(report);
        assertThat(new TextRenderer(false).render(again)).isEqualTo(text);
        assertThat(text).as("text report without colour").doesNotContain("\u001b");
        String json = new JsonRenderer().render(report);
        assertThat(new JsonRenderer().render(again)).isEqualTo(json);
        JSON.readTree(json);
        String sarif = new SarifRenderer("fuzz").render(report);
        assertThat(new SarifRenderer("fuzz").render(again)).isEqualTo(sarif);
        JSON.readTree(sarif);
        String github = new GithubRenderer().render(report);
        assertThat(new GithubRenderer().render(again)).isEqualTo(github);
        assertThat(github.lines()).as("GitHub workflow commands").hasSize(findings.size())
            .allSatisfy(line -> assertThat(line).startsWith("::"));
    }

    private AssessReport report(Notebook notebook) {
        AnalyzedNotebook analyzed = AnalyzedNotebook.of(notebook, frontEnd);
        CellGraph graph = new CellGraphBuilder().build(analyzed);
        NotebookResult result = new NotebookResult(NotebookSummary.of(analyzed), Checklist.of(graph),
            assessor.assess(analyzed, graph));
        return new AssessReport(List.of(result), rules.stream().map(Rule::info).toList(), Severity.ERROR);
    }

    private static void assertLocated(Finding finding, Notebook notebook, int fileLines) {
        assertThat(finding.path()).isEqualTo(NAME);
        assertThat(finding.cellIndex()).as("cell of %s", finding).isBetween(0, notebook.cells().size() - 1);
        Cell cell = notebook.cells().get(finding.cellIndex());
        assertThat(finding.cellId()).as("cell id of %s", finding).isEqualTo(cell.id());
        assertThat(finding.fileLine()).as("file line of %s", finding).isBetween(1, fileLines);
        assertThat(finding.message()).as("message of %s", finding).isNotBlank();
        assertThat(finding.message().codePoints().filter(Character::isISOControl).toArray())
            .as("control characters in the message of %s", finding).isEmpty();
        switch (finding.where()) {
            case Finding.Where.Source s -> {
                int lines = Math.max(1, cell.source().lineCount());
                assertThat(s.line()).as("line of %s", finding).isBetween(1, lines);
                assertThat(s.endLine()).as("end line of %s", finding).isBetween(s.line(), lines);
                assertThat(s.column()).as("column of %s", finding).isPositive();
            }
            case Finding.Where.Output o -> {
                assertThat(cell).as("cell of %s", finding).isInstanceOf(CodeCell.class);
                List<Output> outputs = ((CodeCell) cell).outputs();
                assertThat(o.output()).as("output of %s", finding).isBetween(1, outputs.size());
                int lines = outputs.get(o.output() - 1).texts().stream().mapToInt(SourceText::lineCount).max().orElse(0);
                assertThat(o.line()).as("output line of %s", finding).isBetween(1, Math.max(1, lines));
                assertThat(o.column()).as("output column of %s", finding).isPositive();
            }
        }
    }
}
