package dev.nb2prod.python.names;

import dev.nb2prod.python.ast.Span;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A function defined at module level of a cell (also inside module-level if/try/with), with the module-level
 * names its body (and nested functions) reads, assigns through {@code global}, and mutates in place; builtins
 * and IPython names excluded. {@code span} is the {@code def} statement.
 */
public record FunctionInfo(String name, Span span, SortedSet<String> reads, SortedSet<String> globalWrites,
                           SortedSet<String> mutates) {

    public FunctionInfo {
        reads = Collections.unmodifiableSortedSet(new TreeSet<>(reads));
        globalWrites = Collections.unmodifiableSortedSet(new TreeSet<>(globalWrites));
        mutates = Collections.unmodifiableSortedSet(new TreeSet<>(mutates));
    }
}
