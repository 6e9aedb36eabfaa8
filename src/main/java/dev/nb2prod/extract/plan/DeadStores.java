package dev.nb2prod.extract.plan;

import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.PythonFrontEnd;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.ExceptHandler;
import dev.nb2prod.python.ast.WithItem;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.Module;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes the dead stores of a function body: plain assignments to names nothing reads afterwards and that the
 * function does not return (what pyflakes reports as "assigned to but never used"). An assignment of a value
 * without calls ({@code high = df[df.x > 1]}) is removed; one whose value calls something keeps the call as a
 * statement ({@code ax = df.plot()} → {@code df.plot()}), since the call may do something.
 */
public final class DeadStores {
    private DeadStores() {}

    /** Replaces {@code [from, to)} of the body with {@code text} (empty: a deletion). */
    private record Cut(int from, int to, String text) {}

    private static final Pattern AT_NAME = Pattern.compile("@([A-Za-z_][A-Za-z0-9_]*)");

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
        Module module = parsed.module();
        if (evaluatesNames(module)) {
            return body; // eval, locals(), pd.eval('a + b'): names are read in ways the syntax does not show
        }
        SourceMap map = new SourceMap(body);
        List<Cut> cuts = new ArrayList<>();
        Set<String> read = UnusedLocals.reads(module);
        // df.query('x > @low') reads low through the string: keep it, and say so where pyflakes can see it
        Set<String> queried = atNames(module);
        Set<String> kept = new HashSet<>(returned);
        kept.addAll(queried);
        localDicts(module, read, returned, map, cuts);
        List<Module> scopes = new ArrayList<>(List.of(module));
        AstWalker.walk(module, n -> {
            if (n instanceof Stmt.FunctionDef f && !f.body().isEmpty()
                && AstWalker.find(f, Stmt.Global.class).isEmpty() && AstWalker.find(f, Stmt.Nonlocal.class).isEmpty()) {
                scopes.add(new Module(f.body(), f.span()));
            }
        });
        for (Module scope : scopes) {
            cutsIn(scope, scope == module ? kept : queried, body, map, cuts);
        }
        for (Stmt st : module.body()) {
            if (st instanceof Stmt.Assign a) {
                unpackingCuts(a, dead(read, kept), body, map, cuts);
                chainCuts(a, dead(read, kept), map, cuts);
            }
        }
        AstWalker.walk(module, n -> {
            if (n instanceof WithItem w && w.target() instanceof Expr.Name name && !read.contains(name.id())
                && !kept.contains(name.id())) {
                cuts.add(new Cut(map.end(w.context().span()), map.end(name.span()), ""));
            } else if (n instanceof ExceptHandler h && h.name() != null && h.type() != null
                && !read.contains(h.name()) && !kept.contains(h.name())) {
                int from = map.end(h.type().span());
                Matcher m = Pattern.compile("\\s+as\\s+" + Pattern.quote(h.name()) + "\\b").matcher(body);
                if (m.find(from) && m.start() == from) {
                    cuts.add(new Cut(m.start(), m.end(), ""));
                }
            }
        });
        if (cuts.isEmpty()) {
            return body;
        }
        cuts.sort(Comparator.comparingInt(Cut::from).reversed());
        StringBuilder out = new StringBuilder(body);
        int limit = Integer.MAX_VALUE;
        for (Cut c : cuts) {
            if (c.to() > limit) {
                continue; // overlaps a later cut already made
            }
            out.replace(c.from(), c.to(), c.text());
            limit = c.from();
        }
        String result = CellRewriter.tidy(out.toString());
        return frontEnd.parse(result) instanceof ParsedCell.Parsed ? result : body;
    }

    /** A name nothing reads, the function does not return and that is not private by convention. */
    private static java.util.function.Predicate<Expr> dead(Set<String> read, Set<String> kept) {
        return e -> e instanceof Expr.Name n && !read.contains(n.id()) && !kept.contains(n.id())
            && !n.id().startsWith("_");
    }

    /**
     * {@code a, b = x[1], f(y)} with {@code b} unread: the pair goes when its value calls nothing, its target
     * becomes {@code _} otherwise; the statement goes when no pair is left.
     */
    private static void unpackingCuts(Stmt.Assign a, java.util.function.Predicate<Expr> dead, String body,
                                      SourceMap map, List<Cut> cuts) {
        if (a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.TupleExpr t)
            || !(a.value() instanceof Expr.TupleExpr v) || t.elts().size() != v.elts().size()
            || !t.elts().stream().allMatch(e -> e instanceof Expr.Name) || t.elts().stream().noneMatch(dead)) {
            return;
        }
        List<Expr> targets = t.elts();
        List<Expr> values = v.elts();
        List<Integer> gone = new ArrayList<>();
        List<Integer> blanked = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (dead.test(targets.get(i))) {
                (pure(values.get(i)) ? gone : blanked).add(i);
            }
        }
        int start = map.start(a.span());
        int end = map.end(a.span());
        if (gone.size() == targets.size()) {
            int lineEnd = map.lineEndInclusive(end - 1);
            if (map.lineStart(start) == start && body.substring(end, lineEnd).isBlank()) {
                cuts.add(new Cut(start, lineEnd, ""));
            }
            return;
        }
        if (gone.size() + blanked.size() == targets.size()) {
            return; // nothing read, something called: left as written
        }
        for (int i : blanked) {
            cuts.add(new Cut(map.start(targets.get(i).span()), map.end(targets.get(i).span()), "_"));
        }
        for (int i : gone) {
            cuts.add(element(targets, i, map));
            cuts.add(element(values, i, map));
        }
    }

    /** {@code f = width = 5000} with {@code width} unread: {@code f = 5000}. */
    private static void chainCuts(Stmt.Assign a, java.util.function.Predicate<Expr> dead, SourceMap map,
                                  List<Cut> cuts) {
        List<Expr> targets = a.targets();
        if (targets.size() < 2 || !targets.stream().allMatch(e -> e instanceof Expr.Name)
            || targets.stream().allMatch(dead) || targets.stream().noneMatch(dead)) {
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            if (dead.test(targets.get(i))) {
                cuts.add(i + 1 < targets.size()
                    ? new Cut(map.start(targets.get(i).span()), map.start(targets.get(i + 1).span()), "")
                    : new Cut(map.end(targets.get(i - 1).span()), map.end(targets.get(i).span()), ""));
            }
        }
    }

    /** The text of element {@code i} of a tuple with the separator next to it. */
    private static Cut element(List<Expr> elements, int i, SourceMap map) {
        return i + 1 < elements.size()
            ? new Cut(map.start(elements.get(i).span()), map.start(elements.get(i + 1).span()), "")
            : new Cut(map.end(elements.get(i - 1).span()), map.end(elements.get(i).span()), "");
    }

    private static boolean pure(Expr value) {
        return AstWalker.find(value, Expr.Call.class).isEmpty()
            && AstWalker.find(value, Expr.NamedExpr.class).isEmpty()
            && AstWalker.find(value, Expr.Yield.class).isEmpty()
            && AstWalker.find(value, Expr.Await.class).isEmpty();
    }

    /**
     * {@code df.query('x > @low')} where {@code low} is a local nothing else reads: pandas finds it in the
     * caller's frame, linters do not see the read. Passing {@code local_dict={'low': low}} says it in code (and
     * means the same when every {@code @} name is a local of the body).
     */
    private static void localDicts(Module module, Set<String> read, Set<String> returned, SourceMap map,
                                   List<Cut> cuts) {
        Set<String> assigned = new HashSet<>();
        for (Stmt s : module.body()) {
            if (s instanceof Stmt.Assign a) {
                a.targets().forEach(t -> AstWalker.walk(t, n -> {
                    if (n instanceof Expr.Name name) {
                        assigned.add(name.id());
                    }
                }));
            }
        }
        AstWalker.walk(module, n -> !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef)
            && !(n instanceof Expr.Lambda), n -> {
                if (!(n instanceof Expr.Call c) || !(c.func() instanceof Expr.Attribute f)
                    || !Set.of("query", "eval").contains(f.attr()) || c.args().isEmpty()
                    || c.args().get(0).kind() != Arg.Kind.POSITIONAL || !(c.args().get(0).value() instanceof Expr.Str s)
                    || s.prefix().contains("b") || c.keyword("local_dict") != null
                    || c.args().stream().anyMatch(x -> x.kind() == Arg.Kind.DOUBLE_STAR)) {
                    return;
                }
                Set<String> names = new TreeSet<>();
                Matcher m = AT_NAME.matcher(s.value());
                while (m.find()) {
                    names.add(m.group(1));
                }
                if (names.isEmpty() || !assigned.containsAll(names)
                    || names.stream().allMatch(x -> read.contains(x) || returned.contains(x))) {
                    return;
                }
                int close = map.end(c.span()) - 1;
                String text = map.text();
                if (text.charAt(close) != ')') {
                    return;
                }
                int last = close - 1;
                while (last > 0 && Character.isWhitespace(text.charAt(last))) {
                    last--;
                }
                String dict = names.stream().map(x -> "'" + x + "': " + x).collect(Collectors.joining(", ", "{", "}"));
                cuts.add(new Cut(last + 1, last + 1, (text.charAt(last) == ',' ? " " : ", ") + "local_dict=" + dict));
            });
    }

    /** The names read through {@code @name} in strings (pandas query and eval expressions). */
    private static Set<String> atNames(Module module) {
        Set<String> names = new HashSet<>();
        AstWalker.walk(module, n -> {
            if (n instanceof Expr.Str s) {
                Matcher m = AT_NAME.matcher(s.value());
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        });
        return names;
    }

    private static void cutsIn(Module scope, Set<String> returned, String body, SourceMap map,
                               List<Cut> cuts) {
        for (UnusedLocals.Unused u : UnusedLocals.find(scope)) {
            Stmt.Assign a = u.statement();
            if (a == null || returned.contains(u.name()) || u.name().startsWith("_")) {
                continue;
            }
            int start = map.start(a.span());
            if (pure(a.value()) && u.topLevel() && map.lineStart(start) == start
                && body.substring(map.end(a.span()), map.lineEndInclusive(map.end(a.span()) - 1)).isBlank()) {
                cuts.add(new Cut(start, map.lineEndInclusive(map.end(a.span()) - 1), ""));
            } else {
                Span value = a.value().span();
                cuts.add(new Cut(start, map.start(value), ""));
            }
        }
    }

    /** True when the body may read names through strings: eval, exec, locals(), vars(), pd.eval. */
    private static boolean evaluatesNames(Module module) {
        boolean[] found = {false};
        AstWalker.walk(module, n -> {
            if (n instanceof Expr.Call c && c.func() instanceof Expr.Name f
                && Set.of("eval", "exec", "locals", "vars", "globals").contains(f.id())) {
                found[0] = true;
            }
            if (n instanceof Expr.Call c && c.func() instanceof Expr.Attribute f
                && (f.attr().equals("eval") && f.value() instanceof Expr.Name r && Set.of("pd", "pandas").contains(r.id())
                    || f.attr().equals("evaluate") && f.value() instanceof Expr.Name e && e.id().equals("numexpr"))) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
