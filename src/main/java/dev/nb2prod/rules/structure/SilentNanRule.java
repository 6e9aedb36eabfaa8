package dev.nb2prod.rules.structure;

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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * NB603: data silently turned into or dropped as missing values: {@code errors='coerce'} conversions, and
 * whole-frame {@code fillna}/{@code dropna} whose result is kept.
 */
final class SilentNanRule implements Rule {
    private static final Set<String> CONVERSIONS = Set.of("to_numeric", "to_datetime", "to_timedelta");
    private static final Set<String> DROPNA_SCOPE = Set.of("subset", "axis", "how", "thresh");
    private static final RuleInfo INFO = new RuleInfo("NB603", "silent-nan", Family.STRUCTURE, Severity.INFO,
        "Values are silently coerced to NaN, filled or dropped without a trace.",
        """
        `pd.to_numeric(..., errors='coerce')` turns every unparseable value into NaN, `df.dropna()` drops every
        row with any missing value and `df.fillna(0)` fills every column alike. On today's data the loss may be
        nothing; on tomorrow's it may be half the rows, and nobody notices. Count and log what is lost, or
        limit the operation to the columns that need it. A drop or fill right after the frame's missing values
        are counted or shown (`df.isna().sum()`, `df.info()` earlier in the cell or in the cell above) is not
        silent and is not reported.
        """,
        """
        df["price"] = pd.to_numeric(df["price"], errors="coerce")
        df = df.dropna()
        """,
        """
        price = pd.to_numeric(df["price"], errors="coerce")
        log.info("unparseable prices: %d", price.isna().sum() - df["price"].isna().sum())
        df["price"] = price
        before = len(df)
        df = df.dropna(subset=["price"])
        log.info("dropped %d rows without a price", before - len(df))
        """,
        "`nb2prod extract` keeps the call as written: add the count of lost or filled values yourself.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Calls that count or show a frame's missing values: a later dropna/fillna of it is not silent. */
    private static final Set<String> COUNTING = Set.of("isna", "isnull", "notna", "notnull", "info", "count");

    @Override
    public void check(RuleContext context) {
        List<Expr.Call> previous = List.of();
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            Set<Expr.Call> reported = new LinkedHashSet<>();
            List<Expr.Call> calls = AstWalker.find(cell.module(), Expr.Call.class);
            List<Expr.Call> before = previous;
            AstWalker.walk(cell.module(), n -> {
                if (n instanceof Expr.Call call && isCoerce(call) && reported.add(call)) {
                    context.report(cell.index(), call.span(), Dotted.describe(call.func())
                        + "(..., errors='coerce') turns unparseable values into NaN silently: count and log them");
                }
                for (Expr.Call call : keptCalls(n)) {
                    String message = frameWideMessage(call);
                    // print(df.isna().sum()) in this cell before it or in the cell above: the loss is shown
                    boolean counted = call.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Name frame
                        && (before.stream().anyMatch(c -> counts(c, frame.id())) || calls.stream().anyMatch(c ->
                            c.span().compareTo(call.span()) < 0 && counts(c, frame.id())));
                    if (message != null && !counted && reported.add(call)) {
                        context.report(cell.index(), call.span(), message);
                    }
                }
            });
            previous = calls;
        }
    }

    private static boolean counts(Expr.Call call, String frame) {
        return call.func() instanceof Expr.Attribute a && COUNTING.contains(a.attr())
            && a.value() instanceof Expr.Name n && n.id().equals(frame);
    }

    private static boolean isCoerce(Expr.Call call) {
        return CONVERSIONS.contains(Dotted.lastPart(call.func()))
            && call.keyword("errors") instanceof Expr.Str s && s.value().equals("coerce");
    }

    /**
     * The calls whose result a statement keeps: those on the call chain of an assigned value
     * ({@code df = df.dropna().reset_index()}) and {@code inplace=True} calls of an expression statement.
     */
    private static List<Expr.Call> keptCalls(Object node) {
        List<Expr.Call> calls = new ArrayList<>();
        switch (node) {
            case Stmt.Assign a -> chain(a.value(), calls);
            case Stmt.AnnAssign a when a.value() != null -> chain(a.value(), calls);
            case Stmt.ExprStmt e when e.value() instanceof Expr.Call call
                && call.keyword("inplace") instanceof Expr.BoolLit b && b.value() -> calls.add(call);
            default -> { }
        }
        return calls;
    }

    private static void chain(Expr value, List<Expr.Call> calls) {
        Expr e = value;
        while (true) {
            switch (e) {
                case Expr.Call c -> {
                    calls.add(c);
                    e = c.func();
                }
                case Expr.Attribute a -> e = a.value();
                case Expr.Subscript s -> e = s.value();
                default -> {
                    return;
                }
            }
        }
    }

    /** A {@code fillna}/{@code dropna} on a whole frame (a plain name), or null. */
    private static String frameWideMessage(Expr.Call call) {
        if (!(call.func() instanceof Expr.Attribute attribute) || !(attribute.value() instanceof Expr.Name receiver)) {
            return null;
        }
        if (call.args().stream().anyMatch(a -> a.kind() == Arg.Kind.DOUBLE_STAR)) {
            return null;
        }
        String name = receiver.id();
        if (attribute.attr().equals("dropna")) {
            boolean scoped = call.args().stream().anyMatch(a -> a.kind() == Arg.Kind.POSITIONAL
                || (a.kind() == Arg.Kind.KEYWORD && DROPNA_SCOPE.contains(a.keyword())));
            return scoped ? null : name + ".dropna() drops every row with any missing value silently: log how many "
                + "rows are lost, or pass subset=";
        }
        if (attribute.attr().equals("fillna")) {
            Expr value = call.args().isEmpty() ? null
                : call.args().get(0).kind() == Arg.Kind.POSITIONAL ? call.args().get(0).value() : call.keyword("value");
            if (value instanceof Expr.DictExpr || call.keyword("subset") != null || call.keyword("limit") != null) {
                return null;
            }
            return name + ".fillna(...) fills the missing values of every column alike, silently: fill the columns "
                + "that need it and log how many values were filled";
        }
        return null;
    }
}
