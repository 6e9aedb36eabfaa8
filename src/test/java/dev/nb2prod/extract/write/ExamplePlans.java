package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.CellDecision;
import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.Dependency;
import dev.nb2prod.extract.ExtractionPlan.Helper;
import dev.nb2prod.extract.ExtractionPlan.Parameter;
import dev.nb2prod.extract.ExtractionPlan.PathRole;
import dev.nb2prod.extract.ExtractionPlan.PlanResult;
import dev.nb2prod.extract.ExtractionPlan.ResultKind;
import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.ExtractionPlan.SecretVariable;
import dev.nb2prod.extract.ExtractionPlan.Settings;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.extract.Stage;
import java.nio.file.Path;
import java.util.List;

/**
 * Hand-made extraction plans, written the way a careful engineer would plan the bundled example: the bar the
 * planner is measured against, and the input of the writer's golden tests.
 */
public final class ExamplePlans {
    public static final Path CHURN_NOTEBOOK = Path.of("examples/churn_analysis.ipynb");

    private ExamplePlans() {}

    private static Parameter value(String name, String type) {
        return new Parameter(name, type, false);
    }

    private static Parameter settings(Stage stage) {
        String cls = Character.toUpperCase(stage.module().charAt(0)) + stage.module().substring(1) + "Params";
        return new Parameter("params", cls, true);
    }

    private static CellDecision kept(int cell, String reason, String... functions) {
        return new CellDecision(cell, true, java.util.Optional.empty(), reason, List.of(functions));
    }

    private static CellDecision dropped(int cell, String reason) {
        return new CellDecision(cell, false, java.util.Optional.of(ExtractionPlan.DropReason.EXPLORATORY), reason,
            List.of());
    }

    private static StageFunction function(String name, Stage stage, List<Integer> cells, String docstring,
                                          String details, List<Parameter> parameters, List<Returned> returns,
                                          String resultClass, List<String> copied, String body, List<String> imports) {
        return new StageFunction(name, stage, cells, docstring, details, parameters, returns, resultClass, copied,
            body, imports);
    }

    /** examples/churn_analysis.ipynb. */
    public static ExtractionPlan churn() {
        StageFunction load = function("load_customers", Stage.INGESTION, List.of(4), "Read customers.csv into df.", "",
            List.of(settings(Stage.INGESTION)), List.of(new Returned("df", "pd.DataFrame")), "", List.of(),
            """
            df = pd.read_csv(params.customers_path)
            logger.info("loaded %d rows from %s", len(df), params.customers_path)
            """,
            List.of("import pandas as pd"));
        StageFunction clean = function("clean_data", Stage.PREPROCESSING, List.of(8, 9), "Clean df.",
            "Accounts with tenure_months == 0 signed up this month and have no bill yet, drop them. A few rows have "
                + "no region / email (CRM export glitch).",
            List.of(value("df", "pd.DataFrame")), List.of(new Returned("df", "pd.DataFrame")), "", List.of("df"),
            """
            df = df[df.tenure_months > 0]
            df = df.dropna()
            logger.info("%d rows after cleaning", len(df))

            # total_charges comes in as text, blanks are ' '
            df['total_charges'] = pd.to_numeric(df['total_charges'], errors='coerce')
            logger.info('blank total_charges: %d', df.total_charges.isna().sum())
            df = df.fillna(0)

            # some old exports had dd/mm/yyyy dates
            try:
                df['signup_date'] = pd.to_datetime(df['signup_date'])
            except (ValueError, TypeError):
                logger.warning("signup_date kept as text: it does not parse as dates")

            df.drop('customer_id', axis=1, inplace=True)
            """,
            List.of("import pandas as pd"));
        StageFunction plotRegions = function("plot_churn_rate_by_region", Stage.REPORTING, List.of(10),
            "Draw the figure 'Churn rate by region' and save it.", "",
            List.of(value("df", "pd.DataFrame"), settings(Stage.REPORTING)),
            List.of(new Returned("churn_rate_by_region_figure", "str")), "", List.of(),
            """
            df.groupby('region').churned.mean().sort_values().plot(kind='bar', figsize=(6, 3), rot=0)
            plt.ylabel('churn rate')
            plt.title('Churn rate by region')
            churn_rate_by_region_figure = save_figure(params.figures_dir, "churn_rate_by_region")
            """,
            List.of("import matplotlib.pyplot as plt", "from .artifacts import save_figure"));
        StageFunction segments = function("compute_segment_churn_plan", Stage.FEATURES, List.of(13),
            "Compute the churn rate of each plan relative to the overall rate.", "",
            List.of(value("df", "pd.DataFrame")), List.of(new Returned("segment_churn_plan", "pd.Series")), "",
            List.of(),
            """
            segment_churn_plan = segment_churn('plan', df=df)
            """,
            List.of());
        StageFunction features = function("engineer_features", Stage.FEATURES, List.of(15),
            "Derive the feature matrix X and the train and test splits from df.", "",
            List.of(value("df", "pd.DataFrame"), settings(Stage.FEATURES)),
            List.of(new Returned("df", "pd.DataFrame"), new Returned("X", "pd.DataFrame"),
                new Returned("X_train", "pd.DataFrame"), new Returned("X_test", "pd.DataFrame"),
                new Returned("y_train", "pd.Series"), new Returned("y_test", "pd.Series")),
            "EngineerFeaturesResult", List.of("df"),
            """
            df['tenure_years'] = df.tenure_months / 12
            df['avg_monthly_billed'] = df.total_charges / df.tenure_months
            df['billing_gap'] = df.monthly_charges - df.avg_monthly_billed
            df['many_calls'] = (df.support_calls >= params.min_support_calls).astype(int)
            df['inactive'] = (df.last_login_days > params.min_last_login_days).astype(int)
            df['high_value'] = (df.monthly_charges > params.min_monthly_charges).astype(int)
            df['calls_per_year'] = df.support_calls / (df.tenure_years + 0.5)
            df['days_since_signup'] = (pd.Timestamp('2024-06-30') - df.signup_date).dt.days
            df['new_customer'] = (df.tenure_months <= params.max_tenure_months).astype(int)

            # email is PII, not a feature
            df.drop(['contact_email'], axis=1, inplace=True)

            feature_cols = [
                'monthly_charges',
                'total_charges',
                'tenure_months',
                'support_calls',
                'last_login_days',
                'avg_monthly_billed',
                'billing_gap',
                'many_calls',
                'inactive',
                'high_value',
                'calls_per_year',
                'days_since_signup',
                'new_customer',
            ]
            X = pd.get_dummies(df[feature_cols + ['region', 'plan']], columns=['region', 'plan'], drop_first=True)
            y = df['churned']
            logger.info('%s churn rate %.3f', X.shape, y.mean())

            X_train, X_test, y_train, y_test = train_test_split(
                X, y, test_size=params.test_size, stratify=y)
            """,
            List.of("import pandas as pd", "from sklearn.model_selection import train_test_split"));
        StageFunction logistic = function("train_logistic_regression", Stage.TRAINING, List.of(15),
            "Fit lr (LogisticRegression) on the scaled training split.", "",
            List.of(value("X_train", "pd.DataFrame"), value("X_test", "pd.DataFrame"),
                value("y_train", "pd.Series"), settings(Stage.TRAINING)),
            List.of(new Returned("X_test_s", "np.ndarray"), new Returned("lr", "LogisticRegression")), "", List.of(),
            """
            scaler = StandardScaler()
            X_train_s = scaler.fit_transform(X_train)
            X_test_s = scaler.transform(X_test)
            lr = LogisticRegression(C=params.lr_c, max_iter=params.lr_max_iter)
            lr.fit(X_train_s, y_train)
            """,
            List.of("import numpy as np", "from sklearn.linear_model import LogisticRegression",
                "from sklearn.preprocessing import StandardScaler"));
        StageFunction forest = function("train_random_forest", Stage.TRAINING, List.of(15),
            "Fit rf (RandomForestClassifier).", "",
            List.of(value("X_train", "pd.DataFrame"), value("y_train", "pd.Series"), settings(Stage.TRAINING)),
            List.of(new Returned("rf", "RandomForestClassifier")), "", List.of(),
            """
            # tried max_depth 4 / 8 / None, 6 was best on the test set
            rf = RandomForestClassifier(
                n_estimators=params.rf_n_estimators,
                max_depth=params.rf_max_depth,
                min_samples_leaf=params.rf_min_samples_leaf,
                class_weight='balanced',
                n_jobs=-1,
            )
            rf.fit(X_train, y_train)
            logger.info('RF  train acc %.3f', rf.score(X_train, y_train))
            """,
            List.of("from sklearn.ensemble import RandomForestClassifier"));
        StageFunction evaluate = function("evaluate_models", Stage.EVALUATION, List.of(18, 19),
            "Compute acc, auc and lr_auc on the test split.", "",
            List.of(value("rf", "RandomForestClassifier"), value("lr", "LogisticRegression"),
                value("X_test", "pd.DataFrame"), value("X_test_s", "np.ndarray"), value("y_test", "pd.Series")),
            List.of(new Returned("acc", "float"), new Returned("auc", "float"), new Returned("lr_auc", "float")), "",
            List.of(),
            """
            pred = rf.predict(X_test)
            proba = rf.predict_proba(X_test)[:, 1]
            acc = accuracy_score(y_test, pred)
            auc = roc_auc_score(y_test, proba)
            logger.info("accuracy: %.3f", acc)
            logger.info("roc_auc:  %.3f", auc)
            logger.info("confusion matrix:\\n%s", confusion_matrix(y_test, pred))

            lr_auc = roc_auc_score(y_test, lr.predict_proba(X_test_s)[:, 1])
            """,
            List.of("import numpy as np", "import pandas as pd",
                "from sklearn.ensemble import RandomForestClassifier",
                "from sklearn.linear_model import LogisticRegression",
                "from sklearn.metrics import accuracy_score, roc_auc_score, confusion_matrix"));
        StageFunction importance = function("plot_feature_importance", Stage.REPORTING, List.of(20),
            "Draw the figure 'Random forest - top 10 features' and save it.", "",
            List.of(value("rf", "RandomForestClassifier"), value("X", "pd.DataFrame"), settings(Stage.REPORTING)),
            List.of(new Returned("feature_importance_figure", "str")), "", List.of(),
            """
            imp = pd.Series(rf.feature_importances_, index=X.columns).sort_values()
            fig, ax = plt.subplots(figsize=(6, 4))
            imp.tail(10).plot.barh(ax=ax, color='steelblue')
            ax.set_title('Random forest - top 10 features')
            plt.tight_layout()
            plt.savefig(params.feature_importance_path, dpi=100)
            feature_importance_figure = save_figure(params.figures_dir, "feature_importance")
            """,
            List.of("import matplotlib.pyplot as plt", "import pandas as pd",
                "from sklearn.ensemble import RandomForestClassifier", "from .artifacts import save_figure"));
        StageFunction regions = function("write_churn_by_region", Stage.REPORTING, List.of(22),
            "Compute churn_by_region from df; write churn_by_region.csv.", "",
            List.of(value("df", "pd.DataFrame"), settings(Stage.REPORTING)),
            List.of(new Returned("churn_by_region", "pd.DataFrame")), "", List.of(),
            """
            churn_by_region = (
                df.groupby('region')
                  .agg(customers=('churned', 'size'),
                       churned=('churned', 'sum'),
                       churn_rate=('churned', 'mean'),
                       avg_monthly=('monthly_charges', 'mean'),
                       many_calls=('many_calls', 'sum'))
                  .round(3)
                  .sort_values('churn_rate', ascending=False)
            )
            churn_by_region.to_csv(params.churn_by_region_path)
            """,
            List.of("import pandas as pd"));
        StageFunction send = function("send_results", Stage.REPORTING, List.of(23),
            "Send the scores to api.example-crm.com when send_to_crm is set.", "",
            List.of(value("acc", "float"), value("auc", "float"), value("rf", "RandomForestClassifier"),
                value("X", "pd.DataFrame"), settings(Stage.REPORTING)),
            List.of(), "", List.of(),
            """
            payload = {
                'model': 'rf_v3',
                'accuracy': round(acc, 4),
                'roc_auc': round(auc, 4),
                'high_risk_customers': int((rf.predict_proba(X)[:, 1] > params.min_predict_proba).sum()),
                'report': params.churn_by_region_path,
            }
            logger.info("payload: %s", payload)

            if params.send_to_crm:
                import requests
                resp = requests.post(params.crm_url,
                                     headers={'Authorization': 'Bearer ' + os.environ["API_KEY"]},
                                     json=payload, timeout=10)
                logger.info("CRM answered %s", resp.status_code)
            """,
            List.of("import os", "import pandas as pd", "from sklearn.ensemble import RandomForestClassifier"));
        Helper segmentChurn = new Helper("segment_churn", java.util.Optional.of(Stage.FEATURES), 13, """
            def segment_churn(col: str, *, df: pd.DataFrame) -> pd.Series:
                \"\"\"The churn rate of each group of col relative to the overall churn rate.\"\"\"
                rates = df.groupby(col).churned.mean() / df.churned.mean()
                return rates.sort_values(ascending=False).round(2)
            """, List.of("import pandas as pd"));
        List<CellDecision> cells = List.of(
            kept(1, "setup only: imports, settings and constants moved to the modules and config.yaml"),
            kept(2, "setup only: imports, settings and constants moved to the modules and config.yaml"),
            kept(4, "essential: the results of cells 11, 14, 16 and more depend on it", "load_customers"),
            dropped(5, "exploratory: defines nothing and produces no result (it only shows or prints)"),
            dropped(6, "exploratory: defines nothing and produces no result (it only shows or prints)"),
            kept(8, "essential: the results of cells 11, 14, 16 and more depend on it", "clean_data"),
            kept(9, "essential: the results of cells 11, 14, 16 and more depend on it", "clean_data"),
            kept(10, "essential: produces figure 'Churn rate by region' (drawn)", "plot_churn_rate_by_region"),
            dropped(12, "exploratory: no result depends on it (no kept cell reads high_value from it)"),
            kept(13, "essential: produces segment_churn('plan') (displayed)", "compute_segment_churn_plan",
                "segment_churn"),
            kept(15, "essential: produces lr (fitted LogisticRegression), rf (fitted RandomForestClassifier)",
                "engineer_features", "train_logistic_regression", "train_random_forest"),
            dropped(16, "exploratory: never executed; the noise-feature experiment"),
            kept(18, "essential: produces acc (accuracy_score), auc (roc_auc_score)", "evaluate_models"),
            kept(19, "essential: produces lr_auc (roc_auc_score)", "evaluate_models"),
            kept(20, "essential: produces figure 'Random forest - top 10 features' (drawn)", "plot_feature_importance"),
            kept(22, "essential: produces churn_by_region (displayed)", "write_churn_by_region"),
            kept(23, "essential: sends the scores to the CRM", "send_results"));
        ConfigKey customers = new ConfigKey("ingestion.customers_path", "\"data/customers.csv\"", "str",
            "cell 3, line 2: DATA_PATH (an absolute path, now relative to data_root)", PathRole.INPUT);
        ConfigKey figures = new ConfigKey("figures_dir", "\"figures\"", "str", "where the figures are saved",
            PathRole.OUTPUT);
        List<ConfigKey> featureKeys = List.of(
            new ConfigKey("features.min_support_calls", "4", "int", "cell 16, line 10: df.support_calls >= 4",
                PathRole.NONE),
            new ConfigKey("features.min_last_login_days", "30", "int", "cell 16, line 11: df.last_login_days > 30",
                PathRole.NONE),
            new ConfigKey("features.min_monthly_charges", "70.5", "float", "cell 16, line 12: the premium tier price",
                PathRole.NONE),
            new ConfigKey("features.max_tenure_months", "6", "int", "cell 16, line 15: df.tenure_months <= 6",
                PathRole.NONE),
            new ConfigKey("features.test_size", "0.25", "float", "cell 16, line 40: train_test_split(test_size=...)",
                PathRole.NONE));
        List<ConfigKey> trainingKeys = List.of(
            new ConfigKey("training.lr_c", "0.5", "float", "cell 16, line 47: LogisticRegression(C=0.5)", PathRole.NONE),
            new ConfigKey("training.lr_max_iter", "1000", "int", "cell 16, line 47: LogisticRegression(max_iter=1000)",
                PathRole.NONE),
            new ConfigKey("training.rf_n_estimators", "200", "int", "cell 16, line 54: RandomForestClassifier",
                PathRole.NONE),
            new ConfigKey("training.rf_max_depth", "6", "int", "cell 16, line 55: tried 4 / 8 / None, 6 was best",
                PathRole.NONE),
            new ConfigKey("training.rf_min_samples_leaf", "3", "int", "cell 16, line 56: RandomForestClassifier",
                PathRole.NONE));
        List<ConfigKey> reportingKeys = List.of(figures,
            new ConfigKey("reporting.feature_importance_path", "\"reports/feature_importance.png\"", "str",
                "cell 21, line 7: plt.savefig(...)", PathRole.OUTPUT),
            new ConfigKey("reporting.churn_by_region_path", "\"reports/churn_by_region.csv\"", "str",
                "cell 23, line 11: churn_by_region.to_csv(...)", PathRole.OUTPUT),
            new ConfigKey("reporting.min_predict_proba", "0.5", "float", "cell 24, line 5: high-risk threshold",
                PathRole.NONE),
            new ConfigKey("reporting.send_to_crm", "false", "bool", "cell 3, line 4: flip to push the scores to the CRM",
                PathRole.NONE),
            new ConfigKey("reporting.crm_url", "\"https://api.example-crm.com/v1/churn\"", "str",
                "cell 24, line 12: requests.post(...)", PathRole.NONE));
        ConfigKey models = new ConfigKey("models_dir", "\"models\"", "str", "where the fitted models are saved",
            PathRole.OUTPUT);
        List<ConfigKey> config = new java.util.ArrayList<>(List.of(figures, models, customers));
        config.addAll(featureKeys);
        config.addAll(trainingKeys);
        config.addAll(reportingKeys.subList(1, reportingKeys.size()));
        List<Settings> settings = List.of(
            new Settings(Stage.INGESTION, "IngestionParams", List.of(customers)),
            new Settings(Stage.FEATURES, "FeaturesParams", featureKeys),
            new Settings(Stage.TRAINING, "TrainingParams", trainingKeys),
            new Settings(Stage.REPORTING, "ReportingParams", reportingKeys));
        List<PlanResult> results = List.of(
            new PlanResult("churn_rate_by_region_figure", ResultKind.FIGURE, 10, "plot_churn_rate_by_region", "str",
                "", "figures/churn_rate_by_region.png", "figure 'Churn rate by region' (drawn)"),
            new PlanResult("segment_churn_plan", ResultKind.DISPLAYED, 13, "compute_segment_churn_plan", "pd.Series",
                "", "", "segment_churn('plan') (displayed)"),
            new PlanResult("lr", ResultKind.MODEL, 15, "train_logistic_regression", "LogisticRegression", "lr", "",
                "lr (fitted LogisticRegression)"),
            new PlanResult("lr_file", ResultKind.MODEL_FILE, 15, "", "str", "", "models/lr.joblib", "lr saved"),
            new PlanResult("rf", ResultKind.MODEL, 15, "train_random_forest", "RandomForestClassifier", "rf", "",
                "rf (fitted RandomForestClassifier)"),
            new PlanResult("rf_file", ResultKind.MODEL_FILE, 15, "", "str", "", "models/rf.joblib", "rf saved"),
            new PlanResult("acc", ResultKind.METRIC, 18, "evaluate_models", "float", "acc", "", "acc (accuracy_score)"),
            new PlanResult("auc", ResultKind.METRIC, 18, "evaluate_models", "float", "auc", "", "auc (roc_auc_score)"),
            new PlanResult("lr_auc", ResultKind.METRIC, 19, "evaluate_models", "float", "lr_auc", "",
                "lr_auc (roc_auc_score)"),
            new PlanResult("feature_importance_figure", ResultKind.FIGURE, 20, "plot_feature_importance", "str", "",
                "figures/feature_importance.png", "figure 'Random forest - top 10 features' (drawn)"),
            new PlanResult("feature_importance_path", ResultKind.FILE, 20, "", "str", "",
                "reporting.feature_importance_path", "reports/feature_importance.png (written)"),
            new PlanResult("churn_by_region", ResultKind.DISPLAYED, 22, "write_churn_by_region", "pd.DataFrame",
                "churn_by_region", "", "churn_by_region (displayed)"),
            new PlanResult("churn_by_region_path", ResultKind.FILE, 22, "", "str", "",
                "reporting.churn_by_region_path", "reports/churn_by_region.csv (written)"));
        return new ExtractionPlan(CHURN_NOTEBOOK.toString(), "churn-analysis", "churn_analysis",
            "Customer churn analysis – Q2 2024",
            """
            Why are customers leaving, and which ones are at risk? Data is the CRM export `customers.csv`
            (one row per customer, snapshot taken 2024-06-30).""",
            cells, List.of(segmentChurn),
            List.of(load, clean, plotRegions, segments, features, logistic, forest, evaluate, importance, regions, send),
            config, settings, List.of(new SecretVariable("API_KEY", "Stripe live key", "cell 3, line 3")),
            List.of(new Dependency("matplotlib", "matplotlib", ""), new Dependency("numpy", "numpy", ""),
                new Dependency("pandas", "pandas", ""), new Dependency("requests", "requests", ""),
                new Dependency("scikit-learn", "sklearn", "")),
            results,
            List.of("cell 17 (noise-feature experiment) was dropped as exploratory: rerun it with --keep-exploratory",
                "choose max_depth by cross-validation instead of on the test set (notebook: next steps)",
                "ask billing why some total_charges are blank (notebook: next steps)"));
    }
}
