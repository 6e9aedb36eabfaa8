package dev.nb2prod.extract.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.PathRole;
import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.extract.Stage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** monitoring.py, drift.py and the run record's wiring in pipeline.py, for the hand-made plan of the example. */
class MonitoringRendererTest {
    private static final Wiring CHURN = new Wiring(ExamplePlans.churn());

    @Test
    void theRunRecordNamesTheInputsArtifactsMetricsSecretsAndLibrariesOfThePlan() {
        String monitoring = new MonitoringRenderer(CHURN).monitoring();
        assertThat(monitoring)
            .contains("DISTRIBUTION = \"churn-analysis\"\n")
            .contains("INPUT_KEYS: tuple[str, ...] = (\"ingestion.customers_path\",)\n")
            .contains("METRICS: tuple[str, ...] = (\"acc\", \"auc\", \"lr_auc\")\n")
            .contains("SECRET_VARIABLES: tuple[str, ...] = (\"API_KEY\",)\n")
            .contains("    \"sklearn\",\n")
            .doesNotContain("{{");
        // figures, saved models and written files are artifacts; models and displayed values are not
        Matcher artifacts = Pattern.compile("ARTIFACTS: tuple\\[str, \\.\\.\\.] = \\(\\n((?:    \"\\w+\",\\n)+)\\)")
            .matcher(monitoring);
        assertThat(artifacts.find()).as(monitoring).isTrue();
        assertThat(artifacts.group(1)).contains("\"lr_file\"", "\"rf_file\"", "\"churn_rate_by_region_figure\"")
            .doesNotContain("\"lr\",", "\"acc\"", "\"churn_by_region\",");
        assertThat(monitoring.lines().filter(l -> l.length() > 99)).as("lines over 99 columns").isEmpty();
        // pandas and numpy are imported where drift is checked, not when the module is
        assertThat(new MonitoringRenderer(CHURN).drift()).contains("def check_drift(", "    import pandas as pd\n")
            .doesNotContainPattern("(?m)^(import|from) (pandas|numpy)");
        assertThat(monitoring).doesNotContainPattern("(?m)^(import|from) (pandas|numpy|yaml)");
    }

    @Test
    void everyStepRunsThroughTheRunRecordAndRunPipelineKeepsItsSignature() {
        String pipeline = new PipelineRenderer(CHURN).pipeline();
        assertThat(pipeline).contains("from .monitoring import RunRecord\n")
            .contains("def run_pipeline(config: dict[str, Any]) -> dict[str, Any]:\n")
            .contains("    with RunRecord.start(config) as run_record:\n"
                + "        results = _run_steps(config, run_record)\n"
                + "        run_record.add_results(results)\n"
                + "    return results\n")
            .contains("def _run_steps(config: dict[str, Any], run_record: RunRecord) -> dict[str, Any]:\n");
        for (StageFunction function : CHURN.plan().functions()) {
            assertThat(Pattern.compile("run_record\\.step\\(\\s*" + function.name() + ",").matcher(pipeline).results())
                .as(function.name()).hasSize(1);
            assertThat(Pattern.compile("[^\\w.]" + function.name() + "\\(").matcher(pipeline).results())
                .as("%s is only called through run_record.step", function.name()).isEmpty();
        }
    }

    @Test
    void theRunRecordVariableStepsAsideForAReturnedValueOfItsName() {
        StageFunction load = new StageFunction("load", Stage.INGESTION, List.of(0), "Load.", "", List.of(),
            List.of(new Returned("run_record", "")), "", List.of(), "run_record = 1", List.of());
        ExtractionPlan plan = new ExtractionPlan("n.ipynb", "n", "n", "N", "", List.of(), List.of(), List.of(load),
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        String pipeline = new PipelineRenderer(new Wiring(plan)).pipeline();
        assertThat(pipeline).contains("as run_record_2:").contains("run_record = run_record_2.step(load)")
            .contains("return {}");
    }

    @Test
    void tuplesAreValidPythonWhateverTheirLength() {
        assertThat(MonitoringRenderer.tuple("A", List.of())).isEqualTo("A: tuple[str, ...] = ()");
        assertThat(MonitoringRenderer.tuple("A", List.of("x"))).isEqualTo("A: tuple[str, ...] = (\"x\",)");
        assertThat(MonitoringRenderer.tuple("A", List.of("x", "y"))).isEqualTo("A: tuple[str, ...] = (\"x\", \"y\")");
        List<String> many = List.of("a_long_result_name", "another_long_result_name", "a_third_long_result_name");
        assertThat(MonitoringRenderer.tuple("A", many)).isEqualTo("A: tuple[str, ...] = (\n"
            + "    \"a_long_result_name\",\n    \"another_long_result_name\",\n    \"a_third_long_result_name\",\n)");
    }

    @Test
    void theThresholdJoinsConfigYamlUnlessThePlanUsesTheSection() {
        ConfigKey size = new ConfigKey("test_size", "0.25", "float", "", PathRole.NONE);
        assertThat(MonitoringRenderer.withThreshold(List.of(size))).containsExactly(size,
            MonitoringRenderer.PSI_THRESHOLD);
        assertThat(ConfigYaml.render(MonitoringRenderer.withThreshold(List.of(size))))
            .endsWith("monitoring:\n  # an input column has drifted when its population stability index is above "
                + "this\n  psi_threshold: 0.2\n");
        ConfigKey clash = new ConfigKey("monitoring", "1", "int", "", PathRole.NONE);
        assertThat(MonitoringRenderer.withThreshold(List.of(clash))).containsExactly(clash);
    }
}
