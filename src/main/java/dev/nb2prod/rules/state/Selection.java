package dev.nb2prod.rules.state;

import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import java.util.Set;

/**
 * Selections that keep the same rows and columns when applied again to their own result.
 *
 * <p>Row filters whose condition tests each row on its own ({@code df[df.x > 0]}, {@code df.loc[df["state"].isin(
 * ["CA", "NY"])]}, {@code df[df.name.notna() & (df.a != df.b)]}): filtering the result again keeps the same rows,
 * so {@code df = df[df.x > 0]} is idempotent. A condition that reads an aggregate of the frame
 * ({@code df.x.mean()}, {@code df.x.quantile(0.99)}, {@code len(df)}), a position ({@code df.x.iloc[0]}) or a
 * random draw is not: the filtered frame has another mean, another first row, another draw.
 *
 * <p>Column selections by fixed labels ({@code df[["a", "b"]]}, {@code df.loc[:, ["a", "b"]]},
 * {@code df.loc[:, 2:5]}, {@code df.ix[:, ["a", "b"]]}) select the same columns again; positional ones
 * ({@code df.iloc[:, 1:]}, {@code arr[[0, 2]]}) do not. Both at once ({@code df.loc[df.x > 0, ["a", "b"]]}) keep
 * the same rows and columns again, as does {@code df.loc[active]} when the notebook binds {@code active} only to
 * index labels ({@code active = counts.index[counts >= 250]}): a fixed set of labels, unlike a boolean mask
 * computed from the unfiltered frame, which no longer fits the filtered one.
 */
final class Selection {
    /** Methods of a column that give one value per row from that row alone (or, for duplicated, stay true). */
    private static final Set<String> ELEMENTWISE = Set.of("isin", "notna", "notnull", "isna", "isnull", "between",
        "abs", "astype", "round", "contains", "startswith", "endswith", "match", "fullmatch", "isdigit", "isalpha",
        "isnumeric", "isalnum", "isspace", "islower", "isupper", "lower", "upper", "strip", "len", "eq", "ne", "lt",
        "le", "gt", "ge", "duplicated");
    /** Functions of one row-wise argument that stay row-wise. */
    private static final Set<String> ELEMENTWISE_FUNCTIONS = Set.of("np.abs", "numpy.abs", "np.isnan",
        "numpy.isnan", "np.isfinite", "numpy.isfinite", "pd.notna", "pd.notnull", "pd.isna", "pd.isnull",
        "pandas.notna", "pandas.notnull", "pandas.isna", "pandas.isnull");
    /** Attributes of a frame or column that are not a value per row. */
    private static final Set<String> NOT_PER_ROW = Set.of("shape", "size", "T", "empty", "ndim", "columns", "dtypes",
        "dtype", "nbytes", "hasnans", "is_unique", "is_monotonic", "is_monotonic_increasing",
        "is_monotonic_decreasing", "iloc", "iat", "at", "axes", "loc");
    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "//", "%", "**");

    private Selection() {}

    /**
     * The frame filtered when {@code value} is {@code base[condition]} or {@code base.loc[condition]} with a
     * per-row condition on {@code target}, else null.
     */
    static Expr filtered(Expr value, String target, Set<String> labels) {
        if (!(value instanceof Expr.Subscript s)) {
            return null;
        }
        boolean loc = s.value() instanceof Expr.Attribute a && a.attr().equals("loc");
        if (loc && s.slice() instanceof Expr.TupleExpr t && t.elts().size() == 2 && rows(t.elts().get(0), target,
            labels) && fixedColumns(t.elts().get(1), true, target)) {
            return ((Expr.Attribute) s.value()).value(); // df.loc[df.x > 0, ['a', 'b']]
        }
        if (!condition(s.slice(), target) && !(loc && labelsName(s.slice(), target, labels))) {
            return null;
        }
        return loc ? ((Expr.Attribute) s.value()).value() : s.value();
    }

    /** A per-row condition or a name bound only to index labels: the same rows are selected again. */
    private static boolean rows(Expr e, String target, Set<String> labels) {
        return condition(e, target) || labelsName(e, target, labels);
    }

    private static boolean labelsName(Expr e, String target, Set<String> labels) {
        return e instanceof Expr.Name n && !n.id().equals(target) && labels.contains(n.id());
    }

    /**
     * The frame whose columns are selected when {@code value} is {@code base[[labels]]},
     * {@code base.loc[:, [labels]]}, {@code base.loc[:, a:b]} or {@code base.ix[:, [labels]]}, else null.
     */
    static Expr columnsOf(Expr value, String target) {
        if (!(value instanceof Expr.Subscript s)) {
            return null;
        }
        if (s.slice() instanceof Expr.ListExpr names && !names.elts().isEmpty()
            && names.elts().stream().allMatch(e -> e instanceof Expr.Str)) { // x[[0, 2]] of an array is positional
            return s.value() instanceof Expr.Attribute a && NOT_PER_ROW.contains(a.attr()) ? null : s.value();
        }
        if (s.value() instanceof Expr.Attribute indexer && (indexer.attr().equals("loc") || indexer.attr().equals("ix"))
            && s.slice() instanceof Expr.TupleExpr t && t.elts().size() == 2
            && t.elts().get(0) instanceof Expr.Slice all && all.lower() == null && all.upper() == null
            && all.step() == null) {
            return fixedColumns(t.elts().get(1), indexer.attr().equals("loc"), target) ? indexer.value() : null;
        }
        return null;
    }

    /** Columns named by fixed labels ({@code ['a', 'b']}; with {@code loc} also numbers, names and label ranges). */
    private static boolean fixedColumns(Expr columns, boolean loc, String target) {
        return columns instanceof Expr.ListExpr l && labels(l, target)
            && (loc || l.elts().stream().allMatch(e -> e instanceof Expr.Str))
            || loc && columns instanceof Expr.Slice range && range.step() == null
                && (range.lower() == null || range.lower() instanceof Expr.Constant)
                && (range.upper() == null || range.upper() instanceof Expr.Constant);
    }

    private static boolean labels(Expr.ListExpr list, String target) {
        return !list.elts().isEmpty() && list.elts().stream().allMatch(e -> e instanceof Expr.Str
            || e instanceof Expr.Num || e instanceof Expr.Name n && !n.id().equals(target));
    }

    /** A boolean per row: comparisons, {@code & | ~} of them, or an element-wise test such as {@code isin}. */
    private static boolean condition(Expr e, String target) {
        return switch (e) {
            case Expr.Compare c -> {
                boolean perRow = perRow(c.left(), target) || c.comparators().stream().anyMatch(x -> perRow(x, target));
                yield perRow && operand(c.left(), target) && c.comparators().stream().allMatch(x -> operand(x, target));
            }
            case Expr.BinOp b when b.op().equals("&") || b.op().equals("|") ->
                condition(b.left(), target) && condition(b.right(), target);
            case Expr.UnaryOp u when u.op().equals("~") -> condition(u.operand(), target);
            case Expr.Call call -> perRow(call, target) && !(call.func() instanceof Expr.Attribute a
                && Set.of("abs", "astype", "round", "lower", "upper", "strip", "len").contains(a.attr()));
            default -> false;
        };
    }

    private static boolean operand(Expr e, String target) {
        return perRow(e, target) || constant(e, target);
    }

    /** One value per row of the target, computed from that row alone. */
    private static boolean perRow(Expr e, String target) {
        if (target.equals(ReExecutionHazardRule.render(e))) {
            return true;
        }
        return switch (e) {
            case Expr.Attribute a -> !NOT_PER_ROW.contains(a.attr()) && perRow(a.value(), target);
            case Expr.Subscript s -> perRow(s.value(), target) && !(s.value() instanceof Expr.Attribute a
                && (a.attr().equals("str") || a.attr().equals("dt")))
                && (s.slice() instanceof Expr.Str || s.slice() instanceof Expr.Name k && !k.id().equals(target));
            case Expr.Call call when call.func() instanceof Expr.Attribute m && ELEMENTWISE.contains(m.attr()) ->
                perRow(m.value(), target) && call.args().stream().allMatch(a -> constant(a.value(), target));
            case Expr.Call call when ELEMENTWISE_FUNCTIONS.contains(Dotted.name(call.func()).orElse("")) ->
                call.args().size() == 1 && call.args().get(0).kind() == Arg.Kind.POSITIONAL
                    && perRow(call.args().get(0).value(), target);
            case Expr.BinOp b when ARITHMETIC.contains(b.op()) -> operand(b.left(), target)
                && operand(b.right(), target) && (perRow(b.left(), target) || perRow(b.right(), target));
            case Expr.UnaryOp u when u.op().equals("-") -> perRow(u.operand(), target);
            default -> false;
        };
    }

    /** The same value on every run: literals, other names, calls that neither read the target nor draw at random. */
    private static boolean constant(Expr e, String target) {
        if (NotebookNames.any(e, n -> n instanceof Expr x && target.equals(ReExecutionHazardRule.render(x)))) {
            return false;
        }
        return switch (e) {
            case Expr.Constant c -> !(c instanceof Expr.FString f) || f.values().stream().allMatch(v -> constant(v,
                target));
            case Expr.Name n -> true;
            case Expr.Attribute a -> constant(a.value(), target);
            case Expr.UnaryOp u -> constant(u.operand(), target);
            case Expr.BinOp b -> constant(b.left(), target) && constant(b.right(), target);
            case Expr.ListExpr l -> l.elts().stream().allMatch(x -> constant(x, target));
            case Expr.TupleExpr t -> t.elts().stream().allMatch(x -> constant(x, target));
            case Expr.SetExpr s -> s.elts().stream().allMatch(x -> constant(x, target));
            case Expr.Subscript s -> constant(s.value(), target) && constant(s.slice(), target);
            case Expr.Call call -> !Dotted.name(call.func()).orElse("?").toLowerCase().contains("rand")
                && constant(call.func(), target) && call.args().stream().allMatch(a -> constant(a.value(), target));
            default -> false;
        };
    }
}
