package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.Stage;
import dev.nb2prod.graph.CellNode;
import dev.nb2prod.graph.ModelClasses;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Stmt;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Classifies a cell into a pipeline stage from what its code does, with its markdown heading as a strong hint. */
public final class StageClassifier {
    private StageClassifier() {}

    private static final Set<String> INGESTION = Set.of("read_csv", "read_excel", "read_parquet", "read_json",
        "read_table", "read_sql", "read_sql_query", "read_sql_table", "read_feather", "read_pickle", "read_hdf",
        "read_fwf", "read_html", "read_stata", "read_sas", "loadtxt", "genfromtxt", "load_dataset", "urlopen",
        "load_workbook", "imread", "read_file", "fetch_openml", "load_iris", "load_boston", "load_digits",
        "load_wine", "load_breast_cancer", "load_diabetes", "fetch_california_housing", "read_gbq");
    /** Calls that clean data (general reshaping such as sort_values or merge says nothing about the stage). */
    private static final Set<String> PREPROCESSING = Set.of("dropna", "fillna", "astype", "drop_duplicates",
        "to_numeric", "to_datetime", "drop", "interpolate", "clip", "duplicated", "strip", "lower", "replace");
    private static final Set<String> FEATURES = Set.of("get_dummies", "fit_transform", "LabelEncoder",
        "OneHotEncoder", "OrdinalEncoder", "StandardScaler", "MinMaxScaler", "RobustScaler", "PolynomialFeatures",
        "CountVectorizer", "TfidfVectorizer", "train_test_split", "cut", "qcut", "SimpleImputer", "PCA",
        "ColumnTransformer", "make_column_transformer", "KFold", "StratifiedKFold", "SMOTE");
    private static final Set<String> TRAINING = Set.of("fit", "fit_generator", "train", "GridSearchCV",
        "RandomizedSearchCV", "partial_fit");
    private static final Set<String> EVALUATION = Set.of("predict", "predict_proba", "score", "confusion_matrix",
        "classification_report", "cross_val_score", "cross_validate", "roc_curve", "precision_recall_curve",
        "mean_squared_error", "mean_absolute_error", "log_loss", "evaluate", "decision_function");
    private static final Set<String> REPORTING = Set.of("savefig", "to_csv", "to_excel", "to_parquet", "to_json",
        "to_pickle", "to_sql", "to_html", "write_image", "write_html", "dump", "post", "plot", "bar", "barh", "hist",
        "scatter", "heatmap", "countplot", "barplot", "boxplot", "lineplot", "subplots", "figure", "pairplot",
        "imshow", "pie", "distplot", "histplot", "title", "xlabel", "ylabel");

    /** The stage hinted at by a heading's words, if any. */
    public static Optional<Stage> hint(String heading) {
        if (heading == null) {
            return Optional.empty();
        }
        Stage found = null;
        for (String w : Identifiers.words(heading)) {
            Stage s = wordStage(w);
            if (s != null) {
                found = s;
                break;
            }
        }
        return Optional.ofNullable(found);
    }

    private static Stage wordStage(String w) {
        if (w.startsWith("load") || w.startsWith("read") || w.startsWith("ingest") || w.equals("import")
            || w.equals("imports") || w.startsWith("fetch") || w.startsWith("download") || w.equals("dataset")) {
            return Stage.INGESTION;
        }
        if (w.startsWith("clean") || w.startsWith("preprocess") || w.startsWith("prepar") || w.startsWith("wrangl")
            || w.startsWith("tidy") || w.equals("missing") || w.startsWith("filter") || w.startsWith("transform")) {
            return Stage.PREPROCESSING;
        }
        if (w.startsWith("feature") || w.startsWith("encod") || w.startsWith("engineer") || w.equals("split")
            || w.startsWith("scal")) {
            return Stage.FEATURES;
        }
        if (w.equals("model") || w.equals("models") || w.equals("modelling") || w.equals("modeling")
            || w.startsWith("train") || w.equals("fit") || w.startsWith("classif") || w.startsWith("regress")) {
            return Stage.TRAINING;
        }
        if (w.startsWith("evaluat") || w.startsWith("metric") || w.equals("score") || w.equals("scores")
            || w.startsWith("perform") || w.equals("validation") || w.equals("test") || w.equals("testing")
            || w.equals("results") || w.startsWith("predict")) {
            return Stage.EVALUATION;
        }
        if (w.startsWith("report") || w.startsWith("plot") || w.startsWith("visuali") || w.equals("chart")
            || w.startsWith("export") || w.equals("save") || w.equals("output") || w.equals("summary")
            || w.equals("dashboard")) {
            return Stage.REPORTING;
        }
        return null;
    }

    /** The stages the code shows signs of. */
    public static EnumSet<Stage> signals(Module module, CellNode node) {
        EnumSet<Stage> out = EnumSet.noneOf(Stage.class);
        if (node != null && !node.inputs().isEmpty()) {
            out.add(Stage.INGESTION);
        }
        if (node != null && !node.outputs().isEmpty()) {
            out.add(Stage.REPORTING);
        }
        codeSignals(module, out);
        return out;
    }

    /**
     * The stages some top-level statements show signs of: {@code reads} and {@code writes} say whether they read
     * or write external data (from the cell graph). Logging calls show nothing; constructing a model is training.
     */
    public static EnumSet<Stage> signals(List<Stmt> statements, boolean reads, boolean writes) {
        EnumSet<Stage> out = EnumSet.noneOf(Stage.class);
        if (reads) {
            out.add(Stage.INGESTION);
        }
        if (writes) {
            out.add(Stage.REPORTING);
        }
        for (Stmt s : statements) {
            if (s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Call call
                && Dotted.root(call.func()).orElse("").matches("logger|logging|log|print")) {
                continue;
            }
            if (s instanceof Stmt.Assign a && constructsModel(a.value())) {
                out.add(Stage.TRAINING);
            }
            codeSignals(s, out);
        }
        return out;
    }

    /** A boolean mask selecting rows: {@code df[df.amount > 0]}, {@code df[(a) & (b)]}. */
    private static boolean rowFilter(Expr slice) {
        return slice instanceof Expr.Compare || slice instanceof Expr.BoolOp
            || slice instanceof Expr.BinOp b && (b.op().equals("&") || b.op().equals("|"))
            || slice instanceof Expr.UnaryOp u && u.op().equals("~");
    }

    private static boolean constructsModel(Expr value) {
        return value instanceof Expr.Call call && ModelClasses.isModel(Dotted.lastPart(call.func()))
            && !FEATURES.contains(Dotted.lastPart(call.func()));
    }

    private static void codeSignals(dev.nb2prod.python.ast.Node code, EnumSet<Stage> out) {
        AstWalker.walk(code, n -> {
            if (n instanceof Expr.Call call) {
                String last = Dotted.lastPart(call.func());
                String root = Dotted.root(call.func()).orElse("");
                if (INGESTION.contains(last)) {
                    out.add(Stage.INGESTION);
                } else if (TRAINING.contains(last)) {
                    out.add(Stage.TRAINING);
                } else if (EVALUATION.contains(last) || last.endsWith("_score") || last.endsWith("_error")) {
                    out.add(Stage.EVALUATION);
                } else if (FEATURES.contains(last) || last.equals("transform")) {
                    out.add(Stage.FEATURES);
                } else if (REPORTING.contains(last) || root.equals("plt") || root.equals("sns")) {
                    out.add(Stage.REPORTING);
                } else if (PREPROCESSING.contains(last)) {
                    out.add(Stage.PREPROCESSING);
                }
            } else if (n instanceof Stmt.Assign a) {
                for (Expr t : a.targets()) {
                    if (t instanceof Expr.Subscript s && s.slice() instanceof Expr.Str) {
                        out.add(Stage.FEATURES);
                    }
                    if (t instanceof Expr.Name name && a.value() instanceof Expr.Subscript s
                        && (Dotted.root(s.value()).map(name.id()::equals).orElse(false) || rowFilter(s.slice()))) {
                        out.add(Stage.PREPROCESSING);
                    }
                }
            }
        });
    }

    /**
     * The stage of a cell: the heading's stage when the code agrees or shows nothing, else the latest stage the
     * code shows (reporting only when nothing else shows and the cell feeds no later cell). Empty when neither
     * says anything.
     */
    public static Optional<Stage> classify(EnumSet<Stage> signals, Optional<Stage> hint, boolean feedsLater) {
        if (hint.isPresent() && (signals.contains(hint.get()) || signals.isEmpty())) {
            return hint;
        }
        if (signals.isEmpty()) {
            return Optional.empty();
        }
        EnumSet<Stage> candidates = EnumSet.copyOf(signals);
        if (feedsLater && candidates.size() > 1) {
            candidates.remove(Stage.REPORTING);
        }
        List<Stage> list = List.copyOf(candidates);
        return Optional.of(list.get(list.size() - 1));
    }
}
