package dev.nb2prod.python.names;

import dev.nb2prod.python.BigStack;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.SyntaxError;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Span;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Map;

/**
 * Computes what a cell defines, uses and mutates at module level. Agrees with the project's CPython reference
 * ({@code src/test/resources/conformance/cell_names.py} on main) on every analysed corpus cell. Contract:
 * <ul>
 * <li><b>defines</b>: names bound at module level while the cell runs: (augmented, annotated-with-value)
 *     assignment targets incl. unpacking; {@code for} and {@code with ... as} targets; imports ({@code import a.b}
 *     binds {@code a}); {@code def}/{@code class} names; walrus targets (inside comprehensions they bind in the
 *     nearest function or module scope); match captures; {@code x = !cmd}, {@code x = %magic}. Not
 *     {@code except E as e}, not {@code del}, not names bound in function bodies (even {@code global}: they run
 *     only when called), comprehension variables, class-body names.</li>
 * <li><b>uses</b>: names read before the cell binds them, in statement order, builtins and IPython names
 *     excluded ({@link KnownNames}). Branches and loops are read as straight-line code in source order: a name
 *     bound in an {@code if} branch counts as bound for everything after it, {@code else} included; an
 *     {@code except ... as e} name stays bound after its handler. Within an expression, CPython's evaluation
 *     order (conditional: test, body, orelse; call: function, positional, keyword arguments). Free names of
 *     function and lambda bodies count unless the cell defines the name anywhere; decorators, defaults and
 *     annotations are read at definition time; class bodies are read at once, their names invisible to methods
 *     and comprehensions; a comprehension's first iterable is read outside it. Code of {@code %time},
 *     {@code %timeit}, {@code %prun} (options skipped) and the body of cells starting with {@code %%time},
 *     {@code %%timeit}, {@code %%capture}, {@code %%prun} is analysed as cell code (magic arguments such as
 *     {@code %%capture}'s variable are ignored); {@code x = %time code} binds {@code x} without reading the code;
 *     other magics, shell lines and {@code obj?} read nothing. IPython's auto-call escapes read what the calls
 *     IPython makes of them read ({@code /f a b} reads f, a, b; {@code ;f a b} and {@code ,f a b} read f).
 *     {@code del x} reads {@code x}.</li>
 * <li><b>mutates</b>: module-level names changed in place by code that runs with the cell (module level, class
 *     bodies and comprehensions there, not function bodies): subscript/attribute assignment, augmented
 *     assignment and deletion, and the calls of {@link MutatingMethods}; the root name of the receiver counts.
 *     Names the cell defines can be mutated too. Names bound by an import of the cell, conventional module
 *     aliases ({@code np}, {@code pd} ...) and builtin/IPython names are never mutated (changing a module is
 *     not a change of the notebook's data).</li>
 * <li><b>deletes</b>: names removed by {@code del name} at module level (they stay in defines if bound before).</li>
 * <li>{@code from m import *} at module level sets {@code starImport}.</li>
 * <li>A cell that does not parse carries its error and no names.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class NameAnalyzer {

    public CellNames analyze(ParsedCell cell) {
        return switch (cell) {
            case ParsedCell.Parsed p -> analyze(p.module());
            case ParsedCell.Failed f -> CellNames.failed(f.error());
        };
    }

    /**
     * Names of a parsed cell. A cell nested too deeply for the analysis (thousands of levels) is reported like a
     * syntax error at line 1 rather than failing.
     */
    public CellNames analyze(Module module) {
        return BigStack.call("nb2prod-name-analyzer", () -> analyzeModule(module),
                () -> CellNames.failed(new SyntaxError("too deeply nested to analyse", 1, 1)));
    }

    private CellNames analyzeModule(Module module) {
        Scope.ModuleScope scope = new Scope.ModuleScope();
        NameWalker walker = new NameWalker();
        walker.stmts(module.body(), scope);
        Map<String, Span> uses = scope.allUses();
        Map<String, Span> mutates = scope.mutates;
        return new CellNames(new TreeSet<>(scope.defines.keySet()), new TreeSet<>(uses.keySet()),
                new TreeSet<>(mutates.keySet()), new TreeSet<>(scope.deletes), scope.star,
                new TreeSet<>(scope.starModules), new TreeMap<>(scope.defines), new TreeMap<>(uses),
                new TreeMap<>(mutates), walker.imports, walker.functions, null);
    }
}
