package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive units that become one step function.
 *
 * @param units the units, in notebook order
 * @param stage the stage (module) of the function
 * @param figure the 0-based index of the cell whose figure this group draws and saves, or -1
 */
public record Group(List<Unit> units, Stage stage, int figure) {
    public Group {
        units = List.copyOf(units);
    }

    public boolean draws() {
        return figure >= 0;
    }

    /** The cells the group's code comes from, ascending, without repeats. */
    public List<Integer> cells() {
        List<Integer> out = new ArrayList<>();
        units.forEach(u -> {
            if (!out.contains(u.cell())) {
                out.add(u.cell());
            }
        });
        return out;
    }

    /** The code of the units: one blank line between cells and where the notebook had one. */
    public String body() {
        StringBuilder out = new StringBuilder();
        Unit previous = null;
        for (Unit u : units) {
            if (previous != null) {
                out.append(previous.cell() != u.cell() || u.blankBefore() ? "\n\n" : "\n");
            }
            out.append(u.text());
            previous = u;
        }
        return out.toString();
    }

    /** The number of lines of the body. */
    public int lines() {
        return (int) body().lines().count();
    }

    /** The first unit's section heading text, or null. */
    public String heading() {
        Unit first = units.get(0);
        return first.section() == null ? null : first.section().text();
    }
}
