package dev.nb2prod.extract.plan;

import dev.nb2prod.graph.QualifiedNames;
import dev.nb2prod.graph.Result;
import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Readable names for results that have none in the notebook: a displayed expression is named from what it
 * computes ({@code df.groupby('month')['share'].mean()} → {@code share_by_month}, {@code segment_churn('plan')} →
 * {@code segment_churn_plan}, {@code df['x'].value_counts()} → {@code x_counts}), else from its section heading; a
 * figure from its title, else its heading.
 */
public final class ResultNames {
    private static final int MAX_WORDS = 5;
    private static final Set<String> AGGREGATES = Set.of("mean", "sum", "count", "size", "median", "max", "min",
        "std", "var", "agg", "aggregate", "nunique", "first", "last", "prod", "quantile", "describe", "idxmax",
        "idxmin", "cumsum", "apply", "transform");
    private static final Set<String> CHAIN_NOISE = Set.of("sort_values", "sort_index", "round", "reset_index",
        "to_frame", "unstack", "stack", "copy", "dropna", "fillna", "astype", "rename", "T", "loc", "iloc", "values",
        "tolist", "to_numpy", "to_list", "abs");

    private ResultNames() {}

    /** The name of a displayed expression: from what it computes, else empty. */
    public static String ofExpression(Expr expression, QualifiedNames names) {
        List<String> words = words(strip(expression), names);
        return words.isEmpty() ? "" : join(words);
    }

    /** The name of a figure: its title's words, else empty. */
    public static String ofFigure(Result.Figure figure) {
        return String.join("_", Identifiers.words(figure.title()).stream().limit(MAX_WORDS).toList());
    }

    /** The words of a heading as a name, else empty. */
    public static String ofHeading(String heading) {
        return heading == null ? "" : Identifiers.snake(heading, 4);
    }

    private static String join(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            for (String part : Identifiers.words(w)) {
                if (out.size() < MAX_WORDS && (out.isEmpty() || !out.get(out.size() - 1).equals(part))) {
                    out.add(part);
                }
            }
        }
        return String.join("_", out);
    }

    /** Drops calls that only reorder or tidy a value: {@code .sort_values()}, {@code .round(2)}. */
    private static Expr strip(Expr e) {
        Expr current = e;
        while (true) {
            if (current instanceof Expr.Call c && c.func() instanceof Expr.Attribute a && CHAIN_NOISE.contains(a.attr())) {
                current = a.value();
            } else if (current instanceof Expr.Attribute a && CHAIN_NOISE.contains(a.attr())) {
                current = a.value();
            } else {
                return current;
            }
        }
    }

    private static List<String> words(Expr e, QualifiedNames names) {
        return switch (e) {
            case Expr.Name n -> List.of(n.id());
            case Expr.Attribute a -> concat(rootWords(a.value()), a.attr().replaceAll("_+$", ""));
            case Expr.Subscript s when s.slice() instanceof Expr.Str key -> concat(rootWords(s.value()), key.value());
            case Expr.Subscript s when s.slice() instanceof Expr.ListExpr -> rootWords(s.value());
            case Expr.Call c -> call(c, names);
            default -> List.of();
        };
    }

    private static List<String> call(Expr.Call c, QualifiedNames names) {
        String function = Dotted.lastPart(c.func());
        if (function.isEmpty()) {
            return List.of();
        }
        if (c.func() instanceof Expr.Attribute a) {
            Optional<String> groupKey = groupKey(a.value());
            if (groupKey.isPresent() && AGGREGATES.contains(function)) {
                String column = selectedColumn(a.value()).orElse(function.equals("size") ? "count" : function);
                return List.of(column, "by", groupKey.get());
            }
            if (function.equals("value_counts")) {
                List<String> subject = rootWords(a.value());
                return subject.isEmpty() ? List.of("counts") : concat(subject.subList(subject.size() - 1,
                    subject.size()), "counts");
            }
            boolean module = Dotted.name(a.value()).map(d -> names.isImported(d.split("\\.")[0])
                || Set.of("pd", "np", "plt", "sns", "math", "stats", "scipy").contains(d.split("\\.")[0])).orElse(false);
            if (!module) {
                return concat(rootWords(a.value()), function);
            }
        }
        List<String> out = new ArrayList<>(List.of(function));
        for (Arg arg : c.args()) {
            if (arg.kind() == Arg.Kind.POSITIONAL && out.size() < 3) {
                if (arg.value() instanceof Expr.Str s && s.value().length() <= 20) {
                    out.add(s.value());
                } else if (arg.value() instanceof Expr.Name n) {
                    out.add(n.id());
                }
            }
        }
        return out;
    }

    /** The key of a {@code .groupby('key')} in a call chain, if any. */
    private static Optional<String> groupKey(Expr e) {
        Expr current = e;
        while (current != null) {
            switch (current) {
                case Expr.Call c when c.func() instanceof Expr.Attribute a && a.attr().equals("groupby") -> {
                    if (!c.args().isEmpty() && c.args().get(0).value() instanceof Expr.Str s) {
                        return Optional.of(s.value());
                    }
                    if (!c.args().isEmpty() && c.args().get(0).value() instanceof Expr.ListExpr l && !l.elts().isEmpty()
                        && l.elts().stream().allMatch(x -> x instanceof Expr.Str)) {
                        return Optional.of(String.join("_", l.elts().stream().map(x -> ((Expr.Str) x).value()).toList()));
                    }
                    return Optional.empty();
                }
                case Expr.Call c -> current = c.func() instanceof Expr.Attribute a ? a.value() : null;
                case Expr.Attribute a -> current = a.value();
                case Expr.Subscript s -> current = s.value();
                default -> current = null;
            }
        }
        return Optional.empty();
    }

    /** The column selected after a groupby: {@code ['share']} or {@code .share}. */
    private static Optional<String> selectedColumn(Expr e) {
        return switch (e) {
            case Expr.Subscript s when s.slice() instanceof Expr.Str key -> Optional.of(key.value());
            case Expr.Attribute a when !a.attr().equals("groupby") -> Optional.of(a.attr());
            default -> Optional.empty();
        };
    }

    /** The name a chain starts from: {@code df} for {@code df[...].x}, the column for {@code df['col']}. */
    private static List<String> rootWords(Expr e) {
        return switch (e) {
            case Expr.Name n -> List.of(n.id());
            case Expr.Subscript s when s.slice() instanceof Expr.Str key -> List.of(key.value());
            case Expr.Attribute a when !(a.value() instanceof Expr.Call) -> concat(rootWords(a.value()), a.attr());
            case Expr.Call c when c.func() instanceof Expr.Attribute a -> rootWords(a.value());
            case Expr.Subscript s -> rootWords(s.value());
            default -> List.of();
        };
    }

    private static List<String> concat(List<String> head, String last) {
        List<String> out = new ArrayList<>(head);
        out.add(last);
        return out;
    }
}
