package dev.nb2prod.graph;

import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import java.util.Map;
import java.util.Set;

/**
 * The one list of calls that draw random numbers or seed a generator, shared by the rules (unseeded randomness,
 * global seeding) and the extractor (which adds {@code random_state} and keeps the cells that draw from a seeded
 * global generator in order).
 */
public final class RandomCalls {
    private RandomCalls() {}

    /** The global generators a seeding call seeds. */
    public enum Generator { NUMPY, PYTHON, OTHER }

    /** Global seeding calls (qualified) and the generator they seed. */
    public static final Map<String, Generator> SEEDS = Map.of(
        "numpy.random.seed", Generator.NUMPY,
        "random.seed", Generator.PYTHON,
        "tensorflow.random.set_seed", Generator.OTHER,
        "tensorflow.set_random_seed", Generator.OTHER,
        "tensorflow.compat.v1.set_random_seed", Generator.OTHER,
        "torch.manual_seed", Generator.OTHER,
        "torch.cuda.manual_seed", Generator.OTHER,
        "torch.cuda.manual_seed_all", Generator.OTHER);

    /** Helpers that seed every library at once ({@code seed_everything(42)}), by their last name. */
    public static final Set<String> SEED_ALL = Set.of("seed_everything", "set_seed", "set_seeds", "set_random_seed",
        "seed_all", "fix_seed", "fix_seeds", "set_all_seeds", "reset_seeds", "reset_random_seeds");

    /** Functions of {@code numpy.random} that draw from numpy's global generator. */
    public static final Set<String> NUMPY_DRAWS = Set.of("rand", "randn", "randint", "random", "random_sample",
        "random_integers", "ranf", "sample", "choice", "shuffle", "permutation", "normal", "uniform", "binomial",
        "poisson", "exponential", "beta", "gamma", "multivariate_normal", "standard_normal", "lognormal",
        "laplace", "logistic", "geometric", "multinomial", "dirichlet", "chisquare", "triangular", "bytes",
        "standard_t", "standard_cauchy", "standard_exponential", "weibull", "pareto", "rayleigh", "vonmises",
        "hypergeometric", "negative_binomial", "f", "gumbel", "power", "zipf", "wald");

    /** Functions of {@code random} that draw from Python's global generator. */
    public static final Set<String> PYTHON_DRAWS = Set.of("random", "randint", "randrange", "choice", "choices",
        "shuffle", "sample", "uniform", "gauss", "normalvariate", "triangular", "betavariate", "expovariate",
        "gammavariate", "lognormvariate", "vonmisesvariate", "paretovariate", "weibullvariate", "getrandbits");

    /**
     * Randomised scikit-learn and imbalanced-learn callables whose result depends on {@code random_state} (left
     * out: estimators that are deterministic by default, such as LogisticRegression with its default solver, and
     * XGBoost and LightGBM, which seed themselves).
     */
    public static final Set<String> RANDOMISED = Set.of("train_test_split", "ShuffleSplit",
        "StratifiedShuffleSplit", "GroupShuffleSplit", "RepeatedKFold", "RepeatedStratifiedKFold",
        "RandomForestClassifier", "RandomForestRegressor", "ExtraTreesClassifier", "ExtraTreesRegressor",
        "GradientBoostingClassifier", "GradientBoostingRegressor", "HistGradientBoostingClassifier",
        "HistGradientBoostingRegressor", "DecisionTreeClassifier", "DecisionTreeRegressor", "ExtraTreeClassifier",
        "ExtraTreeRegressor", "KMeans", "MiniBatchKMeans", "TSNE", "MLPClassifier", "MLPRegressor", "SGDClassifier",
        "SGDRegressor", "RandomizedSearchCV", "IsolationForest", "BaggingClassifier", "BaggingRegressor",
        "AdaBoostClassifier", "AdaBoostRegressor", "RandomTreesEmbedding", "GaussianMixture",
        "BayesianGaussianMixture", "LatentDirichletAllocation", "make_classification", "make_regression",
        "make_blobs", "make_moons", "make_circles", "SMOTE", "RandomOverSampler", "RandomUnderSampler");

    /** Splitters that are only random with {@code shuffle=True}. */
    public static final Set<String> SHUFFLE_SPLITTERS = Set.of("KFold", "StratifiedKFold");

    /**
     * True for a call of {@link #RANDOMISED} (or a shuffling splitter) that draws at random: {@code shuffle=False}
     * makes {@code train_test_split} deterministic, and the splitters are random only with {@code shuffle=True}.
     */
    public static boolean isRandomised(Expr.Call call) {
        String last = Dotted.lastPart(call.func());
        Expr shuffle = call.keyword("shuffle");
        if (SHUFFLE_SPLITTERS.contains(last)) {
            return shuffle instanceof Expr.BoolLit b && b.value();
        }
        if (last.equals("train_test_split") && shuffle instanceof Expr.BoolLit b && !b.value()) {
            return false;
        }
        return RANDOMISED.contains(last);
    }

    /** True when the call passes {@code random_state} (or may, through {@code *args} / {@code **kwargs}). */
    public static boolean hasRandomState(Expr.Call call) {
        return call.keyword("random_state") != null
            || call.args().stream().anyMatch(a -> a.kind() == Arg.Kind.DOUBLE_STAR || a.kind() == Arg.Kind.STAR);
    }

    /** True for a draw from numpy's or Python's global generator ({@code np.random.rand}, {@code random.choice}). */
    public static boolean drawsFromGlobalGenerator(Expr.Call call, QualifiedNames names) {
        String q = names.qualify(call.func()).orElse("");
        String last = Dotted.lastPart(call.func());
        if (q.startsWith("numpy.random.") && q.indexOf('.', "numpy.random.".length()) < 0) {
            return NUMPY_DRAWS.contains(last);
        }
        return q.equals("random." + last) && PYTHON_DRAWS.contains(last);
    }
}
