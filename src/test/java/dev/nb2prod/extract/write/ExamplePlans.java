package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.CellDecision;
import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.PathRole;
import dev.nb2prod.extract.ExtractionPlan.Dependency;
import dev.nb2prod.extract.ExtractionPlan.Parameter;
import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.ExtractionPlan.SecretVariable;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.extract.Stage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Hand-made extraction plans, written the way the planner should plan the bundled examples. */
public final class ExamplePlans {
    public static final Path CHURN_NOTEBOOK = Path.of("examples/churn_analysis.ipynb");

    private ExamplePlans() {}

    private static Parameter value(String name, String type) {
        return new Parameter(name, type, "");
    }

    private static Parameter config(String name, String type, String key) {
        return new Parameter(name, type, key);
    }

    private static CellDecision kept(int cell, String function, String reason) {
        return new CellDecision(cell, true, reason, Optional.of(function));
    }

    private static CellDecision dropped(int cell, String reason) {
        return new CellDecision(cell, false, reason, Optional.empty());
    }

    /** examples/churn_analysis.ipynb: six functions, one per stage. */
    public static ExtractionPlan churn() {
        StageFunction load = new StageFunction("load_data", Stage.INGESTION, List.of(4), "Load data",
            List.of(config("customers_file", "str", "customers_file")),
            List.of(new Returned("df", "pd.DataFrame")), List.of(),
            """
            df = pd.read_csv(customers_file)
            logger.info("loaded %d rows from %s", len(df), customers_file)
            """,
            List.of("import os", "import pandas as pd"));
        StageFunction clean = new StageFunction("clean_data", Stage.PREPROCESSING, List.of(8, 9),
            "Accounts with tenure_months == 0 signed up this month and have no bill yet, drop them",
            List.of(value("df", "pd.DataFrame")),
            List.of(new Returned("df", "pd.DataFrame")), List.of("df"),
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
                pass

            df.drop('customer_id', axis=1, inplace=True)
            """,
            List.of("import pandas as pd"));
        StageFunction features = new StageFunction("build_features", Stage.FEATURES, List.of(15),
            "Feature engineering",
            List.of(value("df", "pd.DataFrame"), config("min_monthly_charges", "float", "min_monthly_charges"),
                config("test_size", "float", "test_size"), config("random_seed", "int", "random_seed")),
            List.of(new Returned("df", "pd.DataFrame"), new Returned("X", "pd.DataFrame"),
                new Returned("X_train", "pd.DataFrame"), new Returned("X_test", "pd.DataFrame"),
                new Returned("y_train", "pd.Series"), new Returned("y_test", "pd.Series")),
            List.of("df"),
            """
            df['tenure_years'] = df.tenure_months / 12
            df['avg_monthly_billed'] = df.total_charges / df.tenure_months
            df['billing_gap'] = df.monthly_charges - df.avg_monthly_billed
            df['many_calls'] = (df.support_calls >= 4).astype(int)
            df['inactive'] = (df.last_login_days > 30).astype(int)
            df['high_value'] = (df.monthly_charges > min_monthly_charges).astype(int)
            df['calls_per_year'] = df.support_calls / (df.tenure_years + 0.5)
            df['days_since_signup'] = (pd.Timestamp('2024-06-30') - df.signup_date).dt.days
            df['new_customer'] = (df.tenure_months <= 6).astype(int)

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
                # 'tenure_years',  # collinear with tenure_months
            ]
            X = pd.get_dummies(df[feature_cols + ['region', 'plan']], columns=['region', 'plan'], drop_first=True)
            y = df['churned']
            logger.info('%s churn rate %.3f', X.shape, y.mean())

            X_train, X_test, y_train, y_test = train_test_split(
                X, y, test_size=test_size, stratify=y, random_state=random_seed)
            """,
            List.of("import pandas as pd", "from sklearn.model_selection import train_test_split",
                "from sklearn.preprocessing import StandardScaler"));
        StageFunction train = new StageFunction("train_models", Stage.TRAINING, List.of(15), "Random forest",
            List.of(value("X_train", "pd.DataFrame"), value("y_train", "pd.Series"),
                config("n_estimators", "int", "model.n_estimators"), config("max_depth", "int", "model.max_depth"),
                config("random_seed", "int", "random_seed")),
            List.of(new Returned("model", "RandomForestClassifier")), List.of(),
            """
            # tried max_depth 4 / 8 / None, 6 was best on the test set
            model = RandomForestClassifier(
                n_estimators=n_estimators,
                max_depth=max_depth,
                min_samples_leaf=3,
                class_weight='balanced',
                n_jobs=-1,
                random_state=random_seed,
            )
            model.fit(X_train, y_train)
            logger.info('RF  train acc %.3f', model.score(X_train, y_train))
            """,
            List.of("from sklearn.ensemble import RandomForestClassifier"));
        StageFunction evaluate = new StageFunction("evaluate", Stage.EVALUATION, List.of(18), "Evaluate",
            List.of(value("model", "RandomForestClassifier"), value("X_test", "pd.DataFrame"),
                value("y_test", "pd.Series")),
            List.of(new Returned("accuracy", "float"), new Returned("roc_auc", "float")), List.of(),
            """
            pred = model.predict(X_test)
            proba = model.predict_proba(X_test)[:, 1]
            accuracy = accuracy_score(y_test, pred)
            roc_auc = roc_auc_score(y_test, proba)
            logger.info(f"accuracy: {accuracy:.3f}")
            logger.info(f"roc_auc:  {roc_auc:.3f}")
            logger.info("confusion matrix:\\n%s", confusion_matrix(y_test, pred))
            """,
            List.of("from sklearn.metrics import accuracy_score, roc_auc_score, classification_report, "
                + "confusion_matrix", "from sklearn.ensemble import RandomForestClassifier"));
        StageFunction report = new StageFunction("write_reports", Stage.REPORTING, List.of(20, 22, 23), "Report",
            List.of(value("df", "pd.DataFrame"), value("X", "pd.DataFrame"),
                value("model", "RandomForestClassifier"), value("accuracy", "float"), value("roc_auc", "float"),
                config("reports_dir", "str", "reports_dir"), config("send_to_crm", "bool", "send_to_crm"),
                config("crm_url", "str", "crm_url")),
            List.of(new Returned("importance_plot", "str"), new Returned("region_report", "str")), List.of(),
            """
            os.makedirs(reports_dir, exist_ok=True)
            imp = pd.Series(model.feature_importances_, index=X.columns).sort_values()
            fig, ax = plt.subplots(figsize=(6, 4))
            imp.tail(10).plot.barh(ax=ax, color='steelblue')
            ax.set_title('Random forest - top 10 features')
            plt.tight_layout()
            importance_plot = os.path.join(reports_dir, 'feature_importance.png')
            plt.savefig(importance_plot, dpi=100)
            plt.close(fig)

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
            region_report = os.path.join(reports_dir, 'churn_by_region.csv')
            churn_by_region.to_csv(region_report)

            payload = {
                'model': 'rf_v3',
                'accuracy': round(accuracy, 4),
                'roc_auc': round(roc_auc, 4),
                'high_risk_customers': int((model.predict_proba(X)[:, 1] > 0.5).sum()),
                'report': region_report,
            }
            logger.info("payload: %s", payload)

            if send_to_crm:
                import requests
                resp = requests.post(crm_url,
                                     headers={'Authorization': 'Bearer ' + os.environ["API_KEY"]},
                                     json=payload, timeout=10)
                logger.info("CRM answered %s", resp.status_code)
            """,
            List.of("import os", "import matplotlib.pyplot as plt", "import pandas as pd",
                "from sklearn.ensemble import RandomForestClassifier"));
        List<CellDecision> cells = List.of(
            kept(1, "load_data", "imports: moved to the modules that use them"),
            kept(2, "load_data", "configuration: values moved to config.yaml, API_KEY to the environment"),
            kept(4, "load_data", "reads the data"),
            dropped(5, "display only: df.head()"),
            dropped(6, "display only: df.describe()"),
            kept(8, "clean_data", "cleaning"),
            kept(9, "clean_data", "cleaning"),
            dropped(10, "exploratory: a plot nothing depends on"),
            dropped(12, "exploratory: nothing essential depends on it"),
            dropped(13, "exploratory: nothing essential depends on it"),
            kept(15, "build_features", "features and model"),
            dropped(16, "exploratory: never executed, nothing depends on it"),
            kept(18, "evaluate", "metrics"),
            dropped(19, "exploratory: the baseline model is not kept"),
            kept(20, "write_reports", "writes a figure"),
            kept(22, "write_reports", "writes a table"),
            kept(23, "write_reports", "sends the scores"));
        List<ConfigKey> config = List.of(
            new ConfigKey("customers_file", "\"data/customers.csv\"", "str",
                "cell 2, line 2: DATA_PATH (an absolute path, now relative to data_root)", PathRole.INPUT),
            new ConfigKey("min_monthly_charges", "70.5", "float",
                "cell 12, line 2: \"high value\" = above the premium tier price", PathRole.NONE),
            new ConfigKey("test_size", "0.25", "float", "cell 15, line 40: train_test_split(test_size=...)", PathRole.NONE),
            new ConfigKey("model.n_estimators", "200", "int", "cell 15, line 55: RandomForestClassifier", PathRole.NONE),
            new ConfigKey("model.max_depth", "6", "int", "cell 15, line 56: tried 4 / 8 / None, 6 was best", PathRole.NONE),
            new ConfigKey("random_seed", "42", "int", "cell 1, line 10: np.random.seed(42)", PathRole.NONE),
            new ConfigKey("reports_dir", "reports", "str", "cell 20, line 1: os.makedirs('reports')", PathRole.OUTPUT),
            new ConfigKey("send_to_crm", "false", "bool", "cell 2, line 4: flip to push the scores to the CRM", PathRole.NONE),
            new ConfigKey("crm_url", "\"https://api.example-crm.com/v1/churn\"", "str",
                "cell 23, line 12: requests.post(...)", PathRole.NONE));
        return new ExtractionPlan(CHURN_NOTEBOOK.toString(), "churn-analysis", "churn_analysis",
            "Customer churn analysis – Q2 2024",
            """
            Why are customers leaving, and which ones are at risk? Data is the CRM export `customers.csv`
            (one row per customer, snapshot taken 2024-06-30).""",
            cells, List.of(load, clean, features, train, evaluate, report), config,
            List.of(new SecretVariable("API_KEY", "Stripe live key", "cell 2, line 3")),
            List.of(new Dependency("pandas", "pandas", ""), new Dependency("scikit-learn", "sklearn", ""),
                new Dependency("matplotlib", "matplotlib", ""), new Dependency("requests", "requests", "")),
            List.of("model", "accuracy", "roc_auc", "importance_plot", "region_report"),
            List.of("cell 16 (noise-feature experiment) was dropped as exploratory: rerun it with --keep-exploratory",
                "the logistic-regression baseline (cells 15 and 19) was dropped: keep it if you still compare",
                "choose max_depth by cross-validation instead of on the test set (notebook: next steps)",
                "ask billing why some total_charges are blank (notebook: next steps)"));
    }
}
