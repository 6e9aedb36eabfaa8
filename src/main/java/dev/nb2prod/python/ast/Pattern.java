package dev.nb2prod.python.ast;

import java.util.List;

/** Patterns of the {@code match} statement, modelled on CPython's {@code ast.pattern}. */
public sealed interface Pattern extends Node {

    /** {@code case x:} binds {@code x}. */
    record Capture(String name, Span span) implements Pattern {}

    /** {@code case _:}. */
    record Wildcard(Span span) implements Pattern {}

    /** {@code case Color.RED:} (a dotted name, read). */
    record Value(Expr value, Span span) implements Pattern {}

    /** {@code case 1:}, {@code case "a":}, {@code case None:}, {@code case -1:}. */
    record Literal(Expr value, Span span) implements Pattern {}

    /** {@code case [a, *rest]:} or {@code case (a, b):}. */
    record Sequence(List<Pattern> patterns, Span span) implements Pattern {
        public Sequence {
            patterns = List.copyOf(patterns);
        }
    }

    /** {@code *name} in a sequence pattern; {@code name} null for {@code *_}. */
    record Star(String name, Span span) implements Pattern {}

    /** {@code {key: pattern, **rest}}; {@code rest} nullable. */
    record Mapping(List<Pattern> keys, List<Pattern> patterns, String rest, Span span) implements Pattern {
        public Mapping {
            keys = List.copyOf(keys);
            patterns = List.copyOf(patterns);
        }
    }

    /** {@code case Point(x, y=0):}; keyword arguments are {@link Keyword} patterns in {@code arguments}. */
    record ClassPattern(Expr cls, List<Pattern> arguments, Span span) implements Pattern {
        public ClassPattern {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code attr=pattern} inside a class pattern. */
    record Keyword(String attr, Pattern pattern, Span span) implements Pattern {}

    /** {@code pattern as name}. */
    record As(Pattern pattern, String name, Span span) implements Pattern {}

    record Or(List<Pattern> patterns, Span span) implements Pattern {
        public Or {
            patterns = List.copyOf(patterns);
        }
    }

    /** {@code (pattern)}. */
    record Group(Pattern pattern, Span span) implements Pattern {}

    /** Fallback for a pattern the converter does not model. */
    record Other(String kind, List<Node> children, Span span) implements Pattern {
        public Other {
            children = List.copyOf(children);
        }
    }
}
