package dev.nb2prod.python.ast;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Generic traversal of the AST: the direct children of any node in source order, and pre-order walks.
 * Magic code ({@link Expr.Magic#parsedArgs()}, {@link Stmt.CellMagic#parsedBody()}) is a child like any other.
 */
public final class AstWalker {

    private AstWalker() {
    }

    /** Every node of the tree rooted at {@code root}, in pre-order (root first, children in source order). */
    public static void walk(Node root, Consumer<? super Node> visitor) {
        walk(root, n -> true, visitor);
    }

    /**
     * Pre-order walk that visits every reached node and descends into a node's children only when
     * {@code descend} accepts the node (e.g. to stay out of function bodies).
     */
    public static void walk(Node root, Predicate<? super Node> descend, Consumer<? super Node> visitor) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            visitor.accept(n);
            if (descend.test(n)) {
                List<Node> kids = children(n);
                for (int i = kids.size() - 1; i >= 0; i--) {
                    stack.push(kids.get(i));
                }
            }
        }
    }

    /** All nodes of the tree in pre-order. */
    public static List<Node> preOrder(Node root) {
        List<Node> out = new ArrayList<>();
        walk(root, out::add);
        return out;
    }

    /** All nodes of a given type in pre-order. */
    public static <T extends Node> List<T> find(Node root, Class<T> type) {
        List<T> out = new ArrayList<>();
        walk(root, n -> {
            if (type.isInstance(n)) {
                out.add(type.cast(n));
            }
        });
        return out;
    }

    /** The direct children of a node in source order (null fields skipped). */
    public static List<Node> children(Node node) {
        Kids k = new Kids();
        switch (node) {
            case Module m -> k.all(m.body());
            case Stmt s -> stmt(s, k);
            case Expr e -> expr(e, k);
            case Pattern p -> pattern(p, k);
            case Arg a -> k.add(a.value());
            case Param p -> k.add(p.annotation()).add(p.defaultValue());
            case Alias a -> { }
            case ExceptHandler h -> k.add(h.type()).all(h.body());
            case WithItem w -> k.add(w.context()).add(w.target());
            case Comprehension c -> k.add(c.target()).add(c.iter()).all(c.ifs());
            case MatchCase c -> k.add(c.pattern()).add(c.guard()).all(c.body());
            case DictItem d -> k.add(d.key()).add(d.value());
            default -> { }
        }
        return k.list;
    }

    private static void stmt(Stmt s, Kids k) {
        switch (s) {
            case Stmt.ExprStmt x -> k.add(x.value());
            case Stmt.Assign x -> k.all(x.targets()).add(x.value());
            case Stmt.AugAssign x -> k.add(x.target()).add(x.value());
            case Stmt.AnnAssign x -> k.add(x.target()).add(x.annotation()).add(x.value());
            case Stmt.Delete x -> k.all(x.targets());
            case Stmt.Import x -> k.all(x.names());
            case Stmt.ImportFrom x -> k.all(x.names());
            case Stmt.FunctionDef x -> k.all(x.decorators()).all(x.params()).add(x.returns()).all(x.body());
            case Stmt.ClassDef x -> k.all(x.decorators()).all(x.bases()).all(x.body());
            case Stmt.If x -> k.add(x.test()).all(x.body()).all(x.orelse());
            case Stmt.For x -> k.add(x.target()).add(x.iter()).all(x.body()).all(x.orelse());
            case Stmt.While x -> k.add(x.test()).all(x.body()).all(x.orelse());
            case Stmt.With x -> k.all(x.items()).all(x.body());
            case Stmt.Try x -> k.all(x.body()).all(x.handlers()).all(x.orelse()).all(x.finalbody());
            case Stmt.Return x -> k.add(x.value());
            case Stmt.Raise x -> k.add(x.exc()).add(x.cause());
            case Stmt.Assert x -> k.add(x.test()).add(x.msg());
            case Stmt.Pass x -> { }
            case Stmt.Break x -> { }
            case Stmt.Continue x -> { }
            case Stmt.Global x -> { }
            case Stmt.Nonlocal x -> { }
            case Stmt.Match x -> k.add(x.subject()).all(x.cases());
            case Stmt.TypeAlias x -> k.add(x.value());
            case Stmt.Print x -> k.all(x.values());
            case Stmt.Exec x -> k.add(x.body()).add(x.globals()).add(x.locals());
            case Stmt.CellMagic x -> k.add(x.parsedBody());
            case Stmt.ObjectInfo x -> { }
            case Stmt.Other x -> k.all(x.children());
        }
    }

    private static void expr(Expr e, Kids k) {
        switch (e) {
            case Expr.Name x -> { }
            case Expr.Attribute x -> k.add(x.value());
            case Expr.Subscript x -> k.add(x.value()).add(x.slice());
            case Expr.Slice x -> k.add(x.lower()).add(x.upper()).add(x.step());
            case Expr.Call x -> k.add(x.func()).all(x.args());
            case Expr.Num x -> { }
            case Expr.Str x -> { }
            case Expr.FString x -> k.all(x.values());
            case Expr.BoolLit x -> { }
            case Expr.NoneLit x -> { }
            case Expr.EllipsisLit x -> { }
            case Expr.BinOp x -> k.add(x.left()).add(x.right());
            case Expr.BoolOp x -> k.all(x.values());
            case Expr.Compare x -> k.add(x.left()).all(x.comparators());
            case Expr.UnaryOp x -> k.add(x.operand());
            case Expr.Lambda x -> k.all(x.params()).add(x.body());
            case Expr.IfExp x -> k.add(x.body()).add(x.test()).add(x.orelse());
            case Expr.ListExpr x -> k.all(x.elts());
            case Expr.TupleExpr x -> k.all(x.elts());
            case Expr.SetExpr x -> k.all(x.elts());
            case Expr.DictExpr x -> k.all(x.items());
            case Expr.ListComp x -> k.add(x.elt()).all(x.generators());
            case Expr.SetComp x -> k.add(x.elt()).all(x.generators());
            case Expr.GeneratorExp x -> k.add(x.elt()).all(x.generators());
            case Expr.DictComp x -> k.add(x.key()).add(x.value()).all(x.generators());
            case Expr.Starred x -> k.add(x.value());
            case Expr.Await x -> k.add(x.value());
            case Expr.Yield x -> k.add(x.value());
            case Expr.YieldFrom x -> k.add(x.value());
            case Expr.NamedExpr x -> k.add(x.target()).add(x.value());
            case Expr.Repr x -> k.add(x.value());
            case Expr.Magic x -> k.add(x.parsedArgs());
            case Expr.Other x -> k.all(x.children());
        }
    }

    private static void pattern(Pattern p, Kids k) {
        switch (p) {
            case Pattern.Capture x -> { }
            case Pattern.Wildcard x -> { }
            case Pattern.Value x -> k.add(x.value());
            case Pattern.Literal x -> k.add(x.value());
            case Pattern.Sequence x -> k.all(x.patterns());
            case Pattern.Star x -> { }
            case Pattern.Mapping x -> {
                for (int i = 0; i < x.keys().size(); i++) {
                    k.add(x.keys().get(i)).add(x.patterns().get(i));
                }
            }
            case Pattern.ClassPattern x -> k.add(x.cls()).all(x.arguments());
            case Pattern.Keyword x -> k.add(x.pattern());
            case Pattern.As x -> k.add(x.pattern());
            case Pattern.Or x -> k.all(x.patterns());
            case Pattern.Group x -> k.add(x.pattern());
            case Pattern.Other x -> k.all(x.children());
        }
    }

    private static final class Kids {
        final List<Node> list = new ArrayList<>();

        Kids add(Node n) {
            if (n != null) {
                list.add(n);
            }
            return this;
        }

        Kids all(Collection<? extends Node> ns) {
            for (Node n : ns) {
                add(n);
            }
            return this;
        }
    }
}
