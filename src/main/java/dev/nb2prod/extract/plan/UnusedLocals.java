package dev.nb2prod.extract.plan;

import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Comprehension;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Node;
import dev.nb2prod.python.ast.Param;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.ast.WithItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names a function body binds with a plain assignment and never reads (what pyflakes reports as "assigned to but
 * never used" once the body is inside a function).
 */
public final class UnusedLocals {
    private UnusedLocals() {}

    /**
     * One assignment to an unused name.
     *
     * @param name the name
     * @param statement the assignment, or null for a name bound by unpacking a literal or by {@code with}
     * @param topLevel true when it is a statement of the body itself (not inside a block)
     * @param figure true when the value is a figure, an axes or another plotting handle
     */
    public record Unused(String name, Stmt.Assign statement, boolean topLevel, boolean figure) {}

    /**
     * The names the body reads (anywhere, nested functions included), except where a nested function's
     * parameter or a comprehension's own variable of that name is what is read.
     */
    public static Set<String> reads(Module body) {
        Set<Span> stores = stores(body);
        Set<String> read = new HashSet<>();
        collect(body, Set.of(), stores, read);
        return read;
    }

    private static void collect(Node node, Set<String> bound, Set<Span> stores, Set<String> read) {
        switch (node) {
            case Expr.Name name -> {
                if (!stores.contains(name.span()) && !bound.contains(name.id())) {
                    read.add(name.id());
                }
            }
            case Stmt.FunctionDef f -> {
                f.decorators().forEach(d -> collect(d, bound, stores, read));
                f.params().forEach(p -> collect(p, bound, stores, read));
                if (f.returns() != null) {
                    collect(f.returns(), bound, stores, read);
                }
                Set<String> inner = withParams(bound, f.params());
                f.body().forEach(st -> collect(st, inner, stores, read));
            }
            case Expr.Lambda l -> {
                l.params().forEach(p -> collect(p, bound, stores, read));
                collect(l.body(), withParams(bound, l.params()), stores, read);
            }
            case Expr.ListComp c -> comprehension(List.of(c.elt()), c.generators(), bound, stores, read);
            case Expr.SetComp c -> comprehension(List.of(c.elt()), c.generators(), bound, stores, read);
            case Expr.GeneratorExp c -> comprehension(List.of(c.elt()), c.generators(), bound, stores, read);
            case Expr.DictComp c -> comprehension(List.of(c.key(), c.value()), c.generators(), bound, stores, read);
            default -> AstWalker.children(node).forEach(child -> collect(child, bound, stores, read));
        }
    }

    private static Set<String> withParams(Set<String> bound, List<Param> params) {
        Set<String> inner = new HashSet<>(bound);
        params.forEach(p -> inner.add(p.name()));
        return inner;
    }

    /** The first iterable is read outside the comprehension; the rest sees its variables. */
    private static void comprehension(List<Expr> results, List<Comprehension> generators, Set<String> bound,
                                      Set<Span> stores, Set<String> read) {
        Set<String> inner = new HashSet<>(bound);
        generators.forEach(g -> AstWalker.walk(g.target(), n -> {
            if (n instanceof Expr.Name name) {
                inner.add(name.id());
            }
        }));
        for (int i = 0; i < generators.size(); i++) {
            Comprehension g = generators.get(i);
            collect(g.iter(), i == 0 ? bound : inner, stores, read);
            g.ifs().forEach(e -> collect(e, inner, stores, read));
        }
        results.forEach(e -> collect(e, inner, stores, read));
    }

    private static Set<Span> stores(Module body) {
        Set<Span> stores = new HashSet<>();
        AstWalker.walk(body, n -> {
            switch (n) {
                case Stmt.Assign a -> a.targets().forEach(t -> targets(t, stores));
                case Stmt.AnnAssign a -> targets(a.target(), stores);
                case Stmt.For f -> targets(f.target(), stores);
                case WithItem w when w.target() != null -> targets(w.target(), stores);
                case Expr.NamedExpr ne -> stores.add(ne.target().span());
                case Comprehension c -> targets(c.target(), stores);
                default -> { }
            }
        });
        return stores;
    }

    public static List<Unused> find(Module body) {
        Set<String> read = reads(body);
        Set<String> topLevel = new HashSet<>();
        for (Stmt s : body.body()) {
            if (s instanceof Stmt.Assign a) {
                a.targets().stream().filter(t -> t instanceof Expr.Name).forEach(t -> topLevel.add(((Expr.Name) t).id()));
            }
        }
        Map<Span, Unused> out = new LinkedHashMap<>();
        AstWalker.walk(body, n -> !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef)
            && !(n instanceof Expr.Lambda), n -> {
                if (n instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name name
                    && !read.contains(name.id()) && !name.id().equals("_")) {
                    boolean top = body.body().contains(a);
                    out.put(a.span(), new Unused(name.id(), a, top, figure(name.id(), a.value())));
                } else if (n instanceof Stmt.Assign a && body.body().contains(a) && a.targets().size() == 1
                    && a.targets().get(0) instanceof Expr.TupleExpr t
                    && (a.value() instanceof Expr.TupleExpr || a.value() instanceof Expr.ListExpr)) {
                    for (Expr e : t.elts()) {
                        if (e instanceof Expr.Name name && !read.contains(name.id())) {
                            out.put(name.span(), new Unused(name.id(), null, true, false));
                        }
                    }
                } else if (n instanceof Stmt.With w && body.body().contains(w)) {
                    for (WithItem item : w.items()) {
                        if (item.target() instanceof Expr.Name name && !read.contains(name.id())) {
                            out.put(name.span(), new Unused(name.id(), null, true, false));
                        }
                    }
                }
            });
        return new ArrayList<>(out.values());
    }

    private static void targets(Expr t, Set<Span> stores) {
        switch (t) {
            case Expr.Name n -> stores.add(n.span());
            case Expr.TupleExpr tu -> tu.elts().forEach(e -> targets(e, stores));
            case Expr.ListExpr l -> l.elts().forEach(e -> targets(e, stores));
            case Expr.Starred s -> targets(s.value(), stores);
            default -> { }
        }
    }

    private static final Set<String> FIGURE_NAMES = Set.of("fig", "figure", "ax", "axes", "axs", "ax1", "ax2",
        "ax3", "g", "p", "plot", "im", "img", "cbar", "line", "lines", "bars", "h", "l", "sc", "scatter", "cb",
        "legend", "handles", "patches", "_");

    private static boolean figure(String name, Expr value) {
        if (FIGURE_NAMES.contains(name)) {
            return true;
        }
        if (value instanceof Expr.Call call) {
            String root = Dotted.root(call.func()).orElse("");
            String last = Dotted.lastPart(call.func());
            return Set.of("plt", "sns", "px", "go", "mpl", "matplotlib", "bokeh", "hv", "alt").contains(root)
                || Set.of("plot", "subplots", "figure", "hist", "imshow", "bar", "barh", "scatter", "pie", "colorbar",
                    "legend", "add_subplot", "heatmap", "show", "savefig", "text", "annotate", "axhline", "axvline")
                    .contains(last);
        }
        return false;
    }
}
