package dev.nb2prod.python.names;

import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.Expr;
import java.util.Set;

/**
 * Heuristic list of calls that change an object in place without rebinding it. Static analysis cannot know
 * the receiver's type, so this is a best guess from method names:
 * <ul>
 *   <li>{@code recv.m(...)} with {@code m} in {@link #RECEIVER_MUTATORS} (list/dict/set/deque/ndarray methods and
 *       estimator {@code fit}-like methods) mutates {@code recv};</li>
 *   <li>{@code recv.m(..., inplace=True)} mutates {@code recv} whatever {@code m} is (pandas);</li>
 *   <li>{@code f(x, ...)} with {@code f}'s last name in {@link #FIRST_ARGUMENT_MUTATORS} mutates {@code x}
 *       ({@code random.shuffle(x)}, {@code heapq.heappush(h, v)}, {@code setattr(o, ...)});</li>
 *   <li>calls on a well-known module alias ({@link #MODULE_ALIASES}, e.g. {@code np.append(a, b)}) are not
 *       mutations of the module.</li>
 * </ul>
 * pandas methods such as {@code set_index}, {@code drop}, {@code rename}, {@code fillna}, {@code reset_index} only
 * count with {@code inplace=True}.
 */
public final class MutatingMethods {

    public static final Set<String> RECEIVER_MUTATORS = Set.of(
            // list, dict, set, deque, bytearray
            "append", "extend", "insert", "update", "pop", "remove", "clear", "sort", "setdefault", "add",
            "discard", "popitem", "reverse", "appendleft", "extendleft", "popleft", "rotate",
            "intersection_update", "difference_update", "symmetric_difference_update",
            // numpy arrays in place
            "fill", "resize", "itemset", "put",
            // estimators and models
            "fit", "partial_fit", "fit_transform", "fit_predict", "fit_resample", "compile");

    public static final Set<String> FIRST_ARGUMENT_MUTATORS = Set.of(
            "shuffle", "heappush", "heappop", "heapify", "heappushpop", "heapreplace", "setattr", "delattr");

    /** Conventional names of imported modules: {@code np.append(a, b)} does not mutate {@code np}. */
    public static final Set<String> MODULE_ALIASES = Set.of(
            "np", "numpy", "pd", "pandas", "os", "sys", "re", "math", "random", "json", "plt", "matplotlib", "mpl",
            "sns", "seaborn", "tf", "torch", "scipy", "sp", "sklearn", "pickle", "copy", "itertools",
            "functools", "collections", "heapq", "bisect", "shutil", "glob", "time", "datetime", "string",
            "operator", "statistics", "csv", "io", "pathlib", "warnings", "logging", "keras", "xgb", "lgb",
            "cv2", "nltk", "spacy", "requests", "urllib", "subprocess", "stats", "sm", "smf", "px", "go", "dd");

    private MutatingMethods() {
    }

    /** The expression a call mutates in place (its receiver or first argument), or null. */
    public static Expr mutatedBy(Expr.Call call) {
        Expr func = call.func();
        if (func instanceof Expr.Attribute a) {
            if (RECEIVER_MUTATORS.contains(a.attr()) || isTrue(call.keyword("inplace"))) {
                return a.value();
            }
            if (FIRST_ARGUMENT_MUTATORS.contains(a.attr())) {
                return firstPositional(call);
            }
        } else if (func instanceof Expr.Name n && FIRST_ARGUMENT_MUTATORS.contains(n.id())) {
            return firstPositional(call);
        }
        return null;
    }

    private static Expr firstPositional(Expr.Call call) {
        for (Arg a : call.args()) {
            if (a.kind() == Arg.Kind.POSITIONAL) {
                return a.value();
            }
        }
        return null;
    }

    private static boolean isTrue(Expr e) {
        return e instanceof Expr.BoolLit b && b.value();
    }
}
