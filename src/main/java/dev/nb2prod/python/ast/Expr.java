package dev.nb2prod.python.ast;

import java.util.List;

/**
 * Expressions, modelled on CPython's {@code ast.expr}. Operators are kept as their Python source text
 * ({@code "+"}, {@code "and"}, {@code "not in"}, {@code "is not"}, {@code "not"}, {@code "-"} ...).
 * Parentheses are not nodes. Nullable fields are marked.
 */
public sealed interface Expr extends Node {

    record Name(String id, Span span) implements Expr {}

    record Attribute(Expr value, String attr, Span span) implements Expr {}

    /** {@code value[slice]}; several subscripts ({@code a[1, 2:3]}) give a {@link TupleExpr} slice. */
    record Subscript(Expr value, Expr slice, Span span) implements Expr {}

    /** {@code lower:upper:step}, all nullable. */
    record Slice(Expr lower, Expr upper, Expr step, Span span) implements Expr {}

    record Call(Expr func, List<Arg> args, Span span) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        /** The value of keyword argument {@code name}, or null. */
        public Expr keyword(String name) {
            for (Arg a : args) {
                if (a.kind() == Arg.Kind.KEYWORD && name.equals(a.keyword())) {
                    return a.value();
                }
            }
            return null;
        }
    }

    /** Literal constants. */
    sealed interface Constant extends Expr {}

    /** A number literal with its source text ({@code "1_000"}, {@code "0x1F"}, {@code "3j"}, {@code "10L"}). */
    record Num(String text, Span span) implements Constant {}

    /**
     * A string or bytes literal (implicit concatenation joined). {@code value} is the text between the quotes
     * (escape sequences are kept as written), {@code prefix} the prefix of the first part, lower-cased
     * ({@code ""}, {@code "r"}, {@code "b"}, {@code "u"}, {@code "rb"} ...).
     */
    record Str(String value, String prefix, Span span) implements Constant {}

    /**
     * An f-string (or a concatenation containing one). {@code text} is the literal source text of the parts
     * without quotes; {@code values} are the embedded expressions in source order (including those of
     * nested format specs).
     */
    record FString(String text, List<Expr> values, Span span) implements Constant {
        public FString {
            values = List.copyOf(values);
        }
    }

    record BoolLit(boolean value, Span span) implements Constant {}

    record NoneLit(Span span) implements Constant {}

    record EllipsisLit(Span span) implements Constant {}

    record BinOp(Expr left, String op, Expr right, Span span) implements Expr {}

    /** {@code a and b and c} is one node with three values. */
    record BoolOp(String op, List<Expr> values, Span span) implements Expr {
        public BoolOp {
            values = List.copyOf(values);
        }
    }

    /** {@code a < b <= c}: left {@code a}, ops {@code [<, <=]}, comparators {@code [b, c]}. */
    record Compare(Expr left, List<String> ops, List<Expr> comparators, Span span) implements Expr {
        public Compare {
            ops = List.copyOf(ops);
            comparators = List.copyOf(comparators);
        }
    }

    /** op is {@code "not"}, {@code "-"}, {@code "+"} or {@code "~"}. */
    record UnaryOp(String op, Expr operand, Span span) implements Expr {}

    record Lambda(List<Param> params, Expr body, Span span) implements Expr {
        public Lambda {
            params = List.copyOf(params);
        }
    }

    /** {@code body if test else orelse}. */
    record IfExp(Expr test, Expr body, Expr orelse, Span span) implements Expr {}

    record ListExpr(List<Expr> elts, Span span) implements Expr {
        public ListExpr {
            elts = List.copyOf(elts);
        }
    }

    record TupleExpr(List<Expr> elts, Span span) implements Expr {
        public TupleExpr {
            elts = List.copyOf(elts);
        }
    }

    record SetExpr(List<Expr> elts, Span span) implements Expr {
        public SetExpr {
            elts = List.copyOf(elts);
        }
    }

    record DictExpr(List<DictItem> items, Span span) implements Expr {
        public DictExpr {
            items = List.copyOf(items);
        }
    }

    record ListComp(Expr elt, List<Comprehension> generators, Span span) implements Expr {
        public ListComp {
            generators = List.copyOf(generators);
        }
    }

    record SetComp(Expr elt, List<Comprehension> generators, Span span) implements Expr {
        public SetComp {
            generators = List.copyOf(generators);
        }
    }

    record GeneratorExp(Expr elt, List<Comprehension> generators, Span span) implements Expr {
        public GeneratorExp {
            generators = List.copyOf(generators);
        }
    }

    record DictComp(Expr key, Expr value, List<Comprehension> generators, Span span) implements Expr {
        public DictComp {
            generators = List.copyOf(generators);
        }
    }

    /** {@code *value} in a target, a display or a subscript. */
    record Starred(Expr value, Span span) implements Expr {}

    record Await(Expr value, Span span) implements Expr {}

    /** {@code value} nullable. */
    record Yield(Expr value, Span span) implements Expr {}

    record YieldFrom(Expr value, Span span) implements Expr {}

    /** The walrus {@code target := value}. */
    record NamedExpr(Name target, Expr value, Span span) implements Expr {}

    /** Python 2 backticks. */
    record Repr(Expr value, Span span) implements Expr {}

    /**
     * An IPython line magic ({@code %name args}) or shell escape ({@code !cmd args}: name is the first word of
     * the command, argsText the rest). {@code parsedArgs} is the argument text parsed as Python for
     * {@code %time}, {@code %timeit} (options skipped) and {@code %prun} (options skipped), null otherwise.
     */
    record Magic(MagicKind kind, String name, String argsText, Module parsedArgs, Span span) implements Expr {}

    enum MagicKind { LINE, SHELL }

    /** Fallback for an expression the converter does not model; nothing is lost. */
    record Other(String kind, List<Node> children, Span span) implements Expr {
        public Other {
            children = List.copyOf(children);
        }
    }
}
