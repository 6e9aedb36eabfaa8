package dev.nb2prod.graph;

import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Comprehension;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Node;
import dev.nb2prod.python.ast.Param;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.CellNames;
import dev.nb2prod.python.names.FunctionInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows a variable given as the path argument of an I/O call back to the string literal it holds: the last
 * module-level binding of the name before the call, in the call's cell or, failing that, the last binding in the
 * most recent cell above that defines the name (the def-use edge of the cell graph). It resolves only when that
 * binding is a plain {@code name = "literal"} (or {@code name = Path("literal")}) that surely ran: a binding in an
 * {@code if}, a loop or a {@code try} that does not also hold the call, a loop variable, a computed value or a
 * cell in between that mutates or deletes the name all leave the path unresolved.
 *
 * <p>A call inside a function or lambda runs later, with whatever value the name has then: it is resolved at the
 * function's definition, and only when the whole notebook binds the name exactly once. A name bound by the
 * function itself, a lambda parameter, a comprehension variable or a class body is never resolved.
 */
final class PathOrigins {
    /** A resolved path argument: where its literal is, and the literal's text. */
    record Resolved(IoAccess.Origin origin, String value) {}

    private final Map<Integer, CellNames> names;
    private final Map<Integer, Module> modules;
    private final Map<String, List<Integer>> definers = new HashMap<>();
    private final Map<String, List<Integer>> changers = new HashMap<>();
    private final Map<Integer, Map<String, List<Binding>>> bindings = new HashMap<>();

    PathOrigins(AnalyzedNotebook analyzed) {
        this.names = analyzed.cellNames();
        this.modules = new HashMap<>();
        analyzed.parsedCells().forEach((cell, parsed) -> {
            if (parsed instanceof ParsedCell.Parsed p) {
                modules.put(cell, p.module());
            }
        });
        names.forEach((cell, n) -> { // ascending cell order: the map is sorted
            n.defines().forEach(name -> definers.computeIfAbsent(name, k -> new ArrayList<>()).add(cell));
            n.mutates().forEach(name -> changers.computeIfAbsent(name, k -> new ArrayList<>()).add(cell));
            n.deletes().forEach(name -> changers.computeIfAbsent(name, k -> new ArrayList<>()).add(cell));
        });
    }

    /** The literal the variable {@code name}, given to {@code call} in {@code cell}, holds, if it surely holds one. */
    Optional<Resolved> resolve(int cell, Module module, Expr.Call call, Expr.Name name) {
        List<Node> scopes = enclosingScopes(module, call.span());
        Node deferred = null;
        for (Node scope : scopes) {
            switch (scope) {
                case Stmt.ClassDef c -> {
                    return Optional.empty();
                }
                case Stmt.FunctionDef f -> {
                    if (f.params().stream().anyMatch(p -> p.name().equals(name.id()))) {
                        return Optional.empty();
                    }
                    deferred = deferred == null ? f : deferred;
                }
                case Expr.Lambda l -> {
                    if (l.params().stream().map(Param::name).anyMatch(name.id()::equals)) {
                        return Optional.empty();
                    }
                    deferred = deferred == null ? l : deferred;
                }
                case Comprehension c -> {
                    if (AstWalker.find(c.target(), Expr.Name.class).stream().anyMatch(n -> n.id().equals(name.id()))) {
                        return Optional.empty();
                    }
                }
                default -> { }
            }
        }
        if (deferred == null) {
            return resolveAt(cell, call.span(), name.id());
        }
        if (deferred instanceof Stmt.FunctionDef f && !readsGlobal(cell, f, name.id())) {
            return Optional.empty(); // a local of the function
        }
        if (definers.getOrDefault(name.id(), List.of()).size() != 1 || changers.containsKey(name.id())) {
            return Optional.empty();
        }
        int definer = definers.get(name.id()).get(0);
        if (bindings(definer, name.id()).size() != 1) {
            return Optional.empty();
        }
        return resolveAt(cell, deferred.span(), name.id());
    }

    /** True when the module-level function {@code f} reads {@code name} as a global. */
    private boolean readsGlobal(int cell, Stmt.FunctionDef f, String name) {
        CellNames cellNames = names.get(cell);
        if (cellNames == null) {
            return false;
        }
        for (FunctionInfo info : cellNames.functions()) {
            if (info.span().equals(f.span())) {
                return info.reads().contains(name);
            }
        }
        return false; // a function nb2prod does not follow (nested in a class or a loop)
    }

    /** The literal {@code name} holds when the code at {@code at} in {@code cell} runs. */
    private Optional<Resolved> resolveAt(int cell, Span at, String name) {
        Binding last = null;
        for (Binding b : bindings(cell, name)) {
            if (before(b.line(), b.column(), at.startLine(), at.startCol())) {
                last = b;
            }
        }
        if (last != null) {
            return last.covers(at) ? literal(cell, name, last) : Optional.empty();
        }
        List<Integer> cells = definers.getOrDefault(name, List.of());
        int position = Collections.binarySearch(cells, cell);
        int above = (position >= 0 ? position : -position - 1) - 1;
        if (above < 0) {
            return Optional.empty(); // defined below only: a hidden dependency, or never
        }
        int definer = cells.get(above);
        List<Integer> changing = changers.getOrDefault(name, List.of());
        int next = Collections.binarySearch(changing, definer + 1);
        next = next >= 0 ? next : -next - 1;
        while (next > 0 && changing.get(next - 1) == definer + 1) {
            next--; // the first of equal entries (a cell that both mutates and deletes the name)
        }
        if (next < changing.size() && changing.get(next) < cell) {
            return Optional.empty(); // a cell in between changes the name in place or deletes it
        }
        List<Binding> found = bindings(definer, name);
        if (found.isEmpty()) {
            return Optional.empty(); // bound in a way nb2prod does not follow (a magic, a global statement)
        }
        Binding lastInCell = found.get(found.size() - 1);
        return lastInCell.topLevel() ? literal(definer, name, lastInCell) : Optional.empty();
    }

    private static Optional<Resolved> literal(int cell, String name, Binding binding) {
        return binding.literal() == null ? Optional.empty()
            : Optional.of(new Resolved(new IoAccess.Origin(name, cell, binding.literal().span()), binding.literal().value()));
    }

    private List<Binding> bindings(int cell, String name) {
        Module module = modules.get(cell);
        if (module == null) {
            return List.of();
        }
        return bindings.computeIfAbsent(cell, k -> Bindings.of(module)).getOrDefault(name, List.of());
    }

    /** True when position (l1, c1) is at or before (l2, c2). */
    private static boolean before(int l1, int c1, int l2, int c2) {
        return l1 < l2 || l1 == l2 && c1 <= c2;
    }

    /** The functions, lambdas, classes and comprehensions around a span, outermost first. */
    private static List<Node> enclosingScopes(Module module, Span span) {
        List<Node> scopes = new ArrayList<>();
        Node node = module;
        while (true) {
            Node inner = null;
            for (Node child : AstWalker.children(node)) {
                if (covers(child.span(), span) && !child.span().equals(span)) {
                    inner = child;
                    break;
                }
            }
            if (inner == null) {
                return scopes;
            }
            if (inner instanceof Stmt.FunctionDef || inner instanceof Expr.Lambda || inner instanceof Stmt.ClassDef) {
                scopes.add(inner);
            } else if (inner instanceof Expr.ListComp || inner instanceof Expr.SetComp
                || inner instanceof Expr.GeneratorExp || inner instanceof Expr.DictComp) {
                // the variables of every clause are local to the comprehension, whichever part holds the call
                AstWalker.children(inner).stream().filter(c -> c instanceof Comprehension).forEach(scopes::add);
            }
            node = inner;
        }
    }

    private static boolean covers(Span outer, Span inner) {
        return before(outer.startLine(), outer.startCol(), inner.startLine(), inner.startCol())
            && before(inner.endLine(), inner.endCol(), outer.endLine(), outer.endCol());
    }

    /**
     * A module-level binding of a name: from (line, column) on, the name holds the value; {@code block} is the
     * span of the statements it sits among ({@code null} for the cell's top level); {@code literal} is the string
     * of a plain {@code name = "literal"} assignment, else null.
     */
    record Binding(int line, int column, Span block, Expr.Str literal) {
        boolean topLevel() {
            return block == null;
        }

        /** True when the code at {@code at} runs in the same straight-line code as the binding (or nested in it). */
        boolean covers(Span at) {
            return block == null || PathOrigins.covers(block, at);
        }
    }

    /** Collects the module-level bindings of a cell, by name, in source order. */
    private static final class Bindings {
        private final Map<String, List<Binding>> byName = new HashMap<>();

        static Map<String, List<Binding>> of(Module module) {
            Bindings b = new Bindings();
            b.block(module.body(), null);
            b.byName.values().forEach(list -> list.sort((x, y) ->
                x.line() != y.line() ? Integer.compare(x.line(), y.line()) : Integer.compare(x.column(), y.column())));
            return b.byName;
        }

        private void block(List<Stmt> statements, Span block) {
            for (Stmt s : statements) {
                statement(s, block);
            }
        }

        private static Span spanOf(List<Stmt> statements) {
            return statements.isEmpty() ? Span.NONE
                : Span.cover(statements.get(0).span(), statements.get(statements.size() - 1).span());
        }

        private void nested(List<Stmt> statements) {
            block(statements, spanOf(statements));
        }

        private void statement(Stmt s, Span block) {
            switch (s) {
                case Stmt.Assign a -> {
                    expression(a.value(), block);
                    Expr.Str literal = a.targets().stream().allMatch(t -> t instanceof Expr.Name) ? literalOf(a.value()) : null;
                    a.targets().forEach(t -> target(t, end(a.span()), block, literal));
                }
                case Stmt.AugAssign a -> {
                    expression(a.value(), block);
                    target(a.target(), end(a.span()), block, null);
                }
                case Stmt.AnnAssign a -> {
                    if (a.value() != null) {
                        expression(a.value(), block);
                        target(a.target(), end(a.span()), block, a.target() instanceof Expr.Name ? literalOf(a.value()) : null);
                    }
                }
                case Stmt.For f -> {
                    expression(f.iter(), block);
                    Span loop = f.span();
                    target(f.target(), end(f.iter().span()), loop, null);
                    nested(f.body());
                    nested(f.orelse());
                }
                case Stmt.While w -> {
                    expression(w.test(), block);
                    nested(w.body());
                    nested(w.orelse());
                }
                case Stmt.If i -> {
                    expression(i.test(), block);
                    nested(i.body());
                    nested(i.orelse());
                }
                case Stmt.With w -> {
                    w.items().forEach(item -> {
                        expression(item.context(), block);
                        if (item.target() != null) {
                            target(item.target(), end(item.context().span()), block, null);
                        }
                    });
                    block(w.body(), block); // a with body runs once, straight on
                }
                case Stmt.Try t -> {
                    nested(t.body());
                    t.handlers().forEach(h -> {
                        if (h.name() != null) {
                            bind(h.name(), start(h.span()), spanOf(h.body()), null);
                        }
                        nested(h.body());
                    });
                    nested(t.orelse());
                    nested(t.finalbody());
                }
                case Stmt.Import i -> i.names().forEach(a -> bind(a.boundName(false), end(i.span()), block, null));
                case Stmt.ImportFrom i -> i.names().forEach(a -> bind(a.boundName(true), end(i.span()), block, null));
                case Stmt.FunctionDef f -> bind(f.name(), end(f.span()), block, null);
                case Stmt.ClassDef c -> bind(c.name(), end(c.span()), block, null);
                case Stmt.Delete d -> d.targets().forEach(t -> target(t, end(d.span()), block, null));
                case Stmt.Match m -> {
                    expression(m.subject(), block);
                    m.cases().forEach(c -> {
                        AstWalker.walk(c.pattern(), p -> {
                            switch (p) {
                                case dev.nb2prod.python.ast.Pattern.Capture cap -> bind(cap.name(), start(c.span()), spanOf(c.body()), null);
                                case dev.nb2prod.python.ast.Pattern.Star st when st.name() != null ->
                                    bind(st.name(), start(c.span()), spanOf(c.body()), null);
                                case dev.nb2prod.python.ast.Pattern.As as when as.name() != null ->
                                    bind(as.name(), start(c.span()), spanOf(c.body()), null);
                                case dev.nb2prod.python.ast.Pattern.Mapping mp when mp.rest() != null ->
                                    bind(mp.rest(), start(c.span()), spanOf(c.body()), null);
                                default -> { }
                            }
                        });
                        nested(c.body());
                    });
                }
                case Stmt.CellMagic m -> {
                    if (m.parsedBody() != null) {
                        block(m.parsedBody().body(), block);
                    }
                }
                default -> AstWalker.children(s).forEach(child -> {
                    if (child instanceof Stmt inner) {
                        statement(inner, block);
                    } else {
                        expression(child, block);
                    }
                });
            }
        }

        /** Walrus targets (module-level even inside comprehensions) and magic code inside an expression. */
        private void expression(Node expr, Span block) {
            if (expr == null) {
                return;
            }
            AstWalker.walk(expr, n -> !(n instanceof Expr.Lambda) && !(n instanceof Expr.Magic), n -> {
                if (n instanceof Expr.NamedExpr ne) {
                    bind(ne.target().id(), end(ne.span()), block, null);
                } else if (n instanceof Expr.Magic m && m.parsedArgs() != null) {
                    block(m.parsedArgs().body(), block);
                }
            });
        }

        private void target(Expr target, int[] at, Span block, Expr.Str literal) {
            switch (target) {
                case Expr.Name n -> bind(n.id(), at, block, literal);
                case Expr.TupleExpr t -> t.elts().forEach(e -> target(e, at, block, null));
                case Expr.ListExpr l -> l.elts().forEach(e -> target(e, at, block, null));
                case Expr.Starred st -> target(st.value(), at, block, null);
                default -> expression(target, block); // attribute or subscript: binds no name
            }
        }

        private void bind(String name, int[] at, Span block, Expr.Str literal) {
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(new Binding(at[0], at[1], block, literal));
        }

        private static int[] end(Span span) {
            return new int[] {span.endLine(), span.endCol()};
        }

        private static int[] start(Span span) {
            return new int[] {span.startLine(), span.startCol()};
        }

        /** The string of {@code "literal"} or {@code Path("literal")}, not bytes; else null. */
        private static Expr.Str literalOf(Expr value) {
            if (value instanceof Expr.Str s) {
                return s.prefix().toLowerCase(java.util.Locale.ROOT).contains("b") ? null : s;
            }
            if (value instanceof Expr.Call call && PathArguments.PATH_CONSTRUCTORS.contains(Dotted.name(call.func()).orElse(""))
                && call.args().size() == 1 && call.args().get(0).kind() == dev.nb2prod.python.ast.Arg.Kind.POSITIONAL) {
                return literalOf(call.args().get(0).value());
            }
            return null;
        }
    }
}
