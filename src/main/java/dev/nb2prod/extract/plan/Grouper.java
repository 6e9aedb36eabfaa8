package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Cuts the staged units into groups, one step function each: consecutive units of one stage under one heading (and
 * one section comment) stay together up to {@value #MAX_GROUP_LINES} lines; the drawing code of a cell whose figure
 * the package saves is one group of its own (with the statements before it that only prepare the figure's data);
 * style settings are a group of their own. Drawing code whose figure is not saved is dropped, unless it writes a file
 * or computes something later code reads.
 */
public final class Grouper {
    static final int MAX_GROUP_LINES = 80;

    private Grouper() {}

    /**
     * The groups and the notes about dropped drawing code.
     */
    public record Grouped(List<Group> groups, List<String> notes) {
        public Grouped {
            groups = List.copyOf(groups);
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param units the staged units, in notebook order
     * @param figureCells the cells whose figure the package saves
     */
    public static Grouped group(List<Unit> units, Set<Integer> figureCells) {
        List<String> notes = new ArrayList<>();
        List<Unit> kept = dropUnsavedDrawing(units, figureCells, notes);
        List<Group> groups = new ArrayList<>();
        List<Unit> current = new ArrayList<>();
        int i = 0;
        while (i < kept.size()) {
            Unit u = kept.get(i);
            if (figureCells.contains(u.cell()) && u.kind() == Unit.Kind.DRAWING || startsFigure(kept, i, figureCells)) {
                int end = figureEnd(kept, i);
                close(groups, current);
                current = new ArrayList<>();
                groups.add(new Group(kept.subList(i, end), Stage.REPORTING, u.cell()));
                i = end;
                continue;
            }
            if (!current.isEmpty() && !together(current, u)) {
                close(groups, current);
                current = new ArrayList<>();
            }
            current.add(u);
            i++;
        }
        close(groups, current);
        return new Grouped(groups, notes);
    }

    private static void close(List<Group> groups, List<Unit> units) {
        if (!units.isEmpty()) {
            groups.add(new Group(units, units.get(0).stage(), -1));
        }
    }

    private static boolean together(List<Unit> current, Unit next) {
        Unit first = current.get(0);
        Unit last = current.get(current.size() - 1);
        if (special(first) != special(next) || first.stage() != next.stage()
            || !Objects.equals(first.section(), next.section())
            || !Objects.equals(last.subheading(), next.subheading())) {
            return false;
        }
        int lines = current.stream().mapToInt(u -> (int) u.text().lines().count()).sum();
        return lines + next.text().lines().count() <= MAX_GROUP_LINES;
    }

    /** Style settings and seeding are steps of their own: the kind that keeps them apart, or null. */
    private static Unit.Kind special(Unit u) {
        return u.kind() == Unit.Kind.STYLE || u.kind() == Unit.Kind.SEED ? u.kind() : null;
    }

    /**
     * True when the unit at {@code i} is a code unit of a figure cell that only prepares the figure: it and the
     * units after it up to the cell's first drawing unit define names that only the figure's code reads.
     */
    private static boolean startsFigure(List<Unit> units, int i, Set<Integer> figureCells) {
        Unit u = units.get(i);
        if (!figureCells.contains(u.cell()) || u.kind() != Unit.Kind.CODE) {
            return false;
        }
        int firstDrawing = -1;
        for (int j = i; j < units.size() && units.get(j).cell() == u.cell(); j++) {
            if (units.get(j).kind() == Unit.Kind.DRAWING) {
                firstDrawing = j;
                break;
            }
            if (units.get(j).kind() != Unit.Kind.CODE) {
                return false;
            }
        }
        if (firstDrawing < 0) {
            return false;
        }
        int end = figureEnd(units, firstDrawing);
        Set<String> prepared = new HashSet<>();
        for (int j = i; j < firstDrawing; j++) {
            prepared.addAll(units.get(j).names().defines());
            prepared.addAll(units.get(j).names().mutates());
        }
        for (int j = end; j < units.size(); j++) {
            Unit later = units.get(j);
            if (later.names().uses().stream().anyMatch(prepared::contains)
                || later.names().mutates().stream().anyMatch(prepared::contains)) {
                return false;
            }
        }
        return !prepared.isEmpty();
    }

    /** The index after the last drawing unit of the cell of the unit at {@code i}. */
    private static int figureEnd(List<Unit> units, int i) {
        int cell = units.get(i).cell();
        int end = i + 1;
        for (int j = i; j < units.size() && units.get(j).cell() == cell; j++) {
            if (units.get(j).kind() == Unit.Kind.DRAWING) {
                end = j + 1;
            }
        }
        return end;
    }

    /**
     * Drops drawing units of cells whose figure is not saved (figures dropped, or no figure shown): kept only when
     * they write a file or define something later units read.
     */
    private static List<Unit> dropUnsavedDrawing(List<Unit> units, Set<Integer> figureCells, List<String> notes) {
        List<Unit> out = new ArrayList<>();
        Set<Integer> noted = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            boolean style = u.kind() == Unit.Kind.STYLE && !figureCells.isEmpty();
            boolean drawing = u.kind() == Unit.Kind.DRAWING || u.kind() == Unit.Kind.STYLE;
            if (!drawing || style || figureCells.contains(u.cell()) || u.signals().contains(Stage.REPORTING)
                && u.kind() == Unit.Kind.DRAWING && writesFile(u) || readLater(units, i)) {
                out.add(u);
            } else if (noted.add(u.cell())) {
                notes.add("cell " + (u.cell() + 1) + ": its drawing code was dropped (no figure of it is saved)");
            }
        }
        return out;
    }

    private static boolean writesFile(Unit u) {
        return u.text().contains("savefig") || u.text().contains("write_image") || u.text().contains("write_html");
    }

    private static boolean readLater(List<Unit> units, int i) {
        Set<String> defined = new HashSet<>(units.get(i).names().defines());
        if (defined.isEmpty()) {
            return false;
        }
        for (int j = i + 1; j < units.size(); j++) {
            Unit later = units.get(j);
            if (later.names().uses().stream().anyMatch(defined::contains)
                || later.names().mutates().stream().anyMatch(defined::contains)) {
                return true;
            }
        }
        return false;
    }
}
