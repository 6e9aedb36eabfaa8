package dev.nb2prod.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.Cli;
import dev.nb2prod.testing.Goldens;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The four formats of {@code nb2prod assess} on the bundled example and on a fixture with findings, compared
 * byte for byte with src/test/resources/golden/assess/ (see {@link Goldens} to regenerate them).
 */
class AssessGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/assess");
    private static final String CONFIG = GOLDEN.resolve("nb2prod.yaml").toString();

    @ParameterizedTest
    @CsvSource({
        "examples/churn_analysis.ipynb, churn_analysis, text, txt",
        "examples/churn_analysis.ipynb, churn_analysis, json, json",
        "examples/churn_analysis.ipynb, churn_analysis, sarif, sarif",
        "examples/churn_analysis.ipynb, churn_analysis, github, github.txt",
        "src/test/resources/golden/assess/findings.ipynb, findings, text, txt",
        "src/test/resources/golden/assess/findings.ipynb, findings, json, json",
        "src/test/resources/golden/assess/findings.ipynb, findings, sarif, sarif",
        "src/test/resources/golden/assess/findings.ipynb, findings, github, github.txt"})
    void matchesTheGolden(String notebook, String name, String format, String extension) {
        Cli result = Cli.run("assess", "--config", CONFIG, "--fail-on", "info", "--format", format, notebook);
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isIn(0, 1);
        Goldens.check(GOLDEN.resolve(name + "." + extension), result.out());
        assertThat(Cli.run("assess", "--config", CONFIG, "--fail-on", "info", "--format", format, "--jobs", "3", notebook).out())
            .as("deterministic").isEqualTo(result.out());
    }
}
