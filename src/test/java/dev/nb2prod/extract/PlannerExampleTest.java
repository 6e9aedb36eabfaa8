package dev.nb2prod.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.extract.ExtractionPlan.CellDecision;
import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Rules;
import dev.nb2prod.testing.PythonTool;
import dev.nb2prod.testing.TestNotebooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main decisions of the plan of the bundled example notebook (cell numbers below are 1-based). */
class PlannerExampleTest {
    private static final String SECRET = "sk_live_51OqT7vKx2mWbR9cLzE4hN8pYdA3fJ6gUs0tVi5kQ";
    private static ExtractionPlan plan;

    @BeforeAll
    static void plan() throws Exception {
        AnalyzedNotebook analyzed = TestNotebooks.analyze(new NotebookReader().read(Path.of("examples/churn_analysis.ipynb")));
        CellGraph graph = new CellGraphBuilder().build(analyzed);
        List<Finding> findings = new Assessor(Rules.all(), AssessConfig.DEFAULTS).assess(analyzed, graph);
        plan = new Planner().plan(analyzed, graph, findings, PlanOptions.DEFAULTS);
    }

    @Test
    void keepsTheEssentialCellsAndDropsTheLooks() {
        assertThat(plan.cells().stream().filter(c -> !c.kept()).map(c -> c.cellIndex() + 1))
            .containsExactly(6, 7, 13, 14, 20);
        assertThat(plan.cells()).filteredOn(c -> !c.kept()).extracting(CellDecision::reason)
            .containsOnly("exploratory: nothing essential depends on it");
        assertThat(plan.packageName()).isEqualTo("churn_analysis");
        assertThat(plan.projectName()).isEqualTo("churn-analysis");
        assertThat(plan.title()).isEqualTo("Customer churn analysis – Q2 2024");
    }

    @Test
    void namesAndStagesTheFunctions() {
        assertThat(plan.functions()).extracting(StageFunction::name).containsExactly("set_random_seed", "load_data",
            "clean_data", "train_model", "evaluate_model", "plot_feature_importance", "report_results");
        assertThat(plan.functions()).extracting(StageFunction::stage).containsExactly(Stage.INGESTION,
            Stage.INGESTION, Stage.PREPROCESSING, Stage.TRAINING, Stage.EVALUATION, Stage.REPORTING, Stage.REPORTING);
        StageFunction load = function("load_data");
        assertThat(load.returns()).extracting(ExtractionPlan.Returned::typeHint).containsExactly("pd.DataFrame");
        assertThat(function("train_model").copiedOnEntry()).containsExactly("df");
        assertThat(function("evaluate_model").returns()).extracting(ExtractionPlan.Returned::name)
            .containsExactly("acc", "auc");
    }

    @Test
    void movesConstantsToConfigurationAndTheKeyToTheEnvironment() {
        assertThat(plan.config()).extracting(ConfigKey::key).contains("data_path", "random_seed",
            "test_size", "random_forest.n_estimators", "random_forest.max_depth", "min_monthly_charges",
            "send_to_crm");
        assertThat(plan.config()).filteredOn(c -> c.key().equals("test_size")).extracting(ConfigKey::yamlValue)
            .containsExactly("0.25");
        assertThat(plan.secrets()).extracting(ExtractionPlan.SecretVariable::variable).containsExactly("API_KEY");
        assertThat(plan.toString()).doesNotContain(SECRET).doesNotContain("sk_live_51");
        assertThat(new PlanPrinter().render(plan)).doesNotContain(SECRET).contains("API_KEY: Stripe live key");
        // the notebook seeds numpy's global generator, so the extraction keeps that seeding instead of adding
        // random_state= (which would change the results verify compares)
        assertThat(function("train_model").body()).contains("test_size=test_size")
            .doesNotContain("random_state=random_seed").doesNotContain("print(");
    }

    @Test
    void returnsTheModelsMetricsAndReport() {
        assertThat(plan.outputs()).contains("rf", "acc", "auc", "churn_by_region");
        assertThat(plan.dependencies()).extracting(ExtractionPlan.Dependency::distribution)
            .contains("pandas", "scikit-learn", "matplotlib", "requests").doesNotContain("os", "json");
        assertThat(plan.todos()).contains("cell 17 was never executed in the notebook: its code is included but untested");
    }

    private static StageFunction function(String name) {
        return plan.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
