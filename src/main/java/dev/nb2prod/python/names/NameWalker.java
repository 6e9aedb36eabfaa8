package dev.nb2prod.python.names;

import dev.nb2prod.python.ast.Alias;
import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Comprehension;
import dev.nb2prod.python.ast.DictItem;
import dev.nb2prod.python.ast.ExceptHandler;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.MatchCase;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Node;
import dev.nb2prod.python.ast.Param;
import dev.nb2prod.python.ast.Pattern;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.ast.WithItem;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Walks statements in execution order and reports reads, bindings and mutations to the current {@link Scope}. */
final class NameWalker {

    final List<ImportInfo> imports = new ArrayList<>();
    final List<FunctionInfo> functions = new ArrayList<>();

    void stmts(List<Stmt> body, Scope s) {
        for (Stmt st : body) {
            stmt(st, s);
        }
    }

    private void stmt(Stmt st, Scope s) {
        switch (st) {
            case Stmt.ExprStmt x -> expr(x.value(), s);
            case Stmt.Assign x -> {
                if (!(x.value() instanceof Expr.Magic)) { // x = %time f(): the magic's code is not analysed
                    expr(x.value(), s);
                }
                for (Expr t : x.targets()) {
                    target(t, s);
                }
            }
            case Stmt.AugAssign x -> {
                if (x.target() instanceof Expr.Name n) {
                    s.read(n.id(), n.span());
                    expr(x.value(), s);
                    s.bind(n.id(), n.span());
                } else {
                    expr(x.target(), s);
                    expr(x.value(), s);
                    mutate(x.target(), s);
                }
            }
            case Stmt.AnnAssign x -> {
                if (x.value() != null) {
                    expr(x.value(), s);
                    target(x.target(), s);
                } else if (x.target() instanceof Expr.Name n) {
                    if (s instanceof Scope.FunctionScope) {
                        s.bind(n.id(), n.span()); // `x: int` makes x local to the function
                    }
                } else {
                    expr(x.target(), s);
                }
                if (!(s instanceof Scope.FunctionScope)) {
                    expr(x.annotation(), s); // local annotations in functions are never evaluated
                }
            }
            case Stmt.Delete x -> x.targets().forEach(t -> delete(t, s));
            case Stmt.Import x -> {
                for (Alias a : x.names()) {
                    String bound = a.boundName(false);
                    imports.add(new ImportInfo(a.name(), null, bound, 0, s instanceof Scope.ModuleScope, a.span()));
                    importBind(bound, a, s);
                }
            }
            case Stmt.ImportFrom x -> importFrom(x, s);
            case Stmt.FunctionDef x -> functionDef(x, s);
            case Stmt.ClassDef x -> {
                x.decorators().forEach(d -> expr(d, s));
                x.bases().forEach(a -> expr(a.value(), s));
                Scope.ClassScope body = new Scope.ClassScope(s);
                stmts(x.body(), body);
                s.bind(x.name(), x.span());
            }
            case Stmt.If x -> {
                expr(x.test(), s);
                stmts(x.body(), s);
                stmts(x.orelse(), s);
            }
            case Stmt.For x -> {
                expr(x.iter(), s);
                target(x.target(), s);
                stmts(x.body(), s);
                stmts(x.orelse(), s);
            }
            case Stmt.While x -> {
                expr(x.test(), s);
                stmts(x.body(), s);
                stmts(x.orelse(), s);
            }
            case Stmt.With x -> {
                for (WithItem w : x.items()) {
                    expr(w.context(), s);
                    if (w.target() != null) {
                        target(w.target(), s);
                    }
                }
                stmts(x.body(), s);
            }
            case Stmt.Try x -> {
                stmts(x.body(), s);
                for (ExceptHandler h : x.handlers()) {
                    expr(h.type(), s);
                    if (h.name() != null) {
                        s.exceptName(h.name(), h.span(), () -> stmts(h.body(), s));
                    } else {
                        stmts(h.body(), s);
                    }
                }
                stmts(x.orelse(), s);
                stmts(x.finalbody(), s);
            }
            case Stmt.Return x -> expr(x.value(), s);
            case Stmt.Raise x -> {
                expr(x.exc(), s);
                expr(x.cause(), s);
            }
            case Stmt.Assert x -> {
                expr(x.test(), s);
                expr(x.msg(), s);
            }
            case Stmt.Pass x -> { }
            case Stmt.Break x -> { }
            case Stmt.Continue x -> { }
            case Stmt.Global x -> x.names().forEach(s::declareGlobal);
            case Stmt.Nonlocal x -> x.names().forEach(s::declareNonlocal);
            case Stmt.Match x -> {
                expr(x.subject(), s);
                for (MatchCase c : x.cases()) {
                    pattern(c.pattern(), s);
                    expr(c.guard(), s);
                    stmts(c.body(), s);
                }
            }
            case Stmt.TypeAlias x -> {
                s.bind(x.name(), x.span());
                Scope.FunctionScope lazy = new Scope.FunctionScope(s);
                expr(x.value(), lazy);
                lazy.close();
            }
            case Stmt.Print x -> x.values().forEach(v -> expr(v, s));
            case Stmt.Exec x -> {
                expr(x.body(), s);
                expr(x.globals(), s);
                expr(x.locals(), s);
            }
            case Stmt.CellMagic x -> cellMagic(x, s);
            case Stmt.ObjectInfo x -> { }
            case Stmt.Other x -> x.children().forEach(n -> node(n, s));
        }
    }

    private static void importBind(String bound, Alias a, Scope s) {
        if (s instanceof Scope.ModuleScope m) {
            m.importedHere.add(bound);
        }
        s.bind(bound, a.span());
    }

    private void importFrom(Stmt.ImportFrom x, Scope s) {
        String module = ".".repeat(x.level()) + (x.module() == null ? "" : x.module());
        if (x.star()) {
            imports.add(new ImportInfo(x.module(), "*", null, x.level(), s instanceof Scope.ModuleScope, x.span()));
            s.starImport(module);
            return;
        }
        for (Alias a : x.names()) {
            String bound = a.boundName(true);
            imports.add(new ImportInfo(x.module(), a.name(), bound, x.level(), s instanceof Scope.ModuleScope,
                    a.span()));
            importBind(bound, a, s);
        }
    }

    private void functionDef(Stmt.FunctionDef x, Scope s) {
        x.decorators().forEach(d -> expr(d, s));
        paramsAtDefinition(x.params(), s);
        expr(x.returns(), s);
        Scope.FunctionScope f = new Scope.FunctionScope(s);
        x.params().forEach(p -> f.bind(p.name(), p.span()));
        stmts(x.body(), f);
        f.close();
        s.bind(x.name(), x.span());
        if (s instanceof Scope.ModuleScope) {
            functions.add(new FunctionInfo(x.name(), x.span(), new TreeSet<>(f.freeReads()),
                    new TreeSet<>(f.globalWrites()), new TreeSet<>(f.freeMutations())));
        }
    }

    private void paramsAtDefinition(List<Param> params, Scope s) {
        for (Param p : params) {
            expr(p.defaultValue(), s);
            expr(p.annotation(), s);
        }
    }

    /** The body of %%time/%%timeit/%%capture/%%prun runs as cell code; the magic's arguments are ignored. */
    private void cellMagic(Stmt.CellMagic x, Scope s) {
        Module body = x.parsedBody();
        if (body != null) {
            stmts(body.body(), s);
        }
    }

    // ---------------------------------------------------------------- targets

    private void target(Expr t, Scope s) {
        switch (t) {
            case Expr.Name n -> s.bind(n.id(), n.span());
            case Expr.TupleExpr x -> x.elts().forEach(e -> target(e, s));
            case Expr.ListExpr x -> x.elts().forEach(e -> target(e, s));
            case Expr.Starred x -> target(x.value(), s);
            case Expr.Attribute x -> {
                expr(x.value(), s);
                mutate(x, s);
            }
            case Expr.Subscript x -> {
                expr(x.value(), s);
                expr(x.slice(), s);
                mutate(x, s);
            }
            default -> expr(t, s);
        }
    }

    private void delete(Expr t, Scope s) {
        switch (t) {
            case Expr.Name n -> s.delete(n.id(), n.span());
            case Expr.TupleExpr x -> x.elts().forEach(e -> delete(e, s));
            case Expr.ListExpr x -> x.elts().forEach(e -> delete(e, s));
            case Expr.Attribute x -> {
                expr(x.value(), s);
                mutate(x, s);
            }
            case Expr.Subscript x -> {
                expr(x.value(), s);
                expr(x.slice(), s);
                mutate(x, s);
            }
            default -> expr(t, s);
        }
    }

    /** Records an in-place change of the root name of {@code changed} ({@code df.a.b['x']} changes {@code df}). */
    private static void mutate(Expr changed, Scope s) {
        Expr.Name root = rootName(changed);
        if (root != null) {
            s.mutate(root.id(), changed.span());
        }
    }

    static Expr.Name rootName(Expr e) {
        Expr cur = e;
        while (true) {
            switch (cur) {
                case Expr.Name n -> {
                    return n;
                }
                case Expr.Attribute a -> cur = a.value();
                case Expr.Subscript sub -> cur = sub.value();
                default -> {
                    return null;
                }
            }
        }
    }

    // ---------------------------------------------------------------- patterns

    private void pattern(Pattern p, Scope s) {
        switch (p) {
            case Pattern.Capture x -> s.bind(x.name(), x.span());
            case Pattern.Star x -> {
                if (x.name() != null) {
                    s.bind(x.name(), x.span());
                }
            }
            case Pattern.Value x -> expr(x.value(), s);
            case Pattern.Literal x -> { }
            case Pattern.Mapping x -> {
                x.keys().forEach(k -> pattern(k, s));
                x.patterns().forEach(v -> pattern(v, s));
                if (x.rest() != null) {
                    s.bind(x.rest(), x.span());
                }
            }
            case Pattern.ClassPattern x -> {
                expr(x.cls(), s);
                x.arguments().forEach(a -> pattern(a, s));
            }
            case Pattern.As x -> {
                if (x.pattern() != null) {
                    pattern(x.pattern(), s);
                }
                s.bind(x.name(), x.span());
            }
            default -> AstWalker.children(p).forEach(n -> node(n, s));
        }
    }

    // ---------------------------------------------------------------- expressions

    private void expr(Expr e, Scope s) {
        if (e == null) {
            return;
        }
        switch (e) {
            case Expr.Name n -> s.read(n.id(), n.span());
            case Expr.NamedExpr x -> {
                expr(x.value(), s);
                s.bindWalrus(x.target().id(), x.target().span());
            }
            case Expr.Lambda x -> {
                paramsAtDefinition(x.params(), s);
                Scope.FunctionScope f = new Scope.FunctionScope(s);
                x.params().forEach(p -> f.bind(p.name(), p.span()));
                expr(x.body(), f);
                f.close();
            }
            case Expr.ListComp x -> comprehension(x.generators(), s, x.elt());
            case Expr.SetComp x -> comprehension(x.generators(), s, x.elt());
            case Expr.GeneratorExp x -> comprehension(x.generators(), s, x.elt());
            case Expr.DictComp x -> comprehension(x.generators(), s, x.key(), x.value());
            case Expr.IfExp x -> {
                expr(x.test(), s);
                expr(x.body(), s);
                expr(x.orelse(), s);
            }
            case Expr.Call x -> {
                expr(x.func(), s);
                for (Arg a : x.args()) {
                    if (a.kind() == Arg.Kind.POSITIONAL || a.kind() == Arg.Kind.STAR) {
                        expr(a.value(), s);
                    }
                }
                for (Arg a : x.args()) {
                    if (a.kind() == Arg.Kind.KEYWORD || a.kind() == Arg.Kind.DOUBLE_STAR) {
                        expr(a.value(), s);
                    }
                }
                Expr changed = MutatingMethods.mutatedBy(x);
                if (changed != null) {
                    mutate(changed, s);
                }
            }
            case Expr.Magic x -> {
                if (x.parsedArgs() != null) {
                    stmts(x.parsedArgs().body(), s);
                }
            }
            default -> AstWalker.children(e).forEach(n -> node(n, s));
        }
    }

    private void comprehension(List<Comprehension> gens, Scope s, Expr... results) {
        if (gens.isEmpty()) {
            for (Expr r : results) {
                expr(r, s);
            }
            return;
        }
        expr(gens.get(0).iter(), s);
        Scope.ComprehensionScope c = new Scope.ComprehensionScope(s);
        for (int i = 0; i < gens.size(); i++) {
            Comprehension g = gens.get(i);
            if (i > 0) {
                expr(g.iter(), c);
            }
            target(g.target(), c);
            g.ifs().forEach(cond -> expr(cond, c));
        }
        for (Expr r : results) {
            expr(r, c);
        }
    }

    /** Generic fallback for child nodes of any kind. */
    private void node(Node n, Scope s) {
        switch (n) {
            case Expr e -> expr(e, s);
            case Stmt st -> stmt(st, s);
            case Pattern p -> pattern(p, s);
            case Arg a -> expr(a.value(), s);
            case DictItem d -> {
                expr(d.key(), s);
                expr(d.value(), s);
            }
            case Module m -> stmts(m.body(), s);
            default -> AstWalker.children(n).forEach(c -> node(c, s));
        }
    }
}
