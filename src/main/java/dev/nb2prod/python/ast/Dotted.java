package dev.nb2prod.python.ast;

import java.util.Optional;

/** Dotted names of expressions: {@code pd.read_csv}, {@code self.model.fit}, {@code df["a"].fillna}. */
public final class Dotted {
    private Dotted() {}

    /**
     * The dotted name of a name or attribute chain ({@code np.random.seed}); empty when the chain does not
     * start at a plain name (e.g. {@code df["a"].fillna} or {@code f().x}).
     */
    public static Optional<String> name(Expr expr) {
        return switch (expr) {
            case Expr.Name n -> Optional.of(n.id());
            case Expr.Attribute a -> name(a.value()).map(base -> base + "." + a.attr());
            default -> Optional.empty();
        };
    }

    /** The last part of a call's callee: {@code read_csv} for {@code pd.read_csv(...)}, or empty. */
    public static String lastPart(Expr callee) {
        return switch (callee) {
            case Expr.Name n -> n.id();
            case Expr.Attribute a -> a.attr();
            default -> "";
        };
    }

    /** The name at the root of an attribute/subscript/call chain ({@code df} for {@code df["a"].x()}), or empty. */
    public static Optional<String> root(Expr expr) {
        return switch (expr) {
            case Expr.Name n -> Optional.of(n.id());
            case Expr.Attribute a -> root(a.value());
            case Expr.Subscript s -> root(s.value());
            case Expr.Call c -> root(c.func());
            default -> Optional.empty();
        };
    }

    /** A readable rendering of a callee for messages: the dotted name, or {@code ….attr} for complex receivers. */
    public static String describe(Expr callee) {
        return name(callee).orElseGet(() -> {
            String last = lastPart(callee);
            return last.isEmpty() ? "<call>" : "…." + last;
        });
    }
}
