package dev.nb2prod.extract.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.CellDecision;
import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.Parameter;
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
        assertThatThrownBy(() -> Plans.plan("import pandas as pd\npd.DataFrame({'a': [1]})"))
            .isInstanceOf(ExtractionRefused.class).hasMessageStartingWith("nothing to extract");
    }

    @Test
    void refusesPython2Code() {
        assertThatThrownBy(() -> Plans.plan("for i in xrange(3):\n    x = i\nopen('o.txt', 'w').write(str(x))"))
            .isInstanceOf(ExtractionRefused.class).hasMessageContaining("Python 2");
    }

    @Test
    void dropsExploratoryCellsUnlessAsked() throws Exception {
        Notebook nb = TestNotebooks.code(LOAD, "df.describe()", "df.to_csv('out.csv')");
        ExtractionPlan plan = Plans.plan(nb);
        assertThat(plan.cells()).extracting(CellDecision::kept).containsExactly(true, false, true);
        assertThat(plan.cells().get(1).reason()).isEqualTo("exploratory: nothing essential depends on it");
        assertThat(plan.cells().get(1).function()).isEmpty();

        ExtractionPlan all = Plans.plan(TestNotebooks.code(LOAD, "summary = df.describe()", "df.to_csv('out.csv')"),
            new PlanOptions(null, true));
        assertThat(all.cells()).extracting(CellDecision::kept).containsOnly(true);
    }

    @Test
    void groupsCellsUnderAHeadingAndNamesFunctionsFromHeadings() throws Exception {
        Notebook nb = TestNotebooks.builder()
            .markdown("## Load data").code(LOAD)
            .markdown("## Clean").code("df = df.dropna()").code("df = df[df.amount > 0]")
            .markdown("## Model").code("from sklearn.linear_model import LinearRegression\n"
                + "model = LinearRegression()\nmodel.fit(df[['amount']], df['price'])")
            .build();
        ExtractionPlan plan = Plans.plan(nb);
        assertThat(plan.functions()).extracting(StageFunction::name)
            .containsExactly("load_data", "clean_data", "train_model");
        assertThat(plan.functions()).extracting(StageFunction::stage)
            .containsExactly(Stage.INGESTION, Stage.PREPROCESSING, Stage.TRAINING);
        StageFunction clean = Plans.function(plan, "clean_data");
        assertThat(clean.cells()).containsExactly(3, 4);
        assertThat(clean.docstring()).isEqualTo("Clean.");
        assertThat(clean.parameters()).containsExactly(new Parameter("df", "pd.DataFrame", ""));
        assertThat(clean.returns()).containsExactly(new Returned("df", "pd.DataFrame"));
        assertThat(plan.outputs()).contains("model");
        assertThat(Plans.function(plan, "train_model").returns()).extracting(Returned::name).contains("model");
    }

    @Test
    void namesFunctionsFromTheMainVariableWithoutHeadings() throws Exception {
        ExtractionPlan plan = Plans.plan(LOAD, "totals = df.groupby('region').amount.sum()",
            "totals.to_csv('totals.csv')");
        assertThat(plan.functions()).extracting(StageFunction::name).doesNotHaveDuplicates()
            .allMatch(n -> n.matches("[a-z_][a-z0-9_]*") && !n.startsWith("cell"));
        assertThat(plan.functions().get(0).name()).startsWith("load_");
        assertThat(plan.functions().get(plan.functions().size() - 1).name()).isEqualTo("write_totals");
    }

    @Test
    void stagesNeverGoBackwards() throws Exception {
        Notebook nb = TestNotebooks.builder()
            .markdown("## Model").code("import pandas as pd\nfrom sklearn.tree import DecisionTreeClassifier\n"
                + "df = pd.read_csv('a.csv')\nclf = DecisionTreeClassifier()\nclf.fit(df[['x']], df.y)")
            .markdown("## Load data").code("preds = clf.predict(df[['x']])\npd.Series(preds).to_csv('p.csv')")
            .build();
        ExtractionPlan plan = Plans.plan(nb);
        List<Stage> stages = plan.functions().stream().map(StageFunction::stage).toList();
        assertThat(stages).isSorted();
    }

    @Test
    void turnsPrintsIntoLoggingAndDropsDisplayStatements() throws Exception {
        ExtractionPlan plan = Plans.plan(LOAD + "\ndf.head()\nprint('rows:', len(df))\nprint('mean %.2f' % df.amount.mean())"
            + "\nprint(f'n={len(df)} max={df.amount.max():.1f}')\ndf.shape\nprint(df.amount, sep='|')",
            "import matplotlib.pyplot as plt\ndf.amount.hist()\nplt.savefig('hist.png')\nplt.show()");
        String body = plan.functions().get(0).body();
        assertThat(body).isEqualTo("""
            df = pd.read_csv(sales_path)
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
        assertThat(bodies).contains("df = pd.read_csv(sales_path)\nif len(df) > 0:\n    df.to_csv(out_path)\n",
            "\ndf.to_json(out_path_2)\ndf.to_parquet(out_path_3)").doesNotContain(";").doesNotContain("/df")
            .doesNotContain(",df");
        assertThat(plan.config()).extracting(ConfigKey::yamlValue)
            .contains("\"out.csv\"", "\"out.json\"", "\"out.parquet\"");
        // a lone ; is IPython's ("") : a stray string, dropped at the top level
        assertThat(bodies.lines().filter(l -> l.equals("(\"\")"))).isEmpty();
    }

    @Test
    void collectsOnlyTheImportsABodyUsesOneNamePerLine() throws Exception {
        ExtractionPlan plan = Plans.plan("import os, json\nimport pandas as pd\nfrom sklearn.metrics import accuracy_score, f1_score",
            "df = pd.read_csv(os.path.join('data', 'a.csv'))\nacc = accuracy_score(df.y, df.p)\nprint(acc)");
        StageFunction f = plan.functions().get(0);
        assertThat(f.imports()).containsExactlyInAnyOrder("import os", "import pandas as pd",
            "from sklearn.metrics import accuracy_score");
        assertThat(f.body()).doesNotContain("import ");
        assertThat(plan.cells().get(0).reason()).startsWith("setup only");
        assertThat(plan.dependencies()).extracting(ExtractionPlan.Dependency::distribution)
            .containsExactly("pandas", "scikit-learn");
    }

    @Test
    void hoistsMagicNumbersAndHyperParametersIntoConfiguration() throws Exception {
        ExtractionPlan plan = Plans.plan(LOAD + "\nfrom sklearn.model_selection import train_test_split\n"
            + "from sklearn.ensemble import RandomForestClassifier\n"
            + "big = df[df.amount > 1250]\n"
            + "X_train, X_test, y_train, y_test = train_test_split(big[['amount']], big.y, test_size=0.3, random_state=1)\n"
            + "rf = RandomForestClassifier(n_estimators=300, max_depth=7, random_state=1)\nrf.fit(X_train, y_train)\n"
            + "score = rf.score(X_test, y_test)");
        assertThat(plan.config()).extracting(ConfigKey::key)
            .contains("min_amount", "test_size", "model.n_estimators", "model.max_depth");
        StageFunction f = plan.functions().get(0);
        assertThat(f.body()).contains("df[df.amount > min_amount]", "test_size=test_size",
            "n_estimators=n_estimators", "max_depth=max_depth", "random_state=1");
        assertThat(f.parameters()).contains(new Parameter("n_estimators", "int", "model.n_estimators"),
            new Parameter("test_size", "float", "test_size"));
        assertThat(plan.config()).filteredOn(c -> c.key().equals("model.max_depth"))
            .extracting(ConfigKey::yamlValue).containsExactly("7");
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
        StageFunction f = plan.functions().get(0);
        assertThat(f.body()).contains("headers={'key': os.environ[\"API_KEY\"]}").doesNotContain("logger.info");
        assertThat(f.imports()).contains("import os");
    }

    @Test
    void keepsTheGlobalSeedFaithfullyAsAConfigKey() throws Exception {
        ExtractionPlan plan = Plans.plan("import numpy as np\nimport pandas as pd\nnp.random.seed(7)",
            "from sklearn.model_selection import train_test_split\ndf = pd.read_csv('a.csv')\n"
                + "train, test = train_test_split(df)\ntest.to_csv('test.csv')");
        assertThat(plan.config()).contains(new ConfigKey("random_seed", "7", "int",
            "cell 1, line 3: np.random.seed(7)", ExtractionPlan.PathRole.NONE));
        // the notebook's results come from the global generator: the seeding is kept, fed from the config,
        // rather than adding random_state= (which would change the results)
        StageFunction seeding = plan.functions().get(0);
        assertThat(seeding.body()).contains("np.random.seed(random_seed)");
        assertThat(seeding.parameters()).extracting(Parameter::configKey).contains("random_seed");
        assertThat(plan.functions().get(1).body()).contains("train_test_split(df)").doesNotContain("random_state");
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
        assertThat(plan.functions().get(2).parameters()).filteredOn(p -> p.configKey().isEmpty())
            .extracting(Parameter::name).containsExactly("df");
    }

    @Test
    void absolutePathsBecomeFileNamesUnderTheDataRoot() throws Exception {
        ExtractionPlan plan = Plans.plan("import pandas as pd\nDATA = '/home/ana/data/raw/sales.csv'",
            "df = pd.read_csv(DATA)\ndf.to_csv('out.csv')");
        assertThat(plan.config()).extracting(ConfigKey::key).contains("data").doesNotContain("data_root");
        ConfigKey data = plan.config().stream().filter(c -> c.key().equals("data")).findFirst().orElseThrow();
        assertThat(data.yamlValue()).isEqualTo("\"data/sales.csv\"");
        assertThat(data.path()).isEqualTo(ExtractionPlan.PathRole.INPUT);
        assertThat(plan.functions().get(0).body()).startsWith("df = pd.read_csv(data)");
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
}
