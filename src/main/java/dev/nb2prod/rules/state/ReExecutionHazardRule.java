package dev.nb2prod.rules.state;

import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.CellNames;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * NB105: a cell that changes a value an earlier cell made, from that value itself: {@code df = df.iloc[1:]},
 * {@code x += 1}, {@code df["a"] = df["a"] * 2}, {@code rows.append(r)}, {@code df.drop(..., inplace=True)}.
 * Running it twice gives a different result (or an error).
 */
final class ReExecutionHazardRule implements Rule {
    /** In-place calls that are not idempotent: running them twice adds twice or fails. */
    private static final Set<String> GROWING = Set.of("append", "extend", "insert", "appendleft", "extendleft",
        "pop", "popleft", "remove", "popitem");
    /** pandas methods that fail or differ when repeated with {@code inplace=True}. */
    private static final Set<String> INPLACE_NOT_IDEMPOTENT = Set.of("drop", "set_index", "reset_index", "pop");

    private static final RuleInfo INFO = new RuleInfo("NB105", "re-execution-hazard", Family.STATE, Severity.WARNING,
        "A cell rebinds or changes in place a value defined by another cell, from that value itself: running the "
            + "cell twice gives a different result (info when the rebinding may be idempotent).",
        """
        Re-running a cell is the most common thing a notebook user does. A cell like
        `df = df[df.x > df.x.mean()]`, `df = df.iloc[1:]`, `total += amount` or `rows.append(row)` silently
        applies its change again, and `df.drop(columns=[...], inplace=True)` fails the second time; the saved
        outputs then describe a state that running the notebook once does not produce. Changes that give the
        same result when repeated (`rename`, `astype`, `pd.to_datetime`, `str.strip`, `replace` of exact values,
        `np.array`, ...) are not reported, nor are row filters whose condition tests each row on its own
        (`df = df[df["amt"] > 0]`, `df[df.state.isin(["CA", "NY"])]`, `df[df.name.notna()]`, `df.query("x > 0")`);
        filters by the frame's own aggregates (`df.x.mean()`, `df.x.quantile(0.99)`), `sample` and positional
        cuts (`df.iloc[1:]`, `df[:-1]`) are. Nor is `del d[k]` or `d.pop(k)` of a key the cell itself sets
        first.

        Warnings are the forms that change the value again by construction: augmented assignment (`x += 1`),
        arithmetic with the value itself (`x = x / 255`), `append`/`extend`/`insert`/`remove`/`pop` and `del` on a
        value from an earlier cell, `drop` (in place, or rebinding without `errors="ignore"`), positional cuts
        (`df.iloc[1:]`, `x[:-1]`), filters by the frame's own aggregates, `merge`/`join`/`concat` of a value with
        or onto itself, reshuffles and random draws (`df.sample(frac=1)`, `shuffle(X, y)`) and one-hot encoding
        again (`pd.get_dummies(df, columns=[...])`, `to_categorical(y)`). Any other rebinding from the value
        itself (`x = f(x)`, `x = x.method(...)`) that the rule cannot prove idempotent is reported as info: re-running
        the cell applies the call again to its own result, which is harmless when the call is idempotent (many
        library calls are) and a hazard when it is not (`np.log(x)`, `x.T`); check which.
        """,
        """
        # cell 1
        df = pd.read_csv("orders.csv")
        # cell 2
        df["amount"] = df["amount"] * 1.2
        """,
        """
        # cell 1
        raw = pd.read_csv("orders.csv")
        # cell 2
        orders = raw.assign(amount=raw["amount"] * 1.2)
        """,
        "`nb2prod extract` makes each step a function of its inputs, which removes the hazard; in the notebook, "
            + "give the new value a new name.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        Set<String> tools = NotebookNames.tools(context.analyzed());
        Map<String, Integer> definingCells = definingCells(context);
        Set<String> labels = labelNames(context);
        Set<String> frames = boundOnlyTo(context, FRAME_MAKERS);
        Set<String> arrays = boundOnlyTo(context, ARRAY_MAKERS);
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            CellNames names = context.analyzed().names(cell.index());
            Set<String> reported = new HashSet<>();
            Set<String> carried = new HashSet<>(); // rebound idempotently from the earlier cell's value: still it
            Set<String> setHere = new HashSet<>(); // d['k'] set by the cell itself: a later del d['k'] is undone
            for (Stmt stmt : NotebookNames.moduleLevelStatements(cell.module())) {
                boolean reportedHere = false;
                for (Hazard h : hazards(stmt, labels, setHere, frames, arrays)) {
                    String n = h.name();
                    boolean fromBefore = names.uses().contains(n)
                        && (!boundBefore(names, n, stmt.span()) || carried.contains(n));
                    boolean definedElsewhere = definingCells.getOrDefault(n, 0) > (names.defines().contains(n) ? 1 : 0);
                    if (fromBefore && definedElsewhere && !tools.contains(n) && reported.add(n)
                        && !reportedHere) {
                        context.report(cell.index(), stmt.span(), h.message(), h.severity());
                        reportedHere = true;
                    }
                }
                track(stmt, carried, labels, setHere);
            }
        }
    }

    /**
     * Names the statement rebinds from their own value without changing it when repeated ({@code df = df[["a"]]}):
     * a later {@code df["a"] = df["a"] / 1e9} in the cell still changes the earlier cell's frame.
     */
    private static void track(Stmt stmt, Set<String> carried, Set<String> labels, Set<String> setHere) {
        if (stmt instanceof Stmt.Assign a) {
            for (Expr target : a.targets()) {
                if (!(target instanceof Expr.Name) && render(target) != null) {
                    setHere.add(render(target));
                }
                if (target instanceof Expr.Name n) {
                    if (reads(a.value(), n.id()) && Idempotence.of(a.value(), n.id(), labels)) {
                        carried.add(n.id());
                    } else {
                        carried.remove(n.id());
                    }
                }
            }
        }
    }

    /** What a statement changes, how the rule says so, and how sure it is (see {@link Construction}). */
    private record Hazard(String name, String message, Severity severity) {
        Hazard(String name, String message) {
            this(name, message, Severity.WARNING);
        }
    }

    /** A rebinding the rule can neither prove idempotent nor a hazard by construction: info. */
    private static final String CHECK = ": re-running this cell applies the call again to its own result; check that "
        + "it gives the same result twice";

    private static List<Hazard> hazards(Stmt stmt, Set<String> labels, Set<String> setHere, Set<String> frames,
        Set<String> arrays) {
        List<Hazard> out = new ArrayList<>();
        switch (stmt) {
            case Stmt.Assign a -> {
                for (Expr target : a.targets()) {
                    if (render(target) != null && Idempotence.of(a.value(), render(target), labels)) {
                        continue; // df = df.rename(...), df['d'] = pd.to_datetime(df['d']): the same when re-run
                    }
                    for (Expr.Name n : targetNames(target)) {
                        if (reads(a.value(), n.id())) {
                            String rebinds = n.id() + " = ... rebinds the " + n.id() + " of an earlier cell from its "
                                + "own value";
                            out.add(Construction.hazard(a.value(), n.id())
                                ? new Hazard(n.id(), rebinds + ": running this cell twice applies the change twice; "
                                    + "give the result a new name")
                                : new Hazard(n.id(), rebinds + CHECK + " or give the result a new name",
                                    Severity.INFO));
                        }
                    }
                    String rendered = render(target);
                    if (!(target instanceof Expr.Name) && rendered != null && containsRendered(a.value(), rendered)) {
                        String overwrites = rendered + " = ... overwrites " + rendered + " from its own value";
                        Hazard h = Construction.hazard(a.value(), rendered)
                            ? new Hazard("", overwrites + ": running this cell twice applies the change twice")
                            : new Hazard("", overwrites + CHECK, Severity.INFO);
                        Dotted.root(target).ifPresent(root -> out.add(new Hazard(root, h.message(), h.severity())));
                    }
                }
            }
            case Stmt.AugAssign a -> {
                Optional<String> root = Dotted.root(a.target());
                String rendered = Optional.ofNullable(render(a.target())).orElse(root.orElse("?") + "[...]");
                root.ifPresent(r -> out.add(new Hazard(r, rendered + " " + a.op() + "= ... changes the " + r
                    + " of an earlier cell: running this cell twice gives a different " + r)));
            }
            case Stmt.Delete d -> {
                for (Expr target : d.targets()) {
                    // deleting items of a NumPy array raises every time and changes nothing
                    boolean array = Dotted.root(target).filter(arrays::contains).isPresent();
                    if (!(target instanceof Expr.Name) && !array && !setHere.contains(String.valueOf(render(target)))) {
                        Dotted.root(target).ifPresent(r -> out.add(new Hazard(r, "del " + Optional.ofNullable(
                            render(target)).orElse(r + "[...]") + " removes part of the " + r + " of an earlier cell: "
                            + "running this cell twice fails")));
                    }
                }
            }
            case Stmt.ExprStmt e when e.value() instanceof Expr.Call call
                && call.func() instanceof Expr.Attribute method -> {
                boolean inplace = call.keyword("inplace") instanceof Expr.BoolLit b && b.value();
                boolean growing = GROWING.contains(method.attr()) && !inplace;
                boolean failing = inplace && INPLACE_NOT_IDEMPOTENT.contains(method.attr())
                    && !(method.attr().equals("reset_index") && call.keyword("drop") instanceof Expr.BoolLit d
                        && d.value());
                boolean undoing = method.attr().equals("pop") && !call.args().isEmpty()
                    && method.value() instanceof Expr.Name r && key(call.args().get(0).value()) != null
                    && setHere.contains(r.id() + "[" + key(call.args().get(0).value()) + "]");
                // DataFrame.append returns a new frame and leaves the frame as it was
                boolean frameAppend = method.attr().equals("append") && method.value() instanceof Expr.Name f
                    && frames.contains(f.id());
                if ((growing || failing) && !undoing && !frameAppend && method.value() instanceof Expr.Name receiver) {
                    String call_ = receiver.id() + "." + method.attr() + "(" + (inplace ? "..., inplace=True" : "...")
                        + ")";
                    out.add(new Hazard(receiver.id(), call_ + " changes the " + receiver.id() + " of an earlier cell "
                        + "in place: running this cell twice " + (growing ? "does it twice" : "fails or differs")));
                }
            }
            default -> { }
        }
        return out;
    }

    private static List<Expr.Name> targetNames(Expr target) {
        List<Expr.Name> names = new ArrayList<>();
        switch (target) {
            case Expr.Name n -> names.add(n);
            case Expr.TupleExpr t -> t.elts().forEach(e -> names.addAll(targetNames(e)));
            case Expr.ListExpr l -> l.elts().forEach(e -> names.addAll(targetNames(e)));
            case Expr.Starred s -> names.addAll(targetNames(s.value()));
            default -> { }
        }
        return names;
    }

    private static boolean reads(Expr value, String name) {
        return NotebookNames.any(value, n -> n instanceof Expr.Name x && x.id().equals(name));
    }

    private static boolean containsRendered(Expr value, String rendered) {
        return NotebookNames.any(value, n -> n instanceof Expr e && rendered.equals(render(e)));
    }

    /** {@code df['a']}, {@code df.a}, {@code d[0]}: a canonical text for simple targets, else null. */
    static String render(Expr e) {
        return switch (e) {
            case Expr.Name n -> n.id();
            case Expr.Attribute a -> {
                String base = render(a.value());
                yield base == null ? null : base + "." + a.attr();
            }
            case Expr.Subscript s -> {
                String base = render(s.value());
                String key = key(s.slice());
                yield base == null || key == null ? null : base + "[" + key + "]";
            }
            default -> null;
        };
    }

    private static String key(Expr e) {
        return switch (e) {
            case Expr.Str str -> "'" + str.value() + "'";
            case Expr.Num num -> num.text();
            case Expr.Name n -> n.id();
            default -> null;
        };
    }

    /**
     * Names the notebook binds only to index labels ({@code active = counts.index[counts >= 250]},
     * {@code keep = df.index}): selecting them with {@code loc} again selects the same rows.
     */
    private static Set<String> labelNames(RuleContext context) {
        Set<String> labels = new HashSet<>();
        Set<String> other = new HashSet<>();
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            Set<String> here = new HashSet<>();
            for (Stmt stmt : NotebookNames.moduleLevelStatements(cell.module())) {
                if (stmt instanceof Stmt.Assign a) {
                    boolean fromLabels = a.targets().size() == 1 && indexLabels(a.value());
                    a.targets().forEach(t -> targetNames(t).forEach(n -> (fromLabels ? here : other).add(n.id())));
                } else if (stmt instanceof Stmt.AugAssign a && a.target() instanceof Expr.Name n) {
                    other.add(n.id());
                }
            }
            labels.addAll(here);
            context.analyzed().names(cell.index()).defines().stream().filter(n -> !here.contains(n))
                .forEach(other::add);
        }
        labels.removeAll(other);
        return labels;
    }

    /** Calls that make a pandas DataFrame. */
    private static final java.util.regex.Pattern FRAME_MAKERS = java.util.regex.Pattern.compile(
        "(pd|pandas)\\.(DataFrame|read_\\w+|concat|merge|pivot_table|crosstab|get_dummies)");
    /** Calls that make a NumPy array. */
    private static final java.util.regex.Pattern ARRAY_MAKERS = java.util.regex.Pattern.compile(
        "(np|numpy)\\.(array|asarray|arange|zeros|ones|empty|full|linspace|eye|random\\.\\w+)");

    /** Names every module-level assignment of the notebook binds to a call the pattern names. */
    private static Set<String> boundOnlyTo(RuleContext context, java.util.regex.Pattern makers) {
        Set<String> only = new HashSet<>();
        Set<String> other = new HashSet<>();
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            Set<String> here = new HashSet<>();
            for (Stmt stmt : NotebookNames.moduleLevelStatements(cell.module())) {
                if (stmt instanceof Stmt.Assign a) {
                    boolean made = a.targets().size() == 1 && a.value() instanceof Expr.Call call
                        && Dotted.name(call.func()).filter(n -> makers.matcher(n).matches()).isPresent();
                    a.targets().forEach(t -> targetNames(t).forEach(n -> (made ? here : other).add(n.id())));
                } else if (stmt instanceof Stmt.AugAssign a && a.target() instanceof Expr.Name n) {
                    other.add(n.id());
                }
            }
            only.addAll(here);
            context.analyzed().names(cell.index()).defines().stream().filter(n -> !here.contains(n))
                .forEach(other::add);
        }
        only.removeAll(other);
        return only;
    }

    private static boolean indexLabels(Expr value) {
        Expr base = value instanceof Expr.Subscript s ? s.value() : value;
        return base instanceof Expr.Attribute a && a.attr().equals("index");
    }

    /** True when the cell binds the name before the statement (then the statement changes the cell's own value). */
    private static boolean boundBefore(CellNames names, String name, Span stmt) {
        Span first = names.firstDefinition().get(name);
        return first != null && first.compareTo(stmt) < 0 && !stmt.contains(first);
    }

    /** For each name, how many parsed cells define it (counted once, not once per cell: notebooks can be large). */
    private static Map<String, Integer> definingCells(RuleContext context) {
        Map<String, Integer> counts = new HashMap<>();
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            context.analyzed().names(cell.index()).defines().forEach(n -> counts.merge(n, 1, Integer::sum));
        }
        return counts;
    }
}
