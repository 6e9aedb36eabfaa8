package dev.nb2prod.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Rules;
import dev.nb2prod.testing.TestNotebooks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerExampleTest {

    static ExtractionPlan plan(Path notebook, PlanOptions options) throws Exception {
        AnalyzedNotebook analyzed = TestNotebooks.analyze(new NotebookReader().read(notebook));
        CellGraph graph = new CellGraphBuilder().build(analyzed);
        List<Finding> findings = new Assessor(Rules.all(), AssessConfig.DEFAULTS).assess(analyzed, graph);
        return new Planner().plan(analyzed, graph, findings, options);
    }

    @Test
    void dump() throws Exception {
        ExtractionPlan plan = plan(Path.of("examples/churn_analysis.ipynb"), PlanOptions.DEFAULTS);
        System.out.println(new PlanPrinter().render(plan));
        for (var f : plan.functions()) {
            System.out.println("#### " + f.stage() + " " + f.imports());
            System.out.println("def " + f.name() + "(" + f.parameters() + "):\n" + f.body() + "\n    return " + f.returns());
        }
        assertThat(plan.functions()).isNotEmpty();
    }
}
