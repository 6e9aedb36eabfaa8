package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionRefused;
import dev.nb2prod.extract.PlanOptions;
import dev.nb2prod.extract.Planner;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Rules;
import dev.nb2prod.testing.TestNotebooks;
import java.util.List;

/** Plans test notebooks with every rule's findings, like the extract command does. */
public final class Plans {
    private Plans() {}

    public static ExtractionPlan plan(Notebook notebook) throws ExtractionRefused {
        return plan(notebook, PlanOptions.DEFAULTS);
    }

    public static ExtractionPlan plan(Notebook notebook, PlanOptions options) throws ExtractionRefused {
        AnalyzedNotebook analyzed = TestNotebooks.analyze(notebook);
        CellGraph graph = new CellGraphBuilder().build(analyzed);
        List<Finding> findings = new Assessor(Rules.all(), AssessConfig.DEFAULTS).assess(analyzed, graph);
        return new Planner().plan(analyzed, graph, findings, options);
    }

    public static ExtractionPlan plan(String... cells) throws ExtractionRefused {
        return plan(TestNotebooks.code(cells));
    }

    /** The function holding a cell. */
    public static ExtractionPlan.StageFunction function(ExtractionPlan plan, String name) {
        return plan.functions().stream().filter(f -> f.name().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no function " + name + " in " + plan.functions().stream()
                .map(ExtractionPlan.StageFunction::name).toList()));
    }
}
