package dev.nb2prod.rules.structure;

import dev.nb2prod.graph.RandomCalls;
import dev.nb2prod.graph.QualifiedNames;
import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * NB604: random draws and randomised scikit-learn objects whose results change on every run: global numpy /
 * {@code random} draws when nothing seeds the generator earlier, unseeded explicit generators, and
 * estimators, splitters and {@code DataFrame.sample} without {@code random_state}.
 */
final class UnseededRandomnessRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo("NB604", "unseeded-randomness", Family.STRUCTURE,
        Severity.WARNING,
        "A random draw, a randomised estimator or splitter, or `DataFrame.sample` runs without a seed.",
        """
        Unseeded randomness makes every run give different splits, models and metrics: a regression can not be
        told from noise and a reported score can not be reproduced. Global numpy and `random` draws count only
        when no earlier cell seeds the generator (see NB605 for why that is fragile too); scikit-learn objects
        count when `random_state` is missing or `None` and no earlier cell seeds numpy. `random_state=42` or
        `random_state=SEED` is fine.
        """,
        """
        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
        model = RandomForestClassifier(n_estimators=200)
        """,
        """
        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
        model = RandomForestClassifier(n_estimators=200, random_state=SEED)
        """,
        "When the notebook does not seed numpy globally, `nb2prod extract` adds `random_state=random_seed` to the "
            + "scikit-learn calls and a `random_seed` key to the configuration; other draws are left to you.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        QualifiedNames names = QualifiedNames.of(context.analyzed());
        List<Seeds.Seed> seeds = Seeds.seeds(context, names);
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            Set<Expr.Call> kept = keptCalls(cell);
            Set<Expr.Call> numpySeeded = callerSeeded(context, cell, seeds, RandomCalls.Generator.NUMPY);
            Set<Expr.Call> pythonSeeded = callerSeeded(context, cell, seeds, RandomCalls.Generator.PYTHON);
            Map<String, Expr.Call> firstByCallee = new LinkedHashMap<>();
            Map<String, String> messages = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Expr.Call call : AstWalker.find(cell.module(), Expr.Call.class)) {
                String message = message(call, names, seeds, cell.index(), kept);
                boolean python = message != null && message.contains("Python's");
                if (message != null && !(python ? pythonSeeded : numpySeeded).contains(call)) {
                    String key = Dotted.describe(call.func());
                    firstByCallee.putIfAbsent(key, call);
                    messages.putIfAbsent(key, message);
                    counts.merge(key, 1, Integer::sum);
                }
            }
            firstByCallee.forEach((key, call) -> {
                int more = counts.get(key) - 1;
                context.report(cell.index(), call.span(), messages.get(key)
                    + (more > 0 ? " (" + more + " more in this cell)" : ""));
            });
        }
    }

    private static String message(Expr.Call call, QualifiedNames names, List<Seeds.Seed> seeds, int cell,
                                  Set<Expr.Call> kept) {
        Optional<String> qualified = names.qualify(call.func());
        String callee = Dotted.describe(call.func());
        String last = Dotted.lastPart(call.func());
        if (qualified.isPresent()) {
            String q = qualified.get();
            if (q.startsWith("numpy.random.") && q.indexOf('.', "numpy.random.".length()) < 0) {
                if ((last.equals("default_rng") || last.equals("RandomState")) && unseededConstructor(call)) {
                    return callee + "() creates a generator without a seed: results change on every run; pass a seed";
                }
                if (RandomCalls.NUMPY_DRAWS.contains(last)
                    && !Seeds.seededBefore(seeds, RandomCalls.Generator.NUMPY, cell, call.span())) {
                    return callee + "() draws from numpy's unseeded global generator: results change on every run; "
                        + "use rng = np.random.default_rng(SEED)";
                }
                return null;
            }
            if (q.equals("random." + last) && RandomCalls.PYTHON_DRAWS.contains(last)) {
                if (!Seeds.seededBefore(seeds, RandomCalls.Generator.PYTHON, cell, call.span())) {
                    return callee + "() draws from Python's unseeded global generator: results change on every run; "
                        + "use rng = random.Random(SEED)";
                }
                return null;
            }
            if (isScikitLearn(q, last) && RandomCalls.isRandomised(call) && lacksRandomState(call)
                && !Seeds.seededBefore(seeds, RandomCalls.Generator.NUMPY, cell, call.span())) {
                return callee + "(" + (call.keyword("random_state") == null ? "" : "random_state=None")
                    + ") without a random_state: each run gives a different " + outcome(last) + "; pass random_state=SEED";
            }
        }
        if (isFrameSample(call, names) && kept.contains(call) && lacksRandomState(call)
            && !Seeds.seededBefore(seeds, RandomCalls.Generator.NUMPY, cell, call.span())) {
            return callee + "(...) without a random_state: each run keeps different rows; pass random_state=SEED";
        }
        return null;
    }

    /**
     * Calls inside a function of this cell that the notebook calls only after seeding the generator
     * ({@code def make_data(): np.random.seed(1); y = noisy(x)} seeds the draws of {@code noisy}). A function
     * nobody calls keeps its findings.
     */
    private static Set<Expr.Call> callerSeeded(RuleContext context, RuleContext.ParsedCodeCell cell,
                                               List<Seeds.Seed> seeds, RandomCalls.Generator generator) {
        Set<Expr.Call> seeded = new HashSet<>();
        for (Stmt stmt : cell.module().body()) {
            if (!(stmt instanceof Stmt.FunctionDef function)) {
                continue;
            }
            boolean called = false;
            boolean allSeeded = true;
            for (RuleContext.ParsedCodeCell other : context.parsedCells()) {
                for (Expr.Call call : AstWalker.find(other.module(), Expr.Call.class)) {
                    if (call.func() instanceof Expr.Name n && n.id().equals(function.name())
                        && !(other.index() == cell.index() && function.span().contains(call.span()))) {
                        called = true;
                        allSeeded &= Seeds.seededBefore(seeds, generator, other.index(), call.span());
                    }
                }
            }
            if (called && allSeeded) {
                seeded.addAll(AstWalker.find(function, Expr.Call.class));
            }
        }
        return seeded;
    }

    private static boolean isScikitLearn(String qualified, String last) {
        boolean known = RandomCalls.RANDOMISED.contains(last) || RandomCalls.SHUFFLE_SPLITTERS.contains(last);
        return known && (qualified.equals(last) || qualified.startsWith("sklearn.") || qualified.startsWith("imblearn."));
    }

    private static boolean lacksRandomState(Expr.Call call) {
        if (call.args().stream().anyMatch(a -> a.kind() == Arg.Kind.DOUBLE_STAR)) {
            return false;
        }
        Expr state = call.keyword("random_state");
        return state == null || state instanceof Expr.NoneLit;
    }

    private static boolean unseededConstructor(Expr.Call call) {
        return call.args().isEmpty()
            || (call.args().size() == 1 && call.args().get(0).value() instanceof Expr.NoneLit);
    }

    private static String outcome(String last) {
        if (last.equals("train_test_split") || last.endsWith("Split") || last.endsWith("KFold")) {
            return "split";
        }
        if (last.startsWith("make_")) {
            return "data set";
        }
        if (last.equals("TSNE")) {
            return "embedding";
        }
        if (last.contains("Means") || last.contains("Mixture") || last.equals("LatentDirichletAllocation")) {
            return "clustering";
        }
        if (last.contains("Sampler") || last.equals("SMOTE")) {
            return "resampling";
        }
        if (last.equals("RandomizedSearchCV")) {
            return "search";
        }
        return "model";
    }

    /** {@code df.sample(n)} / {@code df.sample(frac=...)} on a variable (not a module's {@code sample}). */
    private static boolean isFrameSample(Expr.Call call, QualifiedNames names) {
        if (!(call.func() instanceof Expr.Attribute a) || !a.attr().equals("sample")) {
            return false;
        }
        Optional<String> root = Dotted.root(a.value());
        if (root.isPresent() && names.isImported(root.get())) {
            return false;
        }
        if (call.keyword("frac") != null || call.keyword("n") != null) {
            return true;
        }
        return call.args().size() == 1 && call.args().get(0).kind() == Arg.Kind.POSITIONAL
            && call.args().get(0).value() instanceof Expr.Num;
    }

    /** Calls on the call chain of an assigned value: their results are kept. */
    private static Set<Expr.Call> keptCalls(RuleContext.ParsedCodeCell cell) {
        Set<Expr.Call> kept = new HashSet<>();
        AstWalker.walk(cell.module(), n -> {
            Expr value = switch (n) {
                case Stmt.Assign a -> a.value();
                case Stmt.AnnAssign a -> a.value();
                case Stmt.AugAssign a -> a.value();
                case Stmt.Return r -> r.value();
                default -> null;
            };
            Expr e = value;
            while (e != null) {
                switch (e) {
                    case Expr.Call c -> {
                        kept.add(c);
                        e = c.func();
                    }
                    case Expr.Attribute at -> e = at.value();
                    case Expr.Subscript s -> e = s.value();
                    default -> e = null;
                }
            }
        });
        return kept;
    }
}
