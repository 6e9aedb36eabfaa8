package dev.nb2prod.extract.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.CellDecision;
import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.Parameter;
import dev.nb2prod.extract.ExtractionPlan.PlanResult;
import dev.nb2prod.extract.ExtractionPlan.ResultKind;
import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.extract.ExtractionRefused;
import dev.nb2prod.extract.PlanOptions;
import dev.nb2prod.extract.PlanPrinter;
import dev.nb2prod.extract.Stage;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookMetadata;
import dev.nb2prod.testing.TestNotebooks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerBehaviourTest {

    private static final String LOAD = "import pandas as pd\ndf = pd.read_csv('data/sales.csv')";

    @Test
    void refusesANonPythonKernel() {
        Notebook r = new Notebook("r.ipynb", 4, 5, new NotebookMetadata("ir", "R", "R", ""),
            TestNotebooks.code("x <- read.csv('a.csv')").cells());
        assertThatThrownBy(() -> Plans.plan(r)).isInstanceOf(ExtractionRefused.class)
            .hasMessage("the kernel language is R, not Python");
    }

    @Test
    void refusesWhenEveryCellFailsToParse() {
        assertThatThrownBy(() -> Plans.plan("def f(:\n  pass", "x = = 1")).isInstanceOf(ExtractionRefused.class)
            .hasMessage("every code cell has a syntax error");
    }

    @Test
    void refusesANotebookWithoutCodeOrResults() {
        assertThatThrownBy(() -> Plans.plan(TestNotebooks.builder().markdown("# Notes").build()))
            .hasMessage("the notebook has no code");
        assertThatThrownBy(() -> Plans.plan("import pandas as pd\nx = 1"))
            .isInstanceOf(ExtractionRefused.class).hasMessageStartingWith("nothing to extract");
    }

    @Test
    void refusesPython2Code() {
        assertThatThrownBy(() -> Plans.plan("for i in xrange(3):\n    x = i\nopen('o.txt', 'w').write(str(x))"))
            .isInstanceOf(ExtractionRefused.class).hasMessageContaining("Python 2");
    }

    @Test
    void refusesACellThatReadsWhatOnlyALaterCellDefines() {
        Notebook nb = TestNotebooks.builder().code(LOAD).code("df.assign(t=df.amount * rate).to_csv('out.csv')", 3)
            .code("rate = 1.1", 2).build();
        assertThatThrownBy(() -> Plans.plan(nb)).isInstanceOf(ExtractionRefused.class)
            .hasMessage("cell 2 reads rate, which only a later cell (3) defines: the notebook ran out of order; "
                + "move that definition above cell 2 first");
    }

    @Test
    void aBuiltinNameAnImportRebindsKeepsItsImport() throws Exception {
        ExtractionPlan plan = Plans.plan("from functools import reduce\nimport pandas as pd\ndf = pd.read_csv('a.csv')",
            "total = reduce(lambda a, b: a + b, df.amount)\nopen('o.txt', 'w').write(str(total))");
        assertThat(plan.functions()).flatMap(f -> f.imports()).contains("from functools import reduce");
    }

    @Test
    void returnedValuesGetTheTypeTheirCodeShows() throws Exception {
        ExtractionPlan plan = Plans.plan("import os\nimport copy\nimport numpy as np\nimport pandas as pd\n"
                + "import seaborn as sns",
            "xx, yy = np.meshgrid(np.arange(3), np.arange(2))\nxx",
            "rmse = np.sqrt(2.0)\nrmse",
            "noise = np.random.rand()\nnoise",
            "sample = np.random.normal(0, 1, 10)\nsample",
            "path = os.path.join('a', 'b')\npath",
            "tips = sns.load_dataset('tips')\ntips",
            "tips2 = copy.deepcopy(tips)\ntips2",
            "ts = pd.Series([1.0, 2.0], index=pd.date_range('2000-01-01', periods=2))\nts_mean = ts.groupby(ts.index.month).mean()\nts_mean",
            "arr = np.arange(6).reshape(2, 3)\ncorner = arr[0, 2]\ncorner");
        Map<String, String> hints = new java.util.TreeMap<>();
        plan.functions().forEach(f -> f.returns().forEach(r -> hints.put(r.name(), r.typeHint())));
        assertThat(hints).containsEntry("xx", "np.ndarray").containsEntry("rmse", "float").containsEntry("noise", "")
            .containsEntry("sample", "np.ndarray").containsEntry("path", "str").containsEntry("tips", "pd.DataFrame")
            .containsEntry("tips2", "pd.DataFrame").containsEntry("ts_mean", "pd.Series").containsEntry("corner", "");
    }

    @Test
    void aColumnOfAFrameWithTwoHeaderRowsIsAFrame() throws Exception {
        ExtractionPlan plan = Plans.plan("import numpy as np\nimport pandas as pd",
            "frame = pd.DataFrame(np.arange(6).reshape((2, 3)), columns=[['Ohio', 'Ohio', 'Colorado'], "
                + "['Green', 'Red', 'Green']])\nohio = frame['Ohio']\nohio",
            "flat = pd.DataFrame({'a': [1, 2]})\ncol = flat['a']\ncol");
        Map<String, String> hints = new java.util.TreeMap<>();
        plan.functions().forEach(f -> f.returns().forEach(r -> hints.put(r.name(), r.typeHint())));
        assertThat(hints).containsEntry("ohio", "pd.DataFrame").containsEntry("col", "pd.Series");
    }

    @Test
    void aCellThatRanButDoesNotParseIsRefusedUnlessDroppedOnRequest() throws Exception {
        Notebook nb = TestNotebooks.builder().code(LOAD).code("df = df[df.amount > 0\n", 2)
            .code("df.to_csv('out.csv')").build();
        assertThatThrownBy(() -> Plans.plan(nb)).isInstanceOf(ExtractionRefused.class)
            .hasMessageStartingWith("cell 2 ran in the notebook but does not parse (").hasMessageContaining("--drop-unparsed");

        ExtractionPlan plan = Plans.plan(nb, PlanOptions.DEFAULTS.withDropUnparsed(true));
        CellDecision dropped = plan.cells().get(1);
        assertThat(dropped.kept()).isFalse();
        assertThat(dropped.reason()).startsWith("does not parse (").contains("--drop-unparsed");
        assertThat(plan.todos()).anyMatch(t -> t.startsWith("cell 2 ran in the notebook but does not parse"));
    }

    @Test
    void aCellThatNeverRanAndDoesNotParseIsDroppedWithThatReason() throws Exception {
        Notebook nb = TestNotebooks.builder().code(LOAD).code("df = df[df.amount > 0\n", (Integer) null)
            .code("df.to_csv('out.csv')").build();
        ExtractionPlan plan = Plans.plan(nb);
        assertThat(plan.cells().get(1).reason()).startsWith("does not parse (").endsWith("and never ran (no "
            + "execution count, no outputs)");
    }

    @Test
    void keepsTheSeedAndTheDrawsBeforeAKeptDrawFromTheSameGlobalGenerator() throws Exception {
        Notebook nb = TestNotebooks.code("import numpy as np\nimport random\nnp.random.seed(0)",
            "warmup = np.random.rand(5)", "coin = random.random()", "np.random.seed(1)",
            "skipped = np.random.rand(2)", "np.random.seed(2)", "noise = np.random.rand(4)",
            "sample = np.random.rand(3)\nnp.save('sample.npy', sample)");
        ExtractionPlan plan = Plans.plan(nb);
        assertThat(plan.cells()).extracting(CellDecision::kept)
            .containsExactly(true, false, false, false, false, true, true, true);
        assertThat(plan.cells().get(5).reason())
            .isEqualTo("essential: seeds numpy's global random generator, which cell 8 draws from");
        assertThat(plan.cells().get(6).reason()).isEqualTo("essential: draws from numpy's global random generator "
            + "between its seed (cell 6) and the draws of cell 8: without it, cell 8 would draw other numbers");
        assertThat(Plans.function(plan, plan.cells().get(6).function().orElseThrow()).body())
            .contains("np.random.rand(4)");
        // each seed keeps its own value
        assertThat(plan.config()).extracting(ConfigKey::key, ConfigKey::yamlValue).contains(
            org.assertj.core.groups.Tuple.tuple("random_seed", "0"),
            org.assertj.core.groups.Tuple.tuple("preprocessing.random_seed_2", "2"));
        assertThat(Plans.function(plan, plan.cells().get(5).function().orElseThrow()).body())
            .contains("np.random.seed(params.random_seed_2)");
    }

    @Test
    void unseededDrawsPullInNothing() throws Exception {
        Notebook nb = TestNotebooks.code("import numpy as np", "warmup = np.random.rand(5)",
            "sample = np.random.rand(3)\nnp.save('sample.npy', sample)");
        assertThat(Plans.plan(nb).cells()).extracting(CellDecision::kept).containsExactly(true, false, true);
    }

    @Test
    void dropsPeeksAndExploratoryCellsUnlessAsked() throws Exception {
        Notebook nb = TestNotebooks.code(LOAD, "df.describe()", "df.head()", "df.to_csv('out.csv')");
        ExtractionPlan plan = Plans.plan(nb);
        assertThat(plan.cells()).extracting(CellDecision::kept).containsExactly(true, false, false, true);
        assertThat(plan.cells().get(1).reason())
            .isEqualTo("exploratory: defines nothing and produces no result (it only shows or prints)");
        assertThat(plan.cells().get(1).function()).isEmpty();

        ExtractionPlan all = Plans.plan(TestNotebooks.code(LOAD, "summary = 1", "df.to_csv('out.csv')"),
            PlanOptions.DEFAULTS.withKeepExploratory(true));
        assertThat(all.cells()).extracting(CellDecision::kept).containsOnly(true);
    }

    @Test
    void returnsTheValuesTheNotebookDisplaysUnderReadableNames() throws Exception {
        ExtractionPlan plan = Plans.plan(LOAD,
            "df.groupby('month')['share'].mean()",
            "df['region'].value_counts()",
            "total = df.amount.sum()\ntotal",
            "df.head()");
        assertThat(plan.results()).extracting(PlanResult::name)
            .containsExactly("share_by_month", "region_counts", "total");
        assertThat(plan.results()).extracting(PlanResult::kind).containsOnly(ResultKind.DISPLAYED);
        assertThat(String.join("\n", plan.functions().stream().map(StageFunction::body).toList()))
            .contains("share_by_month = df.groupby('month')['share'].mean()")
            .contains("region_counts = df['region'].value_counts()")
            .doesNotContain("head()");
        assertThat(new PlanPrinter().render(plan)).contains("share_by_month  <- cell 2");
    }

    @Test
    void aDisplayedValueThatChangesLaterIsKeptAsASnapshot() throws Exception {
        Notebook nb = TestNotebooks.builder().markdown("## Raw data").code(LOAD + "\ndf")
            .markdown("## Clean").code("df = df.dropna()\ndf").build();
        ExtractionPlan plan = Plans.plan(nb);
        assertThat(plan.results()).extracting(PlanResult::name).containsExactly("df_raw_data", "df");
        assertThat(plan.functions().get(0).body()).endsWith("df_raw_data = df");
    }

    @Test
    void fittedModelsAndMetricsAreResultsAndModelsAreSaved() throws Exception {
        ExtractionPlan plan = Plans.plan(LOAD,
            "from sklearn.linear_model import LinearRegression\nfrom sklearn.metrics import r2_score\n"
                + "model = LinearRegression()\nmodel.fit(df[['amount']], df['price'])\n"
                + "r2 = r2_score(df['price'], model.predict(df[['amount']]))");
        assertThat(plan.results()).extracting(PlanResult::name, PlanResult::kind).containsExactly(
            org.assertj.core.groups.Tuple.tuple("model", ResultKind.MODEL),
            org.assertj.core.groups.Tuple.tuple("model_file", ResultKind.MODEL_FILE),
            org.assertj.core.groups.Tuple.tuple("r2", ResultKind.METRIC));
        assertThat(plan.results().get(1).file()).isEqualTo("models/model.joblib");
        assertThat(plan.config()).extracting(ConfigKey::key).contains("models_dir");
    }

    @Test
    void figuresAreSavedByTheReportingStageUnlessDropped() throws Exception {
        Notebook nb = TestNotebooks.code(LOAD, "import matplotlib.pyplot as plt\nplt.style.use('ggplot')",
            "df.amount.hist()\nplt.title('Amounts per sale')\nplt.show()");
        ExtractionPlan plan = Plans.plan(nb);
        StageFunction figure = Plans.function(plan, "plot_amounts_per_sale");
        assertThat(figure.stage()).isEqualTo(Stage.REPORTING);
        assertThat(figure.body()).endsWith("amounts_per_sale_figure = save_figure(params.figures_dir, "
            + "\"amounts_per_sale\")").doesNotContain("plt.show");
        assertThat(plan.results()).extracting(PlanResult::name, PlanResult::file).contains(
            org.assertj.core.groups.Tuple.tuple("amounts_per_sale_figure", "figures/amounts_per_sale.png"));
        assertThat(Plans.function(plan, "set_plot_style").stage()).isEqualTo(Stage.REPORTING);

        assertThatThrownBy(() -> Plans.plan(nb, PlanOptions.DEFAULTS.withFigures(false)))
            .isInstanceOf(ExtractionRefused.class).hasMessageStartingWith("nothing to extract");
    }

    @Test
    void decorationsThroughAxesSetAndObjectsADrawingReturnedAreSavedWithTheirFigure() throws Exception {
        Notebook nb = TestNotebooks.builder()
            .code("import numpy as np\nimport matplotlib.pyplot as plt\nx = np.linspace(0, 1, 10)")
            .codeWithOutputs("ax = plt.axes()\nax.plot(x, x)\nax.set(xlim=(0, 1), title='Line');", TestNotebooks.image())
            .codeWithOutputs("plt.hist2d(x, x, bins=3)\ncb = plt.colorbar()\ncb.set_label('counts')",
                TestNotebooks.image())
            .build();
        ExtractionPlan plan = Plans.plan(nb);
        assertThat(Plans.function(plan, "plot_line").body())
            .contains("ax.set(xlim=(0, 1), title='Line')\nline_figure = save_figure(");
        assertThat(String.join("\n", plan.functions().stream().map(StageFunction::body).toList()))
            .contains("cb.set_label('counts')\nfigure_cell3_figure = save_figure(")
            .doesNotContain("report_results");
    }

    @Test
    void aSemicolonEndingAStatementIsDroppedAndOneSeparatingTwoIsKept() throws Exception {
        ExtractionPlan plan = Plans.plan(LOAD, "total = df.amount.sum();  # all\nsmall = total / 2; big = total * 2\n"
            + "ratio = big / small;\npd.Series([ratio]).to_csv('ratio.csv')");
        assertThat(String.join("\n", plan.functions().stream().map(StageFunction::body).toList()))
            .contains("total = df.amount.sum()  # all\n")
            .contains("small = total / 2; big = total * 2\n")
            .contains("ratio = big / small")
            .doesNotContain("small;");
    }

    @Test
    void aFigureShownAgainInALaterCellIsSavedFromItsVariable() throws Exception {
        Notebook nb = TestNotebooks.builder()
            .code("import numpy as np\nimport matplotlib.pyplot as plt\nx = np.linspace(0, 1, 10)")
            .codeWithOutputs("fig, ax = plt.subplots()\nax.plot(x, x)\nax.set_title('Line')", TestNotebooks.image())
            .codeWithOutputs("ax.set_xlim(0, 2)\nfig", TestNotebooks.image())
            .codeWithOutputs("fig", TestNotebooks.image())
            .build();
        ExtractionPlan plan = Plans.plan(nb);
        String bodies = String.join("\n", plan.functions().stream().map(StageFunction::body).toList());
        assertThat(bodies).contains("line_figure = save_figure(params.figures_dir, \"line\")")
            .contains("save_figure(params.figures_dir, \"figure_cell3\", fig)")
            .contains("fig_figure = save_figure(params.figures_dir, \"fig\", fig)");
        assertThat(plan.results()).filteredOn(r -> r.kind() == ResultKind.FIGURE).hasSize(3);
    }

    @Test
    void stagesAreDecidedPerStatementNotPerCell() throws Exception {
        ExtractionPlan plan = Plans.plan("import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\n"
            + "df = pd.read_csv('a.csv')\ndf = df.dropna()\nclf = LogisticRegression()\nclf.fit(df[['x']], df.y)");
        assertThat(plan.functions()).extracting(StageFunction::stage)
            .containsExactly(Stage.INGESTION, Stage.PREPROCESSING, Stage.TRAINING);
    }

    @Test
    void functionsDefinedInCellsMoveToModuleLevelWithTheGlobalsTheyReadAsParameters() throws Exception {
        ExtractionPlan plan = Plans.plan(LOAD,
            "def share(col):\n    return df.groupby(col).amount.sum() / df.amount.sum()\n\nshare('region')");
        assertThat(plan.helpers()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("share");
            assertThat(h.code()).startsWith("def share(col, *, df):");
        });
        assertThat(String.join("\n", plan.functions().stream().map(StageFunction::body).toList()))
            .contains("share_region = share('region', df=df)").doesNotContain("def share");
    }

    @Test
    void namesFunctionsFromWhatTheyDoWithoutHeadings() throws Exception {
        ExtractionPlan plan = Plans.plan(LOAD, "totals = df.groupby('region').amount.sum()",
            "totals.to_csv('totals.csv')");
        assertThat(plan.functions()).extracting(StageFunction::name).doesNotHaveDuplicates()
            .allMatch(n -> n.matches("[a-z_][a-z0-9_]*") && !n.startsWith("cell"));
        assertThat(plan.functions().get(0).name()).isEqualTo("load_sales");
        assertThat(plan.functions().get(plan.functions().size() - 1).name()).isEqualTo("write_totals");
        assertThat(plan.functions().get(0).docstring()).isEqualTo("Read sales.csv into df.");
    }

    @Test
    void docstringsSayWhatTheFunctionComputesNotTheHeading() throws Exception {
        Notebook nb = TestNotebooks.builder()
            .markdown("## Clean\n\nRows with a missing amount are CRM glitches: drop them.").code(LOAD)
            .code("df = df.dropna()\ndf.to_csv('clean.csv')").build();
        ExtractionPlan plan = Plans.plan(nb);
        assertThat(plan.functions()).extracting(StageFunction::docstring).doesNotContain("Clean.");
        assertThat(plan.functions().get(0).details())
            .isEqualTo("Rows with a missing amount are CRM glitches: drop them");
    }

    @Test
    void pipelineOrderIsNotebookOrder() throws Exception {
        Notebook nb = TestNotebooks.builder()
            .markdown("## Model").code("import pandas as pd\nfrom sklearn.tree import DecisionTreeClassifier\n"
                + "df = pd.read_csv('a.csv')\nclf = DecisionTreeClassifier(random_state=0)\nclf.fit(df[['x']], df.y)")
            .markdown("## Load data").code("preds = clf.predict(df[['x']])\npd.Series(preds).to_csv('p.csv')")
            .build();
        ExtractionPlan plan = Plans.plan(nb);
        assertThat(plan.functions()).extracting(f -> f.cells().get(0)).isSorted();
    }

    @Test
    void turnsPrintsIntoLoggingAndDropsDisplayStatements() throws Exception {
        ExtractionPlan plan = Plans.plan(LOAD + "\ndf.head()\nprint('rows:', len(df))\nprint('mean %.2f' % df.amount.mean())"
            + "\nprint(f'n={len(df)} max={df.amount.max():.1f}')\ndf.shape\nprint(df.amount, sep='|')",
            "import matplotlib.pyplot as plt\ndf.amount.hist()\nplt.savefig('hist.png')\nplt.show()");
        String body = plan.functions().get(0).body();
        assertThat(body).isEqualTo("""
            df = pd.read_csv(params.sales_path)
            logger.info("rows: %s", len(df))
            logger.info("mean %.2f", df.amount.mean())
            logger.info("n=%s max=%.1f", len(df), df.amount.max())""");
        assertThat(plan.functions().get(1).body()).doesNotContain("plt.show").contains("plt.savefig(");
    }

    @Test
    void removesMagicsAndRecordsPipPins() throws Exception {
        ExtractionPlan plan = Plans.plan("!pip install -q pandas==2.1.0 requests\n%matplotlib inline\n" + LOAD,
            "df.to_csv('out.csv')");
        assertThat(plan.functions().get(0).body()).doesNotContain("pip").doesNotContain("%");
        assertThat(plan.dependencies()).contains(new ExtractionPlan.Dependency("pandas", "pandas", "2.1.0"));
        assertThat(plan.todos()).noneMatch(t -> t.contains("pin versions of pandas"));
    }

    @Test
    void writesThePythonIPythonRunsForItsEscapes() throws Exception {
        ExtractionPlan plan = Plans.plan(LOAD + "\n;",
            "if len(df) > 0:\n    ;df.to_csv out.csv\n    ;\n/df.to_json 'out.json'\n,df.to_parquet out.parquet\n;");
        String bodies = String.join("\n", plan.functions().stream().map(StageFunction::body).toList());
        // the auto-quoted file names are hoisted into the configuration like any literal
        assertThat(bodies).contains("df = pd.read_csv(params.sales_path)\nif len(df) > 0:\n    df.to_csv(params.out_path)\n",
            "\ndf.to_json(params.out_path_2)\ndf.to_parquet(params.out_path_3)").doesNotContain(";").doesNotContain("/df")
            .doesNotContain(",df").doesNotContain("(\"\")");
        assertThat(plan.config()).extracting(ConfigKey::yamlValue)
            .contains("\"out.csv\"", "\"out.json\"", "\"out.parquet\"");
        // a lone ; is IPython's ("") : a stray string, dropped at the top level
        assertThat(bodies.lines().filter(l -> l.equals("(\"\")"))).isEmpty();
    }

    @Test
    void collectsOnlyTheImportsABodyUsesOneNamePerLine() throws Exception {
        ExtractionPlan plan = Plans.plan("import os, json\nimport pandas as pd\nfrom sklearn.metrics import accuracy_score, f1_score",
            "df = pd.read_csv(os.path.join('data', 'a.csv'))\nacc = accuracy_score(df.y, df.p)\nprint(acc)");
        List<String> imports = plan.functions().stream().flatMap(f -> f.imports().stream()).distinct().toList();
        assertThat(imports).containsExactlyInAnyOrder("import os", "import pandas as pd",
            "from sklearn.metrics import accuracy_score");
        assertThat(plan.functions()).allMatch(f -> !f.body().contains("import "));
        assertThat(plan.cells().get(0).reason()).startsWith("setup only");
        assertThat(plan.dependencies()).extracting(ExtractionPlan.Dependency::distribution)
            .containsExactly("pandas", "scikit-learn");
    }

    @Test
    void hoistsMagicNumbersAndHyperParametersIntoTheStagesSettings() throws Exception {
        ExtractionPlan plan = Plans.plan(LOAD + "\nfrom sklearn.model_selection import train_test_split\n"
            + "from sklearn.ensemble import RandomForestClassifier\n"
            + "big = df[df.amount > 1250]\n"
            + "X_train, X_test, y_train, y_test = train_test_split(big[['amount']], big.y, test_size=0.3, random_state=1)\n"
            + "rf = RandomForestClassifier(n_estimators=300, max_depth=7, random_state=1)\nrf.fit(X_train, y_train)\n"
            + "score = rf.score(X_test, y_test)");
        assertThat(plan.config()).extracting(ConfigKey::key)
            .contains("preprocessing.min_amount", "features.test_size", "training.rf_n_estimators",
                "training.rf_max_depth");
        String bodies = String.join("\n", plan.functions().stream().map(StageFunction::body).toList());
        assertThat(bodies).contains("df[df.amount > params.min_amount]", "test_size=params.test_size",
            "n_estimators=params.rf_n_estimators", "max_depth=params.rf_max_depth", "random_state=1");
        StageFunction training = plan.functions().stream().filter(f -> f.stage() == Stage.TRAINING).findFirst()
            .orElseThrow();
        assertThat(training.parameters()).contains(new Parameter("params", "TrainingParams", true));
        assertThat(plan.settings(Stage.TRAINING).orElseThrow().keys()).extracting(ConfigKey::field)
            .contains("rf_n_estimators", "rf_max_depth");
    }

    @Test
    void equalLiteralsInUnrelatedCallsAreSeparateKeys() throws Exception {
        ExtractionPlan plan = Plans.plan(LOAD + "\nfrom sklearn.ensemble import RandomForestClassifier\n"
            + "rf = RandomForestClassifier(n_estimators=200, max_depth=6, random_state=0)\nrf.fit(df[['a']], df.y)\n"
            + "rf2 = RandomForestClassifier(n_estimators=200, max_depth=6, random_state=0)\nrf2.fit(df[['b']], df.y)");
        assertThat(plan.config()).extracting(ConfigKey::field)
            .contains("rf_n_estimators", "rf_max_depth", "rf2_n_estimators", "rf2_max_depth");
        assertThat(String.join("\n", plan.functions().stream().map(StageFunction::body).toList()))
            .contains("RandomForestClassifier(n_estimators=params.rf2_n_estimators, max_depth=params.rf2_max_depth");
    }

    @Test
    void readsSecretsFromTheEnvironmentAndNeverCopiesThem() throws Exception {
        String secret = "sk_live_51OqT7vKx2mWbR9cLzE4hN8pYdA3fJ6gUs0tVi5kQ";
        ExtractionPlan plan = Plans.plan("import requests\nAPI_KEY = \"" + secret + "\"",
            "print(API_KEY)\nr = requests.get('https://example.com/data', headers={'key': API_KEY})\n"
                + "open('out.json', 'w').write(r.text)");
        assertThat(plan.secrets()).extracting(ExtractionPlan.SecretVariable::variable).containsExactly("API_KEY");
        assertThat(plan.toString()).doesNotContain(secret).doesNotContain("sk_live_51");
        assertThat(new PlanPrinter().render(plan)).doesNotContain(secret);
        String bodies = String.join("\n", plan.functions().stream().map(StageFunction::body).toList());
        assertThat(bodies).contains("headers={'key': os.environ[\"API_KEY\"]}").doesNotContain("logger.info");
        assertThat(plan.functions().stream().flatMap(f -> f.imports().stream())).contains("import os");
    }

    @Test
    void keepsTheGlobalSeedFaithfullyAsASharedConfigKey() throws Exception {
        ExtractionPlan plan = Plans.plan("import numpy as np\nimport pandas as pd\nnp.random.seed(7)",
            "from sklearn.model_selection import train_test_split\ndf = pd.read_csv('a.csv')\n"
                + "train, test = train_test_split(df)\ntest.to_csv('test.csv')");
        assertThat(plan.config()).contains(new ConfigKey("random_seed", "7", "int",
            "cell 1, line 3: np.random.seed(7)", ExtractionPlan.PathRole.NONE));
        // the notebook's results come from the global generator: the seeding is kept, fed from the config,
        // rather than adding random_state= (which would change the results)
        StageFunction seeding = plan.functions().get(0);
        assertThat(seeding.name()).isEqualTo("set_random_seed");
        assertThat(seeding.body()).contains("np.random.seed(params.random_seed)");
        assertThat(String.join("\n", plan.functions().stream().map(StageFunction::body).toList()))
            .contains("train_test_split(df)").doesNotContain("random_state");
    }

    @Test
    void copiesDataFramesAFunctionChangesInPlace() throws Exception {
        Notebook nb = TestNotebooks.builder()
            .markdown("## Load").code(LOAD)
            .markdown("## Features").code("df['double'] = df.amount * 2\ndf.drop('id', axis=1, inplace=True)")
            .markdown("## Save").code("df.to_csv('out.csv')")
            .build();
        ExtractionPlan plan = Plans.plan(nb);
        StageFunction features = plan.functions().get(1);
        assertThat(features.copiedOnEntry()).containsExactly("df");
        assertThat(features.returns()).extracting(Returned::name).containsExactly("df");
        assertThat(plan.functions().get(2).parameters()).filteredOn(p -> !p.settings())
            .extracting(Parameter::name).containsExactly("df");
    }

    @Test
    void moreThanFourReturnedValuesBecomeANamedResult() throws Exception {
        ExtractionPlan plan = Plans.plan(LOAD, "a = df.x + 1\nb = df.x + 2\nc = df.x + 3\nd = df.x + 4\ne = df.x + 5",
            "pd.concat([a, b, c, d, e]).to_csv('all.csv')");
        StageFunction five = plan.functions().stream().filter(f -> f.returns().size() == 5).findFirst().orElseThrow();
        assertThat(five.resultClass()).endsWith("Result");
    }

    @Test
    void loopVariablesAreNotReturned() throws Exception {
        ExtractionPlan plan = Plans.plan(LOAD, "for col in ['a', 'b']:\n    df[col] = df[col].fillna(0)",
            "df.to_csv('out.csv')");
        assertThat(plan.functions()).flatExtracting(StageFunction::returns).extracting(Returned::name)
            .doesNotContain("col");
    }

    @Test
    void absolutePathsBecomeFileNamesUnderTheDataRoot() throws Exception {
        ExtractionPlan plan = Plans.plan("import pandas as pd\nDATA = '/home/ana/data/raw/sales.csv'",
            "df = pd.read_csv(DATA)\ndf.to_csv('out.csv')");
        assertThat(plan.config()).extracting(ConfigKey::field).contains("data").doesNotContain("data_root");
        ConfigKey data = plan.config().stream().filter(c -> c.field().equals("data")).findFirst().orElseThrow();
        assertThat(data.yamlValue()).isEqualTo("\"data/sales.csv\"");
        assertThat(data.path()).isEqualTo(ExtractionPlan.PathRole.INPUT);
        assertThat(plan.functions().get(0).body()).startsWith("df = pd.read_csv(params.data)");
    }

    @Test
    void neverExecutedCellsAreFlagged() throws Exception {
        ExtractionPlan plan = Plans.plan(TestNotebooks.builder().code(LOAD).code("df.to_csv('o.csv')", (Integer) null)
            .build());
        assertThat(plan.todos()).contains("cell 2 was never executed in the notebook: its code is included but untested");
    }

    @Test
    void isDeterministic() throws Exception {
        Notebook nb = TestNotebooks.code(LOAD, "x = df.amount.mean()\nprint(x)", "df.to_csv('out.csv')");
        assertThat(Plans.plan(nb)).isEqualTo(Plans.plan(nb));
    }

    @Test
    void everyKeptCellNamesItsFunctions() throws Exception {
        ExtractionPlan plan = Plans.plan(LOAD, "df = df.dropna()", "df.to_csv('o.csv')");
        assertThat(plan.cells()).filteredOn(CellDecision::kept).allMatch(d -> !d.functions().isEmpty());
        assertThat(plan.cells().get(0).function()).isEqualTo(Optional.of("load_sales"));
    }
}
