package dev.nb2prod.python.names;

import dev.nb2prod.python.SyntaxError;
import dev.nb2prod.python.ast.Span;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one cell does with names when it runs (see {@link NameAnalyzer} for the exact contract).
 *
 * @param defines          names bound at module level
 * @param uses             names read before the cell binds them (builtins and IPython names excluded)
 * @param mutates          module-level names changed in place
 * @param deletes          module-level names removed by {@code del name}
 * @param starImport       true when the cell runs {@code from m import *}
 * @param starModules      the modules star-imported ({@code "."} prefixes kept for relative imports)
 * @param firstDefinition  span of the first binding of each defined name
 * @param firstUse         span of the first read of each used name
 * @param firstMutation    span of the first in-place change of each mutated name
 * @param imports          every import of the cell, in source order
 * @param functions        the module-level functions, in source order
 * @param syntaxError      the parse error when the cell does not parse (then everything else is empty), or null
 */
public record CellNames(SortedSet<String> defines, SortedSet<String> uses, SortedSet<String> mutates,
                        SortedSet<String> deletes, boolean starImport, SortedSet<String> starModules,
                        SortedMap<String, Span> firstDefinition, SortedMap<String, Span> firstUse,
                        SortedMap<String, Span> firstMutation, List<ImportInfo> imports,
                        List<FunctionInfo> functions, SyntaxError syntaxError) {

    public CellNames {
        defines = sorted(defines);
        uses = sorted(uses);
        mutates = sorted(mutates);
        deletes = sorted(deletes);
        starModules = sorted(starModules);
        firstDefinition = sorted(firstDefinition);
        firstUse = sorted(firstUse);
        firstMutation = sorted(firstMutation);
        imports = List.copyOf(imports);
        functions = List.copyOf(functions);
    }

    /** The names of a cell that does not parse: none, with its error. */
    public static CellNames failed(SyntaxError error) {
        return new CellNames(Collections.emptySortedSet(), Collections.emptySortedSet(), Collections.emptySortedSet(),
                Collections.emptySortedSet(), false, Collections.emptySortedSet(), Collections.emptySortedMap(),
                Collections.emptySortedMap(), Collections.emptySortedMap(), List.of(), List.of(), error);
    }

    public boolean parsed() {
        return syntaxError == null;
    }

    private static SortedSet<String> sorted(java.util.Set<String> s) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(s));
    }

    private static SortedMap<String, Span> sorted(Map<String, Span> m) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(m));
    }
}
