package dev.nb2prod.extract.plan;

import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.ImportInfo;
import dev.nb2prod.graph.QualifiedNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Infers type hints of module-level names from how they are assigned, in notebook order: {@code pd.read_csv} →
 * {@code pd.DataFrame}, metrics → {@code float}, estimators → their class, the parts of {@code train_test_split}.
 * A hint is only given when the name it starts with is importable (the notebook imports pandas as {@code pd}...).
 */
public final class TypeInference {
    private static final Set<String> FRAME_FUNCTIONS = Set.of("read_csv", "read_excel", "read_parquet",
        "read_json", "read_table", "read_sql", "read_sql_query", "read_feather", "read_pickle", "read_fwf",
        "DataFrame", "get_dummies", "concat", "merge", "pivot_table", "crosstab", "read_stata", "json_normalize");
    private static final Set<String> FRAME_METHODS = Set.of("dropna", "fillna", "copy", "drop", "query", "assign",
        "sort_values", "sort_index", "reset_index", "merge", "rename", "astype", "head", "tail", "sample",
        "drop_duplicates", "set_index", "join", "pivot", "pivot_table", "replace", "agg", "aggregate", "round",
        "select_dtypes", "interpolate", "melt", "transpose", "nlargest", "nsmallest");
    private static final Set<String> METRICS = Set.of("accuracy_score", "roc_auc_score", "f1_score",
        "precision_score", "recall_score", "r2_score", "mean_squared_error", "mean_absolute_error", "log_loss",
        "balanced_accuracy_score", "average_precision_score", "explained_variance_score", "matthews_corrcoef",
        "cohen_kappa_score", "median_absolute_error", "mean_absolute_percentage_error", "brier_score_loss", "score");
    private static final Set<String> ARRAYS = Set.of("predict", "predict_proba", "transform", "fit_transform",
        "decision_function");
    private static final Set<String> MODEL_LIBRARIES = Set.of("sklearn", "xgboost", "lightgbm", "catboost",
        "imblearn", "statsmodels");

    private final QualifiedNames qualified;
    private final String pandas;
    private final String numpy;
    private final Map<String, String> classes = new HashMap<>();
    private final Map<String, String> types = new HashMap<>();

    public TypeInference(QualifiedNames qualified, List<ImportInfo> imports) {
        this.qualified = qualified;
        String pd = null;
        String np = null;
        for (ImportInfo i : imports) {
            if (i.name() == null && "pandas".equals(i.module()) && pd == null) {
                pd = i.boundName();
            }
            if (i.name() == null && "numpy".equals(i.module()) && np == null) {
                np = i.boundName();
            }
            if (i.name() != null && i.module() != null && i.boundName() != null && i.name().equals(i.boundName())
                && MODEL_LIBRARIES.contains(i.module().split("\\.")[0]) && Character.isUpperCase(i.name().charAt(0))) {
                classes.put(i.name(), i.name());
            }
        }
        this.pandas = pd;
        this.numpy = np;
    }

    /** Frames built with two or more header rows ({@code columns=[[...], [...]]}). */
    private final java.util.Set<String> multiLevel = new java.util.HashSet<>();

    /** Learns from the module-level assignments of one cell (call in notebook order). */
    public void learn(Module module) {
        AstWalker.walk(module, n -> !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef)
            && !(n instanceof Expr.Lambda), n -> {
                if (n instanceof Stmt.Assign a) {
                    for (Expr target : a.targets()) {
                        assign(target, a.value());
                    }
                } else if (n instanceof Stmt.AnnAssign a && a.value() != null) {
                    assign(a.target(), a.value());
                }
            });
    }

    private void assign(Expr target, Expr value) {
        if (target instanceof Expr.Name name) {
            if (value instanceof Expr.Call call && multiLevelColumns(call)) {
                multiLevel.add(name.id());
            } else {
                multiLevel.remove(name.id());
            }
            String t = infer(value);
            if (t.isEmpty()) {
                types.remove(name.id());
            } else {
                types.put(name.id(), t);
            }
        } else if (target instanceof Expr.TupleExpr || target instanceof Expr.ListExpr) {
            List<Expr> elts = target instanceof Expr.TupleExpr t ? t.elts() : ((Expr.ListExpr) target).elts();
            if (value instanceof Expr.Call call && Dotted.lastPart(call.func()).equals("train_test_split")) {
                List<Expr> arrays = call.args().stream().filter(a -> a.kind() == dev.nb2prod.python.ast.Arg.Kind.POSITIONAL)
                    .map(dev.nb2prod.python.ast.Arg::value).toList();
                for (int i = 0; i < elts.size(); i++) {
                    if (elts.get(i) instanceof Expr.Name n) {
                        String t = arrays.size() * 2 == elts.size() ? infer(arrays.get(i / 2)) : "";
                        put(n.id(), t);
                    }
                }
            } else if (value instanceof Expr.Call call && datasetArrays(call)) {
                // X, y = load_iris(return_X_y=True) / make_blobs(...): numpy arrays
                for (Expr e : elts) {
                    if (e instanceof Expr.Name n) {
                        put(n.id(), numpy == null ? "" : numpy + ".ndarray");
                    }
                }
            } else if (value instanceof Expr.Call call && qualified.qualify(call.func()).filter(q -> q.equals(
                "numpy.meshgrid")).isPresent() && numpy != null) {
                // xx, yy = np.meshgrid(x, y): one array per input
                elts.stream().filter(e -> e instanceof Expr.Name).forEach(e -> put(((Expr.Name) e).id(), numpy + ".ndarray"));
            } else if (value instanceof Expr.TupleExpr values && values.elts().size() == elts.size()) {
                for (int i = 0; i < elts.size(); i++) {
                    if (elts.get(i) instanceof Expr.Name n) {
                        put(n.id(), infer(values.elts().get(i)));
                    }
                }
            } else {
                for (Expr e : elts) {
                    if (e instanceof Expr.Name n) {
                        types.remove(n.id());
                    }
                }
            }
        }
    }

    private void put(String name, String type) {
        if (type.isEmpty()) {
            types.remove(name);
        } else {
            types.put(name, type);
        }
    }

    /** The hint for a value, or empty. */
    public String infer(Expr value) {
        switch (value) {
            case Expr.Num n -> {
                return n.text().matches("[0-9_]+") ? "int" : n.text().matches("[0-9_.eE+-]+") ? "float" : "";
            }
            case Expr.Str s -> {
                return s.prefix().contains("b") ? "bytes" : "str";
            }
            case Expr.FString f -> {
                return "str";
            }
            case Expr.BoolLit b -> {
                return "bool";
            }
            case Expr.ListExpr l -> {
                return "list";
            }
            case Expr.ListComp l -> {
                return "list";
            }
            case Expr.DictExpr d -> {
                return "dict";
            }
            case Expr.DictComp d -> {
                return "dict";
            }
            case Expr.Name n -> {
                return types.getOrDefault(n.id(), "");
            }
            case Expr.SetExpr e -> {
                return "set";
            }
            case Expr.TupleExpr t -> {
                return "tuple";
            }
            case Expr.Compare c -> {
                // identity and membership give one bool; element-wise comparisons of arrays and Series an array
                if (c.ops().stream().anyMatch(o -> Set.of("is", "is not", "in", "not in").contains(o))) {
                    return "bool";
                }
                String left = infer(c.left());
                return isSeries(left) || isArray(left) ? left : "bool";
            }
            case Expr.UnaryOp u -> {
                String operand = infer(u.operand());
                return u.op().equals("not") ? "bool" : operand;
            }
            case Expr.BinOp b -> {
                return binary(infer(b.left()), infer(b.right()), b.op());
            }
            case Expr.Attribute a -> {
                String receiver = infer(a.value());
                if (isArray(receiver) && Set.of("T", "real", "imag", "flat").contains(a.attr())) {
                    return receiver;
                }
                if (receiver.equals(frame("DataFrame")) && !a.attr().startsWith("_") && !FRAME_ATTRIBUTES.contains(a.attr())
                    && Character.isLowerCase(a.attr().charAt(0)) || Set.of("values").contains(a.attr()) && !receiver.isEmpty()
                    && (isSeries(receiver) || receiver.equals(frame("DataFrame")))) {
                    return a.attr().equals("values") ? (numpy == null ? "" : numpy + ".ndarray") : frame("Series");
                }
                return "";
            }
            case Expr.Subscript s when isArray(infer(s.value())) && !(s.slice() instanceof Expr.Num)
                && !integer(s.slice())
                && !(s.slice() instanceof Expr.TupleExpr index && index.elts().stream().allMatch(TypeInference::integer))
                && !(s.value() instanceof Expr.Subscript inner && (inner.slice() instanceof Expr.Num
                    || inner.slice() instanceof Expr.UnaryOp iu && iu.operand() instanceof Expr.Num)) -> {
                return infer(s.value());
            }
            case Expr.Subscript s -> {
                if (isFrame(s.value())) {
                    if (s.slice() instanceof Expr.Str) {
                        // a top-level column of a frame with two header rows is itself a frame
                        return s.value() instanceof Expr.Name n && multiLevel.contains(n.id()) ? frame("DataFrame")
                            : frame("Series");
                    }
                    if (s.slice() instanceof Expr.ListExpr || s.slice() instanceof Expr.Compare
                        || s.slice() instanceof Expr.BoolOp || s.slice() instanceof Expr.BinOp) {
                        return frame("DataFrame");
                    }
                }
                return "";
            }
            case Expr.Call call -> {
                return call(call);
            }
            default -> {
                return "";
            }
        }
    }

    /** {@code load_iris(return_X_y=True)}, {@code make_blobs(...)}: scikit-learn data sets as arrays. */
    private boolean datasetArrays(Expr.Call call) {
        String last = Dotted.lastPart(call.func());
        String q = qualified.qualify(call.func()).orElse("");
        boolean sklearn = q.startsWith("sklearn.") || q.equals(last);
        return sklearn && (last.startsWith("make_") || (last.startsWith("load_") || last.startsWith("fetch_"))
            && call.keyword("return_X_y") instanceof Expr.BoolLit b && b.value());
    }

    private String call(Expr.Call call) {
        String last = Dotted.lastPart(call.func());
        String q = qualified.qualify(call.func()).orElse("");
        if (q.equals("len") || last.equals("len") && call.func() instanceof Expr.Name) {
            return "int";
        }
        if (call.func() instanceof Expr.Name f && BUILTIN_RESULTS.containsKey(f.id()) && !types.containsKey(f.id())) {
            return BUILTIN_RESULTS.get(f.id());
        }
        if (call.func() instanceof Expr.Attribute a) {
            String receiver = infer(a.value());
            if ((isSeries(receiver) || isArray(receiver)) && SCALAR_REDUCERS.contains(last) && call.args().isEmpty()
                && call.keyword("axis") == null) {
                return "float";
            }
            if (isSeries(receiver) && SERIES_METHODS.contains(last)) {
                return receiver;
            }
        }
        if (q.startsWith("numpy.") && !q.startsWith("numpy.random.") && SCALAR_REDUCERS.contains(last)) {
            return call.keyword("axis") == null ? "float" : numpy == null ? "" : numpy + ".ndarray";
        }
        if (q.startsWith("numpy.random.")) {
            return randomArray(call, last) && numpy != null ? numpy + ".ndarray" : "";
        }
        if (q.startsWith("numpy.") && ARRAY_BUILDERS.contains(last)
            && call.args().stream().noneMatch(a -> a.keyword() != null && a.keyword().startsWith("return_"))
            || q.equals("numpy.where") && call.args().size() == 3) {
            return numpy == null ? "" : numpy + ".ndarray";
        }
        if (q.startsWith("numpy.") && UFUNCS.contains(last) && !call.args().isEmpty()) {
            // np.sqrt(mse) is a float, np.log(series) a Series, np.exp(array) an array
            String argument = infer(call.args().get(0).value());
            return Set.of("int", "float").contains(argument) ? "float" : argument.equals("bool") ? "" : argument;
        }
        if (q.equals("os.path.join") || q.equals("os.path.basename") || q.equals("os.path.dirname")
            || q.equals("os.path.abspath") || q.equals("os.getcwd")) {
            return "str";
        }
        if (q.equals("pandas.date_range")) {
            return frame("DatetimeIndex");
        }
        if (q.equals("seaborn.load_dataset")) {
            return frame("DataFrame");
        }
        if (q.equals("numpy.random.default_rng") || q.equals("numpy.random.RandomState")) {
            return numpy == null ? "" : numpy + ".random." + (last.equals("default_rng") ? "Generator" : "RandomState");
        }
        if (q.equals("copy.deepcopy") || q.equals("copy.copy")) {
            return call.args().isEmpty() ? "" : infer(call.args().get(0).value());
        }
        if (Set.of("cross_val_score", "cross_val_predict", "confusion_matrix").contains(last)) {
            return numpy == null ? "" : numpy + ".ndarray";
        }
        if (last.equals("classification_report")) {
            return "str";
        }
        if (call.func() instanceof Expr.Attribute a) {
            String receiver = infer(a.value());
            if (numpy != null && receiver.equals(numpy + ".ndarray") && Set.of("reshape", "ravel", "flatten", "copy",
                "astype", "T", "transpose", "squeeze", "clip", "round").contains(last)) {
                return receiver;
            }
            if (last.equals("value_counts") || last.equals("unique") && !receiver.isEmpty()) {
                return last.equals("value_counts") ? frame("Series") : numpy == null ? "" : numpy + ".ndarray";
            }
            if (groupedAggregate(a) && isSeries(infer(groupedObject(a)))) {
                return frame("Series"); // a Series grouped and aggregated stays a Series
            }
            if (groupedAggregate(a)) {
                return a.value() instanceof Expr.Subscript s && s.slice() instanceof Expr.Str
                    || a.value() instanceof Expr.Attribute ? frame("Series") : frame("DataFrame");
            }
        }
        if (q.equals("pandas.concat")) {
            // a concat of Series along rows is a Series: a frame only when a piece is known to be one
            Expr pieces = call.args().isEmpty() ? null : call.args().get(0).value();
            List<Expr> elts = pieces instanceof Expr.ListExpr l ? l.elts() : pieces instanceof Expr.TupleExpr t
                ? t.elts() : List.of();
            return elts.stream().anyMatch(e -> infer(e).equals(frame("DataFrame"))) ? frame("DataFrame") : "";
        }
        if (q.startsWith("pandas.") && FRAME_FUNCTIONS.contains(last)) {
            // a frame with two header rows: frame["Ohio"] is a frame, not a Series; its columns are unknown
            return frame("DataFrame");
        }
        if (q.equals("pandas.Series")) {
            return frame("Series");
        }
        if (METRICS.contains(last) && (q.startsWith("sklearn.") || last.equals("score") || q.equals(last))) {
            return "float";
        }
        if (classes.containsKey(last) && call.func() instanceof Expr.Name) {
            return last;
        }
        if (call.func() instanceof Expr.Attribute a) {
            if (ARRAYS.contains(last) && !isFrame(a.value()) && (!last.endsWith("transform")
                || DENSE_TRANSFORMERS.contains(infer(a.value())))) {
                return numpy == null ? "" : numpy + ".ndarray";
            }
            if (FRAME_METHODS.contains(last) && frameChain(a.value())) {
                return frame("DataFrame");
            }
            if (last.equals("copy") && !infer(a.value()).isEmpty()) {
                return infer(a.value());
            }
        }
        return "";
    }

    /** Transformers whose output is a dense array (text vectorizers and one-hot encoders give sparse matrices). */
    private static final Set<String> DENSE_TRANSFORMERS = Set.of("StandardScaler", "MinMaxScaler", "RobustScaler",
        "PCA", "TruncatedSVD", "KernelPCA", "Isomap", "TSNE", "SimpleImputer", "KNNImputer", "PolynomialFeatures",
        "QuantileTransformer", "PowerTransformer", "LinearDiscriminantAnalysis", "FactorAnalysis", "NMF", "FastICA",
        "LocallyLinearEmbedding", "MDS", "SpectralEmbedding", "Binarizer", "KBinsDiscretizer");

    /** {@code 3}, {@code -1}: an integer index. */
    private static boolean integer(Expr e) {
        return e instanceof Expr.Num n && n.text().matches("[0-9_]+")
            || e instanceof Expr.UnaryOp u && u.operand() instanceof Expr.Num n2 && n2.text().matches("[0-9_]+");
    }

    /** NumPy functions that always return an array. */
    private static final Set<String> ARRAY_BUILDERS = Set.of("zeros_like", "ones_like", "full", "full_like", "empty",
        "eye", "identity", "cumsum", "cumprod", "sort", "argsort", "unique", "polyfit", "loadtxt", "genfromtxt",
        "ravel", "partition", "argpartition", "diff", "repeat", "tile", "stack", "column_stack", "dstack", "logspace",
        "geomspace", "outer", "reshape", "roll", "flip", "convolve", "digitize", "bincount", "linspace", "arange",
        "array", "asarray", "zeros", "ones", "concatenate", "vstack", "hstack");
    /** NumPy element-wise functions: the result has the type of the argument. */
    private static final Set<String> UFUNCS = Set.of("sqrt", "exp", "log", "log10", "log2", "log1p", "abs",
        "absolute", "sin", "cos", "tan", "floor", "ceil", "square", "sign", "expm1");
    /** The position of the {@code size} argument of NumPy's random functions. */
    private static final Map<String, Integer> RANDOM_SIZE = Map.ofEntries(Map.entry("normal", 2),
        Map.entry("uniform", 2), Map.entry("randint", 2), Map.entry("binomial", 2), Map.entry("lognormal", 2),
        Map.entry("choice", 1), Map.entry("poisson", 1), Map.entry("exponential", 1), Map.entry("random", 0),
        Map.entry("random_sample", 0), Map.entry("standard_normal", 0), Map.entry("beta", 2), Map.entry("gamma", 2));

    /** {@code np.random.rand(3)}, {@code np.random.normal(0, 1, size=10)}: an array; without a size, a number. */
    private static boolean randomArray(Expr.Call call, String last) {
        long positional = call.args().stream().filter(a -> a.kind() == dev.nb2prod.python.ast.Arg.Kind.POSITIONAL)
            .count();
        if (last.equals("rand") || last.equals("randn")) {
            return positional > 0;
        }
        if (last.equals("permutation")) {
            return true;
        }
        Integer size = RANDOM_SIZE.get(last);
        return size != null && (call.keyword("size") != null || positional > size);
    }

    private static final Map<String, String> BUILTIN_RESULTS = Map.of("list", "list", "dict", "dict", "set", "set",
        "sorted", "list", "str", "str", "int", "int", "float", "float", "bool", "bool", "tuple", "tuple");
    private static final Set<String> SCALAR_REDUCERS = Set.of("mean", "sum", "std", "var", "median", "min", "max",
        "prod");
    private static final Set<String> SERIES_METHODS = Set.of("fillna", "dropna", "astype", "map", "round", "abs",
        "cumsum", "diff", "shift", "copy", "sort_values", "sort_index", "clip", "replace", "rank", "pct_change",
        "where", "mask", "head", "tail", "reset_index");
    /** Attributes of a DataFrame that are no column. */
    private static final Set<String> FRAME_ATTRIBUTES = Set.of("shape", "columns", "index", "dtypes", "values",
        "size", "ndim", "empty", "iloc", "loc", "at", "iat", "plot", "str", "dt", "style", "axes", "attrs", "flags");

    private boolean isSeries(String type) {
        return pandas != null && type.equals(pandas + ".Series");
    }

    private boolean isArray(String type) {
        return numpy != null && type.equals(numpy + ".ndarray");
    }

    /** The type of {@code a op b}: arrays and pandas objects win over numbers; numbers combine as Python's do. */
    private String binary(String left, String right, String op) {
        for (String t : List.of(left, right)) {
            if (t.equals(frame("DataFrame")) && !t.isEmpty()) {
                return t;
            }
        }
        for (String t : List.of(left, right)) {
            if (!t.isEmpty() && (isSeries(t) || isArray(t))) {
                return t;
            }
        }
        if (left.equals("str") && right.equals("str") && op.equals("+")) {
            return "str";
        }
        if (Set.of("int", "float").contains(left) && Set.of("int", "float").contains(right)) {
            return left.equals("float") || right.equals("float") || op.equals("/") ? "float" : "int";
        }
        if (left.equals("list") && right.equals("list") && op.equals("+")) {
            return "list";
        }
        return "";
    }

    /** {@code df.groupby(...)[col].mean()}, {@code df.groupby(...).agg(...)}: an aggregate of a grouping. */
    private static boolean groupedAggregate(Expr.Attribute a) {
        if (!Set.of("mean", "sum", "count", "size", "median", "max", "min", "std", "var", "agg", "aggregate",
            "nunique", "first", "last").contains(a.attr())) {
            return false;
        }
        Expr receiver = a.value();
        if (receiver instanceof Expr.Subscript s) {
            receiver = s.value();
        } else if (receiver instanceof Expr.Attribute inner && !(inner.value() instanceof Expr.Call)) {
            receiver = inner.value();
        }
        if (receiver instanceof Expr.Attribute inner) {
            receiver = inner.value();
        }
        return receiver instanceof Expr.Call c && Dotted.lastPart(c.func()).equals("groupby");
    }

    /** What {@code x.groupby(...)} groups, for an aggregate {@code groupedAggregate} accepts. */
    private static Expr groupedObject(Expr.Attribute a) {
        for (Expr.Call c : AstWalker.find(a, Expr.Call.class)) {
            if (c.func() instanceof Expr.Attribute g && g.attr().equals("groupby")) {
                return g.value();
            }
        }
        return a;
    }

    /** A method chain that starts at a DataFrame and never picks a single column. */
    private boolean frameChain(Expr e) {
        Expr cur = e;
        while (true) {
            switch (cur) {
                case Expr.Call c when c.func() instanceof Expr.Attribute a -> cur = a.value();
                case Expr.Subscript s when !(s.slice() instanceof Expr.Str) && isFrame(s.value()) -> {
                    return true;
                }
                case Expr.Name n -> {
                    return isFrame(n);
                }
                default -> {
                    return false;
                }
            }
        }
    }

    /** {@code pd.DataFrame(..., columns=[[...], [...]])} or {@code columns=pd.MultiIndex...}. */
    private static boolean multiLevelColumns(Expr.Call call) {
        for (var arg : call.args()) {
            if ("columns".equals(arg.keyword())) {
                Expr value = arg.value();
                if (value instanceof Expr.ListExpr list && !list.elts().isEmpty()
                    && list.elts().stream().allMatch(e -> e instanceof Expr.ListExpr || e instanceof Expr.TupleExpr)) {
                    return true;
                }
                if (value instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
                    && a.value() instanceof Expr.Attribute m && m.attr().equals("MultiIndex")) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isFrame(Expr e) {
        return e instanceof Expr.Name n && pandas != null && types.getOrDefault(n.id(), "").equals(pandas + ".DataFrame");
    }

    private String frame(String cls) {
        return pandas == null ? "" : pandas + "." + cls;
    }

    /** The current hint of a name, or empty. */
    public String typeOf(String name) {
        return types.getOrDefault(name, "");
    }

    /** A snapshot of the hints so far. */
    public Map<String, String> snapshot() {
        return Map.copyOf(types);
    }

    public boolean isModelClass(String hint) {
        return classes.containsKey(hint);
    }
}
