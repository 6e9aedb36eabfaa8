package dev.nb2prod.verify;

import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.Terminal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names whose values the notebook run captures: the terminal values of the cell graph (imports, functions
 * and classes are already left out by the graph), minus private names and the usual figure and axes names.
 * The helper also recognises figures, axes and modules by their type, so a figure under another name is
 * compared by existence only.
 */
final class TerminalNames {
    private static final Pattern FIGURE = Pattern.compile("(fig|figure|ax|axs|axes)(_?\\w*\\d+|_\\w+)?");

    private TerminalNames() {}

    static List<String> of(CellGraph graph) {
        Set<String> names = new LinkedHashSet<>();
        for (Terminal terminal : graph.terminals()) {
            if (isCaptured(terminal.name())) {
                names.add(terminal.name());
            }
        }
        return List.copyOf(names);
    }

    static boolean isCaptured(String name) {
        return !name.startsWith("_") && !FIGURE.matcher(name).matches();
    }
}
