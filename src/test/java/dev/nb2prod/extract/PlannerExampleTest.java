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
    void keepsTheCellsTheResultsNeedAndDropsTheLooks() {
        assertThat(plan.cells().stream().filter(c -> !c.kept()).map(c -> c.cellIndex() + 1))
            .containsExactly(6, 7, 13);
        assertThat(plan.cells()).filteredOn(c -> !c.kept()).allMatch(c -> c.drop().isPresent()
            && c.reason().startsWith("exploratory: "));
        assertThat(plan.packageName()).isEqualTo("churn_analysis");
        assertThat(plan.projectName()).isEqualTo("churn-analysis");
        assertThat(plan.title()).isEqualTo("Customer churn analysis – Q2 2024");
    }

    @Test
    void namesAndStagesTheFunctionsStatementByStatement() {
        assertThat(plan.functions()).extracting(StageFunction::name).containsExactly("set_random_seed",
            "load_customers", "clean_data", "plot_churn_rate_by_region", "compute_segment_churn_plan",
            "engineer_features", "train_logistic_regression", "train_rf", "train_rf2", "evaluate_model",
            "plot_random_forest_top_10_features", "write_churn_by_region");
        assertThat(plan.functions()).extracting(StageFunction::stage).containsExactly(Stage.INGESTION,
            Stage.INGESTION, Stage.PREPROCESSING, Stage.REPORTING, Stage.FEATURES, Stage.FEATURES, Stage.TRAINING,
            Stage.TRAINING, Stage.TRAINING, Stage.EVALUATION, Stage.REPORTING, Stage.REPORTING);
        assertThat(function("load_customers").returns()).extracting(ExtractionPlan.Returned::typeHint)
            .containsExactly("pd.DataFrame");
        assertThat(function("engineer_features").copiedOnEntry()).containsExactly("df");
        assertThat(function("engineer_features").resultClass()).isEqualTo("EngineerFeaturesResult");
        assertThat(function("evaluate_model").returns()).extracting(ExtractionPlan.Returned::name)
            .containsExactly("acc", "auc", "lr_auc");
        assertThat(plan.functions()).allMatch(f -> f.parameters().size() <= 6, "at most 6 parameters");
        assertThat(plan.helpers()).extracting(ExtractionPlan.Helper::name).containsExactly("segment_churn");
    }

    @Test
    void movesConstantsToTheStagesSettingsAndTheKeyToTheEnvironment() {
        assertThat(plan.config()).extracting(ConfigKey::key).contains("data_path", "random_seed",
            "features.test_size", "training.rf_n_estimators", "training.rf_max_depth", "training.rf2_n_estimators",
            "features.min_monthly_charges", "reporting.send_to_crm");
        assertThat(plan.config()).filteredOn(c -> c.key().equals("features.test_size"))
            .extracting(ConfigKey::yamlValue).containsExactly("0.25");
        assertThat(plan.secrets()).extracting(ExtractionPlan.SecretVariable::variable).containsExactly("API_KEY");
        assertThat(plan.toString()).doesNotContain(SECRET).doesNotContain("sk_live_51");
        assertThat(new PlanPrinter().render(plan)).doesNotContain(SECRET).contains("API_KEY: Stripe live key");
        // the notebook seeds numpy's global generator, so the extraction keeps that seeding instead of adding
        // random_state= (which would change the results verify compares)
        assertThat(function("engineer_features").body()).contains("test_size=params.test_size")
            .doesNotContain("random_state=").doesNotContain("print(");
    }

    @Test
    void returnsEveryResultTheNotebookShows() {
        assertThat(plan.outputs()).containsExactly("churn_rate_by_region_figure", "segment_churn_plan", "lr",
            "lr_file", "rf", "rf_file", "rf2", "rf2_file", "acc", "auc", "lr_auc",
            "random_forest_top_10_features_figure", "feature_importance_path", "churn_by_region_path",
            "churn_by_region");
        assertThat(plan.dependencies()).extracting(ExtractionPlan.Dependency::distribution)
            .contains("pandas", "scikit-learn", "matplotlib").doesNotContain("os", "json");
        assertThat(plan.todos()).contains("cell 17 was never executed in the notebook: its code is included but untested");
    }

    private static StageFunction function(String name) {
        return plan.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
