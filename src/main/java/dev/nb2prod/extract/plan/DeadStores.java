package dev.nb2prod.extract.plan;

import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.PythonFrontEnd;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.ExceptHandler;
import dev.nb2prod.python.ast.WithItem;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Removes the dead stores of a function body: plain assignments to names nothing reads afterwards and that the
 * function does not return (what pyflakes reports as "assigned to but never used"). An assignment of a value
 * without calls ({@code high = df[df.x > 1]}) is removed; one whose value calls something keeps the call as a
 * statement ({@code ax = df.plot()} → {@code df.plot()}), since the call may do something.
 */
public final class DeadStores {
    private DeadStores() {}

    private record Cut(int from, int to, boolean whole) {}

    /** Strips dead stores until none is left (removing one can make the values it read dead in turn). */
    public static String strip(String body, Set<String> returned, PythonFrontEnd frontEnd) {
        String current = body;
        for (int pass = 0; pass < 10; pass++) {
            String next = stripOnce(current, returned, frontEnd);
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        return current;
    }

    private static String stripOnce(String body, Set<String> returned, PythonFrontEnd frontEnd) {
        if (!(frontEnd.parse(body) instanceof ParsedCell.Parsed parsed)) {
            return body;
        }
        SourceMap map = new SourceMap(body);
        List<Cut> cuts = new ArrayList<>();
        if (readsByName(parsed.module())) {
            return body; // eval, locals(), df.query('@x'): names are read in ways the syntax does not show
        }
        List<dev.nb2prod.python.ast.Module> scopes = new ArrayList<>(List.of(parsed.module()));
        AstWalker.walk(parsed.module(), n -> {
            if (n instanceof Stmt.FunctionDef f && !f.body().isEmpty()
                && AstWalker.find(f, Stmt.Global.class).isEmpty() && AstWalker.find(f, Stmt.Nonlocal.class).isEmpty()) {
                scopes.add(new dev.nb2prod.python.ast.Module(f.body(), f.span()));
            }
        });
        for (dev.nb2prod.python.ast.Module scope : scopes) {
            cutsIn(scope, scope == parsed.module() ? returned : Set.of(), body, map, cuts);
        }
        Set<String> read = UnusedLocals.reads(parsed.module());
        // a, b = x[1], x[2] with neither read: gone when nothing in it calls anything
        for (Stmt st : parsed.module().body()) {
            if (st instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.TupleExpr t
                && a.value() instanceof Expr.TupleExpr && t.elts().stream().allMatch(e -> e instanceof Expr.Name n
                    && !read.contains(n.id()) && !returned.contains(n.id()))
                && AstWalker.find(a.value(), Expr.Call.class).isEmpty()) {
                int start = map.start(a.span());
                int end = map.lineEndInclusive(map.end(a.span()) - 1);
                if (map.lineStart(start) == start && body.substring(map.end(a.span()), end).isBlank()) {
                    cuts.add(new Cut(start, end, true));
                }
            }
        }
        AstWalker.walk(parsed.module(), n -> {
            if (n instanceof WithItem w && w.target() instanceof Expr.Name name && !read.contains(name.id())
                && !returned.contains(name.id())) {
                cuts.add(new Cut(map.end(w.context().span()), map.end(name.span()), false));
            } else if (n instanceof ExceptHandler h && h.name() != null && h.type() != null
                && !read.contains(h.name()) && !returned.contains(h.name())) {
                int from = map.end(h.type().span());
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s+as\\s+" + java.util.regex.Pattern.quote(
                    h.name()) + "\\b").matcher(body);
                if (m.find(from) && m.start() == from) {
                    cuts.add(new Cut(m.start(), m.end(), false));
                }
            }
        });
        if (cuts.isEmpty()) {
            return body;
        }
        cuts.sort(Comparator.comparingInt(Cut::from).reversed());
        StringBuilder out = new StringBuilder(body);
        for (Cut c : cuts) {
            out.delete(c.from(), c.to());
        }
        String result = CellRewriter.tidy(out.toString());
        return frontEnd.parse(result) instanceof ParsedCell.Parsed ? result : body;
    }

    private static void cutsIn(dev.nb2prod.python.ast.Module scope, Set<String> returned, String body, SourceMap map,
                               List<Cut> cuts) {
        for (UnusedLocals.Unused u : UnusedLocals.find(scope)) {
            Stmt.Assign a = u.statement();
            if (a == null || returned.contains(u.name()) || u.name().startsWith("_")) {
                continue;
            }
            boolean pure = AstWalker.find(a.value(), Expr.Call.class).isEmpty()
                && AstWalker.find(a.value(), Expr.NamedExpr.class).isEmpty()
                && AstWalker.find(a.value(), Expr.Yield.class).isEmpty()
                && AstWalker.find(a.value(), Expr.Await.class).isEmpty();
            int start = map.start(a.span());
            if (pure && u.topLevel() && map.lineStart(start) == start
                && body.substring(map.end(a.span()), map.lineEndInclusive(map.end(a.span()) - 1)).isBlank()) {
                cuts.add(new Cut(start, map.lineEndInclusive(map.end(a.span()) - 1), true));
            } else {
                Span value = a.value().span();
                cuts.add(new Cut(start, map.start(value), false));
            }
        }
    }

    /** True when the body may read names through strings: eval, exec, locals(), vars(), query strings with @. */
    private static boolean readsByName(dev.nb2prod.python.ast.Module module) {
        boolean[] found = {false};
        AstWalker.walk(module, n -> {
            if (n instanceof Expr.Call c && c.func() instanceof Expr.Name f
                && Set.of("eval", "exec", "locals", "vars", "globals").contains(f.id())) {
                found[0] = true;
            }
            if (n instanceof Expr.Str s && s.value().matches("(?s).*@[A-Za-z_].*")) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
