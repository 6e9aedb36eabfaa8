package dev.nb2prod.graph;

import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.names.CellNames;
import dev.nb2prod.python.names.ImportInfo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves dotted callee names to the modules they come from, through the notebook's imports:
 * {@code plt.rcParams} gives {@code matplotlib.pyplot.rcParams} after {@code import matplotlib.pyplot as plt},
 * {@code filterwarnings} gives {@code warnings.filterwarnings} after {@code from warnings import filterwarnings}.
 * The conventional aliases ({@code np}, {@code pd}, {@code plt}...) resolve even when no cell imports them (star
 * imports, {@code %pylab}), unless a cell binds the name to something else.
 */
public final class QualifiedNames {
    private static final Map<String, String> CONVENTIONS = Map.of(
        "np", "numpy", "pd", "pandas", "plt", "matplotlib.pyplot", "sns", "seaborn", "mpl", "matplotlib",
        "tf", "tensorflow");

    private final Map<String, String> aliases;
    private final Set<String> otherBindings;

    private QualifiedNames(Map<String, String> aliases, Set<String> otherBindings) {
        this.aliases = aliases;
        this.otherBindings = otherBindings;
    }

    /** The import aliases of every code cell of the notebook (the first import of a name wins). */
    public static QualifiedNames of(AnalyzedNotebook analyzed) {
        Map<String, String> aliases = new HashMap<>();
        Set<String> bound = new HashSet<>();
        for (CellNames names : analyzed.cellNames().values()) {
            for (ImportInfo i : names.imports()) {
                if (i.star() || i.level() > 0 || i.module() == null || i.boundName() == null) {
                    continue;
                }
                String target;
                if (i.name() != null) {
                    target = i.module() + "." + i.name();
                } else if (i.module().startsWith(i.boundName() + ".")) {
                    target = i.boundName();
                } else {
                    target = i.module();
                }
                aliases.putIfAbsent(i.boundName(), target);
            }
            bound.addAll(names.defines());
        }
        bound.removeAll(aliases.keySet());
        return new QualifiedNames(Map.copyOf(aliases), Set.copyOf(bound));
    }

    /**
     * The qualified name of a name or attribute chain, e.g. {@code numpy.random.seed}; empty when the chain does
     * not start at a plain name or its root is a variable of the notebook (not a module).
     */
    public Optional<String> qualify(Expr expr) {
        Optional<String> dotted = Dotted.name(expr);
        if (dotted.isEmpty()) {
            return Optional.empty();
        }
        String name = dotted.get();
        int dot = name.indexOf('.');
        String root = dot < 0 ? name : name.substring(0, dot);
        String rest = dot < 0 ? "" : name.substring(dot);
        String module = aliases.get(root);
        if (module != null) {
            return Optional.of(module + rest);
        }
        if (otherBindings.contains(root)) {
            return Optional.empty();
        }
        return Optional.of(CONVENTIONS.getOrDefault(root, root) + rest);
    }

    /** True when the name is bound by an import somewhere in the notebook. */
    public boolean isImported(String name) {
        return aliases.containsKey(name);
    }
}
