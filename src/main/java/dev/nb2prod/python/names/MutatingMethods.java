package dev.nb2prod.python.names;

import dev.nb2prod.python.ast.Expr;
import java.util.Set;

/**
 * Heuristic list of calls that change an object in place without rebinding it. Static analysis cannot know
 * the receiver's type, so this is a guess from method names, kept exactly to the project's contract (and its
 * CPython conformance oracle):
 * <ul>
 *   <li>{@code recv.m(...)} with {@code m} in {@link #RECEIVER_MUTATORS} mutates {@code recv}, whatever
 *       {@code recv} is ({@code np.append(a, 1)} therefore "mutates" {@code np});</li>
 *   <li>{@code recv.m(..., inplace=True)} (the literal {@code True}) mutates {@code recv} whatever {@code m} is,
 *       which covers pandas' {@code set_index}, {@code drop}, {@code rename}, {@code fillna},
 *       {@code reset_index} ...; without {@code inplace=True} those return a new object.</li>
 * </ul>
 * The mutated name is the root of the receiver's attribute/subscript chain ({@code df['a'].fillna(...)} gives
 * {@code df}); a call inside the chain breaks it.
 */
public final class MutatingMethods {

    /** list, dict and set methods that change the receiver, and estimator fitting. */
    public static final Set<String> RECEIVER_MUTATORS = Set.of(
            "append", "extend", "insert", "update", "pop", "remove", "clear", "sort", "setdefault", "add",
            "discard", "popitem", "reverse", "fit", "partial_fit");

    private MutatingMethods() {
    }

    /** The receiver a call mutates in place, or null. */
    public static Expr mutatedBy(Expr.Call call) {
        if (call.func() instanceof Expr.Attribute a
                && (RECEIVER_MUTATORS.contains(a.attr()) || isTrue(call.keyword("inplace")))) {
            return a.value();
        }
        return null;
    }

    private static boolean isTrue(Expr e) {
        return e instanceof Expr.BoolLit b && b.value();
    }
}
