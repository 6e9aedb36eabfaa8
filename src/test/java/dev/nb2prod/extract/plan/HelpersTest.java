package dev.nb2prod.extract.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.extract.Stage;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HelpersTest {

    @Test
    void mapsImportNamesToDistributions() {
        assertThat(Distributions.of("sklearn.ensemble")).contains("scikit-learn");
        assertThat(Distributions.of("cv2")).contains("opencv-python");
        assertThat(Distributions.of("PIL")).contains("pillow");
        assertThat(Distributions.of("yaml")).contains("pyyaml");
        assertThat(Distributions.of("bs4")).contains("beautifulsoup4");
        assertThat(Distributions.of("skimage.io")).contains("scikit-image");
        assertThat(Distributions.of("my_helpers")).contains("my-helpers");
        assertThat(Distributions.of("os.path")).isEmpty();
        assertThat(Distributions.of("json")).isEmpty();
        assertThat(StandardLibrary.contains("collections.abc")).isTrue();
        assertThat(StandardLibrary.contains("pandas")).isFalse();
    }

    @Test
    void sanitisesIdentifiers() {
        assertThat(Identifiers.snake("1. Load the Data!", 4)).isEqualTo("load_data");
        assertThat(Identifiers.sanitize("class", "x")).isEqualTo("class_");
        assertThat(Identifiers.sanitize("list", "x")).isEqualTo("list_");
        assertThat(Identifiers.sanitize("2nd_pass", "x")).isEqualTo("n2nd_pass");
        assertThat(Identifiers.sanitize("", "fallback")).isEqualTo("fallback");
        assertThat(Identifiers.packageName("Customer Churn – Q2 (v2)")).isEqualTo("customer_churn_q2_v2");
        assertThat(Identifiers.packageName("import")).isEqualTo("import_pkg");
        assertThat(Identifiers.packageName("../..")).isEqualTo("pipeline");
        Set<String> taken = new HashSet<>(Set.of("load_data"));
        assertThat(Identifiers.unique("load_data", taken)).isEqualTo("load_data_2");
        assertThat(Identifiers.unique("load_data", taken)).isEqualTo("load_data_3");
    }

    @Test
    void headingsHintAtStages() {
        assertThat(StageClassifier.hint("Load data")).contains(Stage.INGESTION);
        assertThat(StageClassifier.hint("Data cleaning")).contains(Stage.PREPROCESSING);
        assertThat(StageClassifier.hint("Feature engineering")).contains(Stage.FEATURES);
        assertThat(StageClassifier.hint("Model")).contains(Stage.TRAINING);
        assertThat(StageClassifier.hint("Evaluate")).contains(Stage.EVALUATION);
        assertThat(StageClassifier.hint("Report")).contains(Stage.REPORTING);
        assertThat(StageClassifier.hint("Next steps")).isEmpty();
    }

    @Test
    void theHeadingWinsWhenTheCodeAgreesElseTheLatestSignal() {
        assertThat(StageClassifier.classify(EnumSet.of(Stage.FEATURES, Stage.TRAINING), Optional.of(Stage.TRAINING),
            true)).contains(Stage.TRAINING);
        assertThat(StageClassifier.classify(EnumSet.of(Stage.REPORTING), Optional.of(Stage.EVALUATION), false))
            .contains(Stage.REPORTING);
        assertThat(StageClassifier.classify(EnumSet.of(Stage.INGESTION, Stage.REPORTING), Optional.empty(), true))
            .contains(Stage.INGESTION);
        assertThat(StageClassifier.classify(EnumSet.noneOf(Stage.class), Optional.empty(), true)).isEmpty();
    }

    @Test
    void readsHeadingsAndParagraphs() {
        assertThat(Markdown.heading("some text\n## **Load** `data`:\nmore")).contains("Load data");
        assertThat(Markdown.firstParagraph("# Title\n\nWhy are `tenure_months`\ncustomers leaving?\n\nMore."))
            .isEqualTo("Why are tenure_months customers leaving?");
    }
}
