package dev.nb2prod.rules.state;

import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.names.CellNames;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * NB101: a module-level name whose value is changed by several cells (rebound from its own value, or changed
 * in place), so what it holds depends on which cells ran, how often and in what order.
 */
final class GlobalMutableStateRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB101", "global-mutable-state", Family.STATE, Severity.WARNING,
        "A variable is defined in one cell and then rebound from its own value or changed in place by other cells "
            + "(in `min-cells` cells or more, default 3).",
        """
        When `df` is loaded in one cell and reshaped by five others, its value at any point depends on which
        cells ran, in which order and how many times. Nobody can tell what a later cell receives, and the
        extracted code has one mutable global instead of a pipeline of steps. Imports, functions and classes
        are not counted; a cell that binds the name afresh (without reading it) is not a change of state.
        Option: `min-cells`.
        """,
        """
        df = pd.read_csv("sales.csv")        # cell 1
        df = df.dropna()                     # cell 2
        df["margin"] = df.price - df.cost    # cell 3
        """,
        """
        raw = pd.read_csv("sales.csv")
        clean = raw.dropna()
        sales = clean.assign(margin=clean.price - clean.cost)
        """,
        "`nb2prod extract` turns each changing cell into a function that takes the value and returns the new one.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        int minCells = context.option("min-cells", 3);
        Set<String> tools = NotebookNames.tools(context.analyzed());
        Map<String, List<Integer>> current = new LinkedHashMap<>();
        List<Map.Entry<String, List<Integer>>> chains = new ArrayList<>();
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            CellNames names = context.analyzed().names(cell.index());
            for (String name : names.uses()) {
                boolean changes = current.containsKey(name)
                    && (names.defines().contains(name)
                        || (names.mutates().contains(name) && !NotebookNames.onlyTrained(cell.module(), name)));
                if (changes) {
                    current.get(name).add(cell.index());
                }
            }
            for (String name : names.defines()) {
                boolean fresh = !names.uses().contains(name);
                if (fresh && !tools.contains(name)) {
                    // a fresh binding starts a new value: the changes of the old one end here
                    List<Integer> chain = new ArrayList<>(List.of(cell.index()));
                    current.put(name, chain);
                    chains.add(Map.entry(name, chain));
                }
            }
        }
        Set<String> reported = new java.util.HashSet<>();
        chains.forEach(entry -> {
            String name = entry.getKey();
            List<Integer> cells = entry.getValue();
            if (cells.size() < Math.max(2, minCells) || !reported.add(name)) {
                return;
            }
            int first = cells.get(1);
            CellNames names = context.analyzed().names(first);
            Span span = earliest(names.firstDefinition().get(name), names.firstMutation().get(name));
            String list = cells.subList(1, cells.size()).stream().map(i -> String.valueOf(i + 1))
                .collect(Collectors.joining(", "));
            context.report(first, span, "'" + name + "' is defined in " + NotebookNames.label(cells.get(0))
                + " and then changed by " + (cells.size() - 1) + " other cells (" + list + "): its value depends on "
                + "which of them ran and how often; give each step its own name or function");
        });
    }

    private static Span earliest(Span a, Span b) {
        if (a == null) {
            return b == null ? Span.NONE : b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }
}
