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

    public static String strip(String body, Set<String> returned, PythonFrontEnd frontEnd) {
        if (!(frontEnd.parse(body) instanceof ParsedCell.Parsed parsed)) {
            return body;
        }
        SourceMap map = new SourceMap(body);
        List<Cut> cuts = new ArrayList<>();
        for (UnusedLocals.Unused u : UnusedLocals.find(parsed.module())) {
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
        Set<String> read = UnusedLocals.reads(parsed.module());
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
}
