package dev.nb2prod.python.ast;

import java.util.List;

/** Statements, modelled on CPython's {@code ast.stmt}. Nullable fields are marked. */
public sealed interface Stmt extends Node {

    record ExprStmt(Expr value, Span span) implements Stmt {}

    /** {@code a = b = value}: one target per {@code =}; unpacking targets are {@link Expr.TupleExpr}/{@link Expr.ListExpr}. */
    record Assign(List<Expr> targets, Expr value, Span span) implements Stmt {
        public Assign {
            targets = List.copyOf(targets);
        }
    }

    /** {@code target op= value}; {@code op} is the operator without {@code =}, e.g. {@code "+"}, {@code "//"}. */
    record AugAssign(Expr target, String op, Expr value, Span span) implements Stmt {}

    /** {@code target: annotation [= value]}; {@code value} nullable. */
    record AnnAssign(Expr target, Expr annotation, Expr value, Span span) implements Stmt {}

    record Delete(List<Expr> targets, Span span) implements Stmt {
        public Delete {
            targets = List.copyOf(targets);
        }
    }

    /** {@code import a.b as c, d}. */
    record Import(List<Alias> names, Span span) implements Stmt {
        public Import {
            names = List.copyOf(names);
        }
    }

    /**
     * {@code from [.]*module import names}; {@code module} nullable ({@code from . import x}), {@code level} is the
     * number of leading dots, {@code star} is true for {@code from m import *} (then {@code names} is empty).
     */
    record ImportFrom(String module, int level, List<Alias> names, boolean star, Span span) implements Stmt {
        public ImportFrom {
            names = List.copyOf(names);
        }
    }

    /** {@code returns} nullable. The span starts at {@code def}/{@code async} (decorators excluded, like CPython). */
    record FunctionDef(String name, List<Expr> decorators, List<Param> params, Expr returns, List<Stmt> body,
                       boolean async, Span span) implements Stmt {
        public FunctionDef {
            decorators = List.copyOf(decorators);
            params = List.copyOf(params);
            body = List.copyOf(body);
        }
    }

    /** Bases and keywords ({@code metaclass=...}) are call arguments. */
    record ClassDef(String name, List<Expr> decorators, List<Arg> bases, List<Stmt> body, Span span) implements Stmt {
        public ClassDef {
            decorators = List.copyOf(decorators);
            bases = List.copyOf(bases);
            body = List.copyOf(body);
        }
    }

    /** {@code elif} is a nested {@code If} alone in {@code orelse}, like CPython. */
    record If(Expr test, List<Stmt> body, List<Stmt> orelse, Span span) implements Stmt {
        public If {
            body = List.copyOf(body);
            orelse = List.copyOf(orelse);
        }
    }

    record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse, boolean async, Span span) implements Stmt {
        public For {
            body = List.copyOf(body);
            orelse = List.copyOf(orelse);
        }
    }

    record While(Expr test, List<Stmt> body, List<Stmt> orelse, Span span) implements Stmt {
        public While {
            body = List.copyOf(body);
            orelse = List.copyOf(orelse);
        }
    }

    record With(List<WithItem> items, List<Stmt> body, boolean async, Span span) implements Stmt {
        public With {
            items = List.copyOf(items);
            body = List.copyOf(body);
        }
    }

    /** {@code star} is true for {@code except*}. */
    record Try(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody, boolean star,
               Span span) implements Stmt {
        public Try {
            body = List.copyOf(body);
            handlers = List.copyOf(handlers);
            orelse = List.copyOf(orelse);
            finalbody = List.copyOf(finalbody);
        }
    }

    /** {@code value} nullable. */
    record Return(Expr value, Span span) implements Stmt {}

    /** {@code exc} and {@code cause} nullable. */
    record Raise(Expr exc, Expr cause, Span span) implements Stmt {}

    /** {@code msg} nullable. */
    record Assert(Expr test, Expr msg, Span span) implements Stmt {}

    record Pass(Span span) implements Stmt {}

    record Break(Span span) implements Stmt {}

    record Continue(Span span) implements Stmt {}

    record Global(List<String> names, Span span) implements Stmt {
        public Global {
            names = List.copyOf(names);
        }
    }

    record Nonlocal(List<String> names, Span span) implements Stmt {
        public Nonlocal {
            names = List.copyOf(names);
        }
    }

    record Match(Expr subject, List<MatchCase> cases, Span span) implements Stmt {
        public Match {
            cases = List.copyOf(cases);
        }
    }

    /** {@code type Name[params] = value} (type parameters are not modelled). */
    record TypeAlias(String name, Expr value, Span span) implements Stmt {}

    /** Python 2 {@code print x, y} ({@code print >>f, x}: the first value is {@code f}). */
    record Print(List<Expr> values, Span span) implements Stmt {
        public Print {
            values = List.copyOf(values);
        }
    }

    /** Python 2 {@code exec code [in globals[, locals]]}; {@code globals}, {@code locals} nullable. */
    record Exec(Expr body, Expr globals, Expr locals, Span span) implements Stmt {}

    /**
     * A cell magic {@code %%name argsText\nbodyText}. {@code parsedBody} is the body parsed as Python (positions
     * relative to the cell) for the magics that run Python ({@code time}, {@code timeit}, {@code capture},
     * {@code prun}), null otherwise.
     */
    record CellMagic(String name, String argsText, String bodyText, Module parsedBody, Span span) implements Stmt {}

    /** IPython introspection {@code obj?} / {@code obj??}; {@code text} is the source of the line. */
    record ObjectInfo(String text, Span span) implements Stmt {}

    /** Fallback for a statement the converter does not model; nothing is lost. */
    record Other(String kind, List<Node> children, Span span) implements Stmt {
        public Other {
            children = List.copyOf(children);
        }
    }
}
