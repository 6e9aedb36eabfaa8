package dev.nb2prod.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nb2prod.testing.PythonTool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helper's {@code compare} mode on hand-made pickles, one artifact type at a time. */
class ComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SETUP = String.join("\n",
        "import os",
        "import numpy as np",
        "import pandas as pd",
        "frame = pd.DataFrame({'a': [1.0, 2.0, 3.0], 'b': ['x', 'y', 'z']})",
        "X_test = pd.DataFrame({'f': [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]})",
        "labels = [0, 0, 0, 1, 1, 1]",
        "");

    private static final String HELPERS = String.join("\n",
        "def drawn_random_state():",
        "    state = np.random.RandomState(0)",
        "    state.random_sample(3)",
        "    return state",
        "def save_model(model, path):",
        "    import os, pickle",
        "    os.makedirs(os.path.dirname(path), exist_ok=True)",
        "    with open(path, 'wb') as handle:",
        "        pickle.dump(model, handle)",
        "    return path",
        "class Box:",
        "    def __init__(self, value):",
        "        self.value = value",
        "def assign_field(records, field, values):",
        "    records = records.copy()",
        "    records[field] = values",
        "    return records",
        "");

    private static final String SCIPY = "from scipy.stats import gaussian_kde\n";

    private static final String SKLEARN = String.join("\n",
        "from sklearn.linear_model import LogisticRegression",
        "from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor",
        "");

    /** A file that starts as a PNG does. */
    private static final String PNG_TEXT = "latin1:\u0089PNG\r\n\u001a\nrest";

    @TempDir
    Path temp;
    private String python;
    private List<String> notes = List.of();

    @BeforeEach
    void setUp() throws IOException {
        python = PythonTool.require("pandas", "numpy", "sklearn");
        HelperScript.copyTo(temp);
        try (InputStream in = getClass().getResourceAsStream("/verify/make_case.py")) {
            Files.copy(in, temp.resolve("make_case.py"));
        }
    }

    @Test
    void floatsWithinTheToleranceAreTheSame() throws IOException {
        Map<String, JsonNode> result = compare(Map.of("score", "0.8123456789"), Map.of("score", "0.8123456790"));
        assertThat(status(result, "score")).isEqualTo("same");
    }

    @Test
    void floatsOutsideTheToleranceDifferWithBothValues() throws IOException {
        Map<String, JsonNode> result = compare(Map.of("score", "0.81"), Map.of("score", "0.8101"));
        assertThat(status(result, "score")).isEqualTo("different");
        assertThat(detail(result, "score")).isEqualTo("0.81 vs 0.8101");
    }

    @Test
    void theToleranceIsConfigurable() throws IOException {
        Map<String, JsonNode> result = compare(Map.of("score", "0.81"), Map.of("score", "0.8101"), Map.of(), Map.of(), "1e-3");
        assertThat(status(result, "score")).isEqualTo("same");
    }

    @Test
    void reorderedFramesAreTheSameUpToRowOrder() throws IOException {
        Map<String, JsonNode> result = compare(Map.of("df", "frame"), Map.of("df", "frame.iloc[[2, 0, 1]]"));
        assertThat(status(result, "df")).isEqualTo("same");
        assertThat(detail(result, "df")).isEqualTo("same up to row order");
    }

    @Test
    void framesWithColumnsInAnotherOrderAreTheSameUpToColumnOrder() throws IOException {
        Map<String, JsonNode> result = compare(Map.of("df", "frame"), Map.of("df", "frame[['b', 'a']]"));
        assertThat(status(result, "df")).isEqualTo("same");
        assertThat(detail(result, "df")).isEqualTo("same up to column order");
    }

    @Test
    void nearEqualFramesAreTheSame() throws IOException {
        Map<String, JsonNode> result = compare(Map.of("df", "frame"), Map.of("df", "frame.assign(a=frame.a * (1 + 1e-9))"));
        assertThat(status(result, "df")).isEqualTo("same");
    }

    @Test
    void differentFramesGetAShortDiff() throws IOException {
        Map<String, JsonNode> result = compare(
            Map.of("df", "frame", "other", "frame"),
            Map.of("df", "frame.assign(a=[1.0, 2.5, 3.0])", "other", "frame.drop(columns=['b'])"));
        assertThat(status(result, "df")).isEqualTo("different");
        assertThat(detail(result, "df")).isEqualTo("column 'a': 1 of 3 values differ, first at row 1: 2.0 vs 2.5");
        assertThat(detail(result, "other")).isEqualTo("shape (3, 2) vs (3, 1)");
    }

    @Test
    void framesWithOtherColumnsNameThem() throws IOException {
        Map<String, JsonNode> result = compare(Map.of("df", "frame"), Map.of("df", "frame.rename(columns={'b': 'c'})"));
        assertThat(detail(result, "df")).isEqualTo("columns only in notebook ['b'], only in package ['c']");
    }

    @Test
    void seriesAreCompared() throws IOException {
        Map<String, JsonNode> result = compare(
            Map.of("s", "frame.a", "t", "frame.a"), Map.of("s", "frame.a + 1e-12", "t", "frame.a * 2"));
        assertThat(status(result, "s")).isEqualTo("same");
        assertThat(detail(result, "t")).isEqualTo("3 of 3 values differ, first at row 0: 1.0 vs 2.0");
    }

    @Test
    void arraysUseAllclose() throws IOException {
        Map<String, JsonNode> result = compare(
            Map.of("same", "np.array([1.0, 2.0])", "values", "np.array([[1.0, 2.0], [3.0, 4.0]])", "shape", "np.zeros(3)"),
            Map.of("same", "np.array([1.0, 2.0 + 1e-10])", "values", "np.array([[1.0, 2.0], [3.0, 4.5]])", "shape", "np.zeros(4)"));
        assertThat(status(result, "same")).isEqualTo("same");
        assertThat(detail(result, "values")).isEqualTo("1 of 4 values differ, first at [1, 1]: 4.0 vs 4.5");
        assertThat(detail(result, "shape")).isEqualTo("shape (3,) vs (4,)");
    }

    @Test
    void estimatorsWithTheSameParametersAndPredictionsAreTheSame() throws IOException {
        String fit = "DecisionTreeClassifier(max_depth=2, random_state=0).fit(X_test, labels)";
        Map<String, JsonNode> result = compare(Map.of("model", fit, "X_test", "X_test"), Map.of("model", fit));
        assertThat(status(result, "model")).isEqualTo("same");
        assertThat(detail(result, "model")).isEqualTo("same parameters and predictions on X_test");
    }

    @Test
    void estimatorsWithOtherParametersDiffer() throws IOException {
        Map<String, JsonNode> result = compare(
            Map.of("model", "LogisticRegression(C=1.0)", "tree", "DecisionTreeClassifier()"),
            Map.of("model", "LogisticRegression(C=0.5)", "tree", "LogisticRegression()"));
        assertThat(status(result, "model")).isEqualTo("different");
        assertThat(detail(result, "model")).isEqualTo("C=1.0 vs C=0.5");
        assertThat(detail(result, "tree"))
            .isEqualTo("sklearn.tree._classes.DecisionTreeClassifier vs sklearn.linear_model._logistic.LogisticRegression");
    }

    @Test
    void estimatorsWithoutSampleDataAreComparedByParametersWhichIsWeak() throws IOException {
        Map<String, JsonNode> result = compare(Map.of("model", "LogisticRegression()"), Map.of("model", "LogisticRegression()"));
        assertThat(status(result, "model")).isEqualTo("weak");
        assertThat(detail(result, "model")).isEqualTo("parameters only (no X_test-like data to predict on)");
    }

    @Test
    void estimatorsWithOtherPredictionsDiffer() throws IOException {
        Map<String, JsonNode> result = compare(
            Map.of("model", "DecisionTreeClassifier(random_state=0).fit(X_test, labels)", "X_test", "X_test"),
            Map.of("model", "DecisionTreeClassifier(random_state=0).fit(X_test, [1, 1, 1, 0, 0, 0])"));
        assertThat(status(result, "model")).isEqualTo("different");
        assertThat(detail(result, "model")).startsWith("predictions on X_test differ: 6 of 6 values differ");
    }

    @Test
    void csvFilesWithOtherFloatFormattingAreTheSame() throws IOException {
        Map<String, JsonNode> result = compare(Map.of(), Map.of(),
            Map.of("out/summary.csv", "region,revenue\nnorth,0.1\nsouth,2\n"),
            Map.of("summary.csv", "region,revenue\nnorth,0.1000000000\nsouth,2.0\n"), "1e-6");
        assertThat(status(result, "file:out/summary.csv")).isEqualTo("same");
        assertThat(detail(result, "file:out/summary.csv")).isEqualTo("same values, different formatting");
    }

    @Test
    void csvFilesWithOtherValuesDiffer() throws IOException {
        Map<String, JsonNode> result = compare(Map.of(), Map.of(),
            Map.of("summary.csv", "region,revenue\nnorth,0.1\n"), Map.of("summary.csv", "region,revenue\nnorth,0.2\n"), "1e-6");
        assertThat(status(result, "file:summary.csv")).isEqualTo("different");
        assertThat(detail(result, "file:summary.csv")).isEqualTo("line 2: '0.1' vs '0.2'");
    }

    @Test
    void jsonFilesAreComparedParsed() throws IOException {
        Map<String, JsonNode> result = compare(Map.of(), Map.of(),
            Map.of("m.json", "{\"acc\": 0.5, \"n\": 3}", "bin.dat", "abc"),
            Map.of("m.json", "{\n  \"n\": 3,\n  \"acc\": 0.50\n}", "bin.dat", "abd"), "1e-6");
        assertThat(status(result, "file:m.json")).isEqualTo("same");
        assertThat(detail(result, "file:bin.dat")).isEqualTo("3 bytes vs 3 bytes, first difference at byte 2");
    }

    @Test
    void notebookResultsThePackageDoesNotReturnAreNotComparedAndMissingFilesAreMissing() throws IOException {
        Map<String, JsonNode> result = compare(
            Map.of("score", "0.5", "df", "frame", "i", "3", "name", "'x'"), Map.of("score", "0.5"),
            Map.of("report.csv", "a\n1\n"), Map.of(), "1e-6");
        assertThat(status(result, "score")).isEqualTo("same");
        // the package returns what it was extracted for: another end value of the notebook is only noted
        assertThat(result).doesNotContainKey("df");
        assertThat(status(result, "file:report.csv")).isEqualTo("missing");
        // an int or a string is not result-like: loop counters and labels are not reported as missing
        assertThat(result).doesNotContainKeys("i", "name");
    }

    @Test
    void dictsListsAndOtherValuesAreComparedRecursively() throws IOException {
        Map<String, JsonNode> result = compare(
            Map.of("metrics", "{'acc': 0.9, 'f1': [0.5, 0.6]}", "label", "'churn'", "n", "3"),
            Map.of("metrics", "{'acc': 0.9, 'f1': [0.5, 0.7]}", "label", "'churn'", "n", "4"));
        assertThat(detail(result, "metrics")).isEqualTo("['f1'][1]: 0.6 vs 0.7");
        assertThat(status(result, "label")).isEqualTo("same");
        assertThat(detail(result, "n")).isEqualTo("3 vs 4");
    }

    @Test
    void unpicklableValuesAreComparedByType() throws IOException {
        Map<String, JsonNode> result = compare(Map.of("gen", "(i for i in [])"), Map.of("gen", "(i for i in [1])"));
        assertThat(status(result, "gen")).isEqualTo("weak");
        assertThat(detail(result, "gen")).startsWith("not picklable (generator)");
    }

    @Test
    void randomGeneratorsAreComparedByTheirBitGeneratorState() throws IOException {
        Map<String, JsonNode> result = compare(
            Map.of("rng", "np.random.default_rng(42)", "seeded", "np.random.default_rng(42)",
                "legacy", "np.random.RandomState(0)", "drawn", "np.random.RandomState(0)"),
            Map.of("rng", "np.random.default_rng(42)", "seeded", "np.random.default_rng(7)",
                "legacy", "np.random.RandomState(0)", "drawn", "drawn_random_state()"));
        assertThat(status(result, "rng")).isEqualTo("same");
        assertThat(detail(result, "rng")).isEqualTo("numpy.random._generator.Generator: same bit generator state");
        assertThat(status(result, "legacy")).isEqualTo("same");
        assertThat(detail(result, "legacy")).isEqualTo("numpy.random.mtrand.RandomState: same bit generator state");
        assertThat(status(result, "seeded")).isEqualTo("different");
        assertThat(detail(result, "seeded")).startsWith("numpy.random._generator.Generator state differs at ['state']");
        assertThat(status(result, "drawn")).isEqualTo("different");
        assertThat(detail(result, "drawn")).startsWith("numpy.random.mtrand.RandomState state differs at ['state']");
    }

    @Test
    void objectsWithoutValueEqualityAreComparedByTheirAttributesNeverByAddress() throws IOException {
        Map<String, JsonNode> result = compare(
            Map.of("kde", "gaussian_kde(np.arange(10.0))", "wider", "gaussian_kde(np.arange(10.0))",
                "plain", "object()"),
            Map.of("kde", "gaussian_kde(np.arange(10.0))", "wider", "gaussian_kde(np.arange(10.0) * 2)",
                "plain", "object()"));
        assertThat(status(result, "kde")).isEqualTo("same");
        assertThat(detail(result, "kde")).isEqualTo("scipy.stats._kde.gaussian_kde: compared by attributes");
        assertThat(status(result, "wider")).isEqualTo("different");
        assertThat(detail(result, "wider")).startsWith("cho_cov: 1 of 1 values differ").doesNotContain("0x");
        assertThat(status(result, "plain")).isEqualTo("weak");
        assertThat(detail(result, "plain")).isEqualTo("object: no attributes to compare, compared by type only");
    }

    @Test
    void objectsOfAClassTheNotebookDefinesAreComparedByTheirAttributes() throws IOException {
        // the cases are pickled by make_case.py, whose __main__ defines Box; the helper cannot import it
        Map<String, JsonNode> result = compare(Map.of("box", "Box(1)", "other", "Box(1)"),
            Map.of("box", "Box(1)", "other", "Box(2)"));
        assertThat(status(result, "box")).isEqualTo("same");
        assertThat(detail(result, "box")).isEqualTo("defined-in-the-notebook.Box: compared by attributes");
        assertThat(status(result, "other")).isEqualTo("different");
        assertThat(detail(result, "other")).startsWith("value: ");
    }

    @Test
    void structuredArraysAreComparedFieldByField() throws IOException {
        String records = "np.array([(1, 0.5, 'a'), (2, 1.5, 'b')], dtype=[('id', 'i4'), ('w', 'f8'), ('tag', 'U1')])";
        Map<String, JsonNode> result = compare(
            Map.of("same", records, "values", records, "text", records, "dtype", records),
            Map.of("same", "assign_field(" + records + ", 'w', [0.5, 1.5 + 1e-10])",
                "values", "assign_field(" + records + ", 'w', [0.5, 2.5])",
                "text", "assign_field(" + records + ", 'tag', ['a', 'c'])",
                "dtype", records + ".astype([('id', 'i8'), ('w', 'f8'), ('tag', 'U1')])"));
        assertThat(status(result, "same")).isEqualTo("same");
        assertThat(detail(result, "values")).isEqualTo("field 'w': 1 of 2 values differ, first at [1]: 1.5 vs 2.5");
        assertThat(detail(result, "text")).isEqualTo("field 'tag': 1 of 2 values differ, first at [1]: 'b' vs 'c'");
        assertThat(status(result, "dtype")).isEqualTo("different");
        assertThat(detail(result, "dtype")).startsWith("dtype [('id', '<i4')");
    }

    @Test
    void figureFilesAreComparedByExistenceOnly() throws IOException {
        Map<String, JsonNode> result = compare(Map.of(), Map.of(),
            Map.of("plots/roc.png", "notebook pixels", "dist.SVG", "<svg>a</svg>", "gone.pdf", "%PDF-a"),
            Map.of("plots/roc.png", "package pixels", "dist.SVG", "<svg>b</svg>"), "1e-6");
        assertThat(status(result, "file:plots/roc.png")).isEqualTo("weak");
        assertThat(detail(result, "file:plots/roc.png")).isEqualTo("an image, compared by existence only");
        assertThat(status(result, "file:dist.SVG")).isEqualTo("weak");
        assertThat(detail(result, "file:dist.SVG")).isEqualTo("an image, compared by existence only");
        assertThat(status(result, "file:gone.pdf")).isEqualTo("missing");
    }

    // ------------------------------------------------------------------------------ results of nb2prod.json

    @Test
    void resultsAreComparedByNameAndOneThePackageDoesNotReturnIsMissing() throws IOException {
        Map<String, JsonNode> result = compareResults(
            List.of(result("acc", "metric", 3, "acc"), result("table", "displayed", 2, ""),
                result("lost", "metric", 4, "lost")),
            Map.of("acc", "0.5", "table", "frame", "lost", "1.0"),
            Map.of("acc", "0.5", "table", "frame.iloc[[2, 0, 1]]", "unplanned", "3"));
        assertThat(status(result, "acc")).isEqualTo("same");
        assertThat(kind(result, "acc")).isEqualTo("metric");
        assertThat(detail(result, "table")).isEqualTo("same up to row order");
        assertThat(status(result, "lost")).isEqualTo("missing");
        assertThat(detail(result, "lost")).isEqualTo("the package does not return it");
        assertThat(notes).containsExactly("unplanned: returned by the package but not a result of nb2prod.json; not compared");
    }

    @Test
    void aResultTheNotebookDoesNotHoldDiffersWithTheReason() throws IOException {
        Map<String, Object> testCase = new LinkedHashMap<>();
        testCase.put("results", List.of(result("shown", "displayed", 4, ""), result("gone", "metric", 4, "gone")));
        testCase.put("why", Map.of("shown", "cell 5 of the notebook displays no value"));
        Map<String, JsonNode> result = run(testCase, Map.of(), Map.of("shown", "1", "gone", "2"), Map.of(), Map.of(),
            "1e-6");
        assertThat(status(result, "shown")).isEqualTo("different");
        assertThat(detail(result, "shown")).isEqualTo("cell 5 of the notebook displays no value");
        assertThat(detail(result, "gone")).isEqualTo("the notebook never defines it");
    }

    @Test
    void anEstimatorThatCannotPredictIsComparedByItsParametersOnlyWhichIsWeak() throws IOException {
        Map<String, JsonNode> result = compareResults(List.of(result("model", "model", 5, "model")),
            Map.of("model", "LogisticRegression(C=0.5)"), Map.of("model", "LogisticRegression(C=0.5)"),
            Map.of("model", Map.of("X_test", "X_test")), Map.of(), Map.of());
        assertThat(status(result, "model")).isEqualTo("weak");
        assertThat(detail(result, "model")).isEqualTo("parameters only (predict on X_test failed: NotFittedError)");
    }

    @Test
    void anEstimatorPredictsOnTheSampleOfItsCellThatFitsItsColumns() throws IOException {
        String fit = "DecisionTreeClassifier(max_depth=2, random_state=0).fit(X_test, labels)";
        Map<String, JsonNode> result = compareResults(List.of(result("model", "model", 5, "model")),
            Map.of("model", fit), Map.of("model", fit),
            Map.of("model", Map.of("X_test", "frame[['a']]", "X_test_s", "X_test")), Map.of(), Map.of());
        assertThat(status(result, "model")).isEqualTo("same");
        assertThat(detail(result, "model")).isEqualTo("same parameters and predictions on X_test_s");
    }

    @Test
    void anEstimatorFittedOnOneFeaturePredictsOnAOneDimensionalArrayOfItsCell() throws IOException {
        String fit = "DecisionTreeRegressor(random_state=0).fit(np.arange(6.0).reshape(-1, 1), np.arange(6.0) ** 2)";
        Map<String, JsonNode> result = compareResults(List.of(result("gp", "model", 5, "gp")),
            Map.of("gp", fit), Map.of("gp", fit),
            Map.of("gp", Map.of("xdata", "np.linspace(0.0, 5.0, 11)", "labels", "np.array(['a', 'b'])")), Map.of(),
            Map.of());
        assertThat(status(result, "gp")).isEqualTo("same");
        assertThat(detail(result, "gp")).isEqualTo("same parameters and predictions on xdata");
    }

    @Test
    void anEstimatorOfThePackageThatCannotPredictOnTheNotebooksSampleDiffers() throws IOException {
        Map<String, JsonNode> result = compareResults(List.of(result("model", "model", 5, "model")),
            Map.of("model", "DecisionTreeClassifier(random_state=0).fit(X_test, labels)"),
            Map.of("model", "DecisionTreeClassifier(random_state=0).fit(X_test.rename(columns={'f': 'g'}), labels)"),
            Map.of("model", Map.of("X_test", "X_test")), Map.of(), Map.of());
        assertThat(status(result, "model")).isEqualTo("different");
        assertThat(detail(result, "model"))
            .startsWith("the notebook's model can predict on X_test, the package's fails: ValueError: ");
    }

    @Test
    void aFigureIsTheSameWhenTheCellShowsAnImageAndThePackageSavedOne() throws IOException {
        Map<String, JsonNode> result = compareResults(
            List.of(result("drawn", "figure", 3, ""), result("undrawn", "figure", 4, ""),
                result("unsaved", "figure", 5, ""), result("notpng", "figure", 6, "")),
            Map.of(),
            Map.of("drawn", "os.path.join(scratch, 'figures', 'a.png')", "undrawn", "os.path.join(scratch, 'figures', 'a.png')",
                "unsaved", "''", "notpng", "os.path.join(scratch, 'figures', 'b.png')"),
            Map.of(), Map.of("drawn", 1, "undrawn", 0, "unsaved", 2, "notpng", 1),
            Map.of("figures/a.png", PNG_TEXT, "figures/b.png", "text"));
        // what they draw is unknown here (the cases record no drawing): the comparison is weak
        assertThat(status(result, "drawn")).isEqualTo("weak");
        assertThat(detail(result, "drawn"))
            .isEqualTo("cell 4 shows 1 image; the package saved figures/a.png (what they draw is unknown: compared by existence)");
        assertThat(kind(result, "drawn")).isEqualTo("figure");
        assertThat(detail(result, "undrawn")).isEqualTo("cell 5 of the notebook shows no image (the package saved figures/a.png)");
        assertThat(status(result, "unsaved")).isEqualTo("different");
        assertThat(detail(result, "unsaved")).isEqualTo("the package wrote no image at the path it returns");
        assertThat(detail(result, "notpng")).isEqualTo("figures/b.png is not a PNG image");
        // the package's images are results, not files the notebook fails to write
        assertThat(result.keySet()).noneMatch(name -> name.startsWith("file:"));
    }

    @Test
    void aModelFileExistsAndLoads() throws IOException {
        Map<String, JsonNode> result = compareResults(
            List.of(result("model_file", "model_file", 3, ""), result("broken_file", "model_file", 3, "")),
            Map.of(),
            Map.of("model_file", "save_model(LogisticRegression(C=2.0), os.path.join(scratch, 'models', 'm.pkl'))",
                "broken_file", "os.path.join(scratch, 'models', 'broken.pkl')"),
            Map.of(), Map.of(), Map.of("models/broken.pkl", "not a pickle"));
        assertThat(status(result, "model_file")).isEqualTo("same");
        assertThat(detail(result, "model_file"))
            .isEqualTo("saved as models/m.pkl, loads as sklearn.linear_model._logistic.LogisticRegression");
        assertThat(status(result, "broken_file")).isEqualTo("different");
        assertThat(detail(result, "broken_file")).startsWith("models/broken.pkl does not load: UnpicklingError");
    }

    @Test
    void aFileResultIsComparedWithTheFileTheNotebookWroteAtTheSamePath() throws IOException {
        Map<String, JsonNode> result = compareResults(
            List.of(result("summary_path", "file", 3, ""), result("other_path", "file", 4, ""),
                result("chart_path", "file", 5, "")),
            Map.of(),
            Map.of("summary_path", "os.path.join(scratch, 'reports', 'summary.csv')",
                "other_path", "os.path.join(scratch, 'reports', 'other.csv')",
                "chart_path", "os.path.join(scratch, 'reports', 'chart.png')"),
            Map.of(), Map.of(),
            Map.of("reports/summary.csv", "a,b\n1,2.0\n", "reports/other.csv", "a\n1\n", "reports/chart.png", "png",
                "log.txt", "only the notebook writes it"),
            Map.of("reports/summary.csv", "a,b\n1,2\n", "reports/other.csv", "a\n2\n", "reports/chart.png", "gif"));
        assertThat(status(result, "summary_path")).isEqualTo("same");
        assertThat(detail(result, "summary_path")).isEqualTo("reports/summary.csv: same values, different formatting");
        assertThat(result.get("summary_path").path("file").asText()).isEqualTo("reports/summary.csv");
        assertThat(detail(result, "other_path")).isEqualTo("line 2: '1' vs '2'");
        assertThat(status(result, "chart_path")).isEqualTo("weak");
        assertThat(detail(result, "chart_path")).isEqualTo("reports/chart.png: an image, compared by existence only");
        // the other files the notebook writes are still compared
        assertThat(status(result, "file:log.txt")).isEqualTo("missing");
        assertThat(kind(result, "file:log.txt")).isEqualTo("written_file");
        assertThat(result).doesNotContainKeys("file:reports/summary.csv", "file:reports/other.csv");
    }

    @Test
    void aSecondRunOfTheNotebookComparesImageCountsAndValues() throws IOException {
        Map<String, JsonNode> result = compareResultsAgain(
            List.of(result("drawn", "figure", 3, ""), result("score", "metric", 4, "score"),
                result("saved", "model_file", 4, "")),
            Map.of("score", "0.5"), Map.of("score", "0.75"), Map.of("drawn", 1), Map.of("drawn", 2));
        assertThat(detail(result, "drawn")).isEqualTo("1 vs 2 images");
        assertThat(detail(result, "score")).isEqualTo("0.5 vs 0.75");
        assertThat(result).doesNotContainKey("saved");
    }

    private Map<String, JsonNode> compare(Map<String, String> notebook, Map<String, String> pkg) throws IOException {
        return compare(notebook, pkg, Map.of(), Map.of(), "1e-6");
    }

    private Map<String, JsonNode> compare(Map<String, String> notebook, Map<String, String> pkg,
                                          Map<String, String> notebookFiles, Map<String, String> packageFiles,
                                          String tolerance) throws IOException {
        return run(new LinkedHashMap<>(), notebook, pkg, notebookFiles, packageFiles, tolerance);
    }

    private Map<String, JsonNode> run(Map<String, Object> given, Map<String, String> notebook, Map<String, String> pkg,
                                      Map<String, String> notebookFiles, Map<String, String> packageFiles,
                                      String tolerance) throws IOException {
        Map<String, Object> testCase = new LinkedHashMap<>(given);
        boolean estimators = (notebook.values() + " " + pkg.values() + " " + given.get("samples"))
            .matches("(?s).*(Classifier|Regress).*");
        boolean scipy = (notebook.values() + " " + pkg.values()).contains("gaussian_kde");
        testCase.put("setup", SETUP + HELPERS + (estimators ? SKLEARN : "") + (scipy ? SCIPY : ""));
        testCase.put("notebook", new java.util.TreeMap<>(notebook));
        testCase.put("package", new java.util.TreeMap<>(pkg));
        testCase.put("notebook_files", notebookFiles);
        testCase.put("package_files", packageFiles);
        Path caseFile = temp.resolve("case.json");
        JSON.writeValue(caseFile.toFile(), testCase);
        PythonTool.Result made = PythonTool.run(List.of(python, temp.resolve("make_case.py").toString(), temp.toString(),
            caseFile.toString(), temp.resolve("nb").toString(), temp.resolve("pkg").toString()), temp, 120);
        assertThat(made.exitCode()).as(made.stderr()).isZero();
        PythonTool.Result compared = PythonTool.run(List.of(python, temp.resolve(HelperScript.FILE_NAME).toString(),
            "compare", temp.resolve("nb").toString(), temp.resolve("pkg").toString(), tolerance), temp, 120);
        assertThat(compared.exitCode()).as(compared.stderr()).isZero();
        return parse(compared.stdout());
    }

    private Map<String, JsonNode> parse(String stdout) throws IOException {
        JsonNode report = JSON.readTree(stdout);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode artifact : report.path("artifacts")) {
            byName.put(artifact.path("name").asText(), artifact);
        }
        notes = new java.util.ArrayList<>();
        report.path("notes").forEach(n -> notes.add(n.asText()));
        return byName;
    }

    private static Map<String, Object> result(String name, String kind, int cell, String source) {
        return Map.of("name", name, "kind", kind, "cell", cell, "source", source, "file", "");
    }

    private Map<String, JsonNode> compareResults(List<Map<String, Object>> results, Map<String, String> notebook,
                                                 Map<String, String> pkg) throws IOException {
        return compareResults(results, notebook, pkg, Map.of(), Map.of(), Map.of());
    }

    private Map<String, JsonNode> compareResults(List<Map<String, Object>> results, Map<String, String> notebook,
                                                 Map<String, String> pkg, Map<String, Map<String, String>> samples,
                                                 Map<String, Integer> images, Map<String, String> packageFiles)
        throws IOException {
        return compareResults(results, notebook, pkg, samples, images, Map.of(), packageFiles);
    }

    private Map<String, JsonNode> compareResults(List<Map<String, Object>> results, Map<String, String> notebook,
                                                 Map<String, String> pkg, Map<String, Map<String, String>> samples,
                                                 Map<String, Integer> images, Map<String, String> notebookFiles,
                                                 Map<String, String> packageFiles) throws IOException {
        Map<String, Object> testCase = new LinkedHashMap<>();
        testCase.put("results", results);
        testCase.put("samples", samples);
        testCase.put("images", images);
        return run(testCase, notebook, pkg, notebookFiles, packageFiles, "1e-6");
    }

    /** The package side is a second run of the notebook. */
    private Map<String, JsonNode> compareResultsAgain(List<Map<String, Object>> results, Map<String, String> first,
                                                      Map<String, String> second, Map<String, Integer> firstImages,
                                                      Map<String, Integer> secondImages) throws IOException {
        Map<String, Object> testCase = new LinkedHashMap<>();
        testCase.put("results", results);
        testCase.put("images", firstImages);
        run(testCase, first, Map.of(), Map.of(), Map.of(), "1e-6");
        Path firstRun = Files.move(temp.resolve("nb"), temp.resolve("nb-first"));
        run(Map.of("results", results, "images", secondImages), second, Map.of(), Map.of(), Map.of(), "1e-6");
        PythonTool.Result compared = PythonTool.run(List.of(python, temp.resolve(HelperScript.FILE_NAME).toString(),
            "compare", firstRun.toString(), temp.resolve("nb").toString(), "1e-6"), temp, 120);
        assertThat(compared.exitCode()).as(compared.stderr()).isZero();
        return parse(compared.stdout());
    }

    private static String kind(Map<String, JsonNode> result, String name) {
        assertThat(result).containsKey(name);
        return result.get(name).path("kind").asText();
    }

    private static String status(Map<String, JsonNode> result, String name) {
        assertThat(result).containsKey(name);
        return result.get(name).path("status").asText();
    }

    private static String detail(Map<String, JsonNode> result, String name) {
        assertThat(result).containsKey(name);
        return result.get(name).path("detail").asText();
    }
}
