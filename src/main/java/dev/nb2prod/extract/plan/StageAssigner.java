package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.Stage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Decides the stage of every unit, statement by statement rather than cell by cell: reads go to ingestion, fits to
 * training, drawing and styling to reporting, and so on by what the code does ({@link StageClassifier}), the cell's
 * heading deciding between stages the code shows; a statement that shows nothing (an assignment of a list, a log
 * line) takes the stage of its neighbours in the cell. A short run (at most {@value #SHORT_RUN} statements) of
 * another stage between two runs of the same stage joins them.
 */
public final class StageAssigner {
    static final int SHORT_RUN = 2;

    private StageAssigner() {}

    public static List<Unit> assign(List<Unit> units) {
        List<Unit> out = new ArrayList<>();
        Stage previousCell = null;
        int start = 0;
        while (start < units.size()) {
            int end = start;
            while (end < units.size() && units.get(end).cell() == units.get(start).cell()) {
                end++;
            }
            List<Unit> cell = units.subList(start, end);
            List<Stage> stages = cellStages(cell, previousCell);
            trainingSections(cell, stages);
            smooth(cell, stages);
            towardsHeading(cell, stages);
            for (int i = 0; i < cell.size(); i++) {
                out.add(cell.get(i).withStage(stages.get(i)));
            }
            previousCell = stages.get(stages.size() - 1);
            start = end;
        }
        return out;
    }

    private static List<Stage> cellStages(List<Unit> cell, Stage previousCell) {
        List<Stage> own = new ArrayList<>();
        for (Unit u : cell) {
            own.add(own(u).orElse(null));
        }
        Optional<Stage> hint = hint(cell.get(0));
        List<Stage> stages = new ArrayList<>(own);
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) != null) {
                continue;
            }
            Stage found = null;
            for (int j = i - 1; j >= 0 && found == null; j--) {
                found = own.get(j);
            }
            for (int j = i + 1; j < own.size() && found == null; j++) {
                found = own.get(j);
            }
            if (found == null) {
                // a cell after the one that reads the data, doing something else with it, is preparing it
                Stage after = previousCell == Stage.INGESTION ? Stage.PREPROCESSING : previousCell;
                found = hint.orElse(previousCell == null ? Stage.INGESTION : after);
            }
            stages.set(i, found);
        }
        return stages;
    }

    /** The stage a unit's own code shows, if any. */
    private static Optional<Stage> own(Unit u) {
        return switch (u.kind()) {
            case DRAWING, STYLE -> Optional.of(Stage.REPORTING);
            case DEFINITION, SEED -> Optional.empty();
            case CODE -> {
                EnumSet<Stage> signals = u.signals();
                if (signals.isEmpty()) {
                    yield Optional.empty();
                }
                Optional<Stage> hint = hint(u);
                if (hint.isPresent() && signals.contains(hint.get())) {
                    yield hint;
                }
                EnumSet<Stage> candidates = EnumSet.copyOf(signals);
                if (candidates.size() > 1 && !candidates.contains(Stage.INGESTION)) {
                    candidates.remove(Stage.REPORTING);
                }
                if (candidates.contains(Stage.INGESTION)) {
                    yield Optional.of(Stage.INGESTION);
                }
                List<Stage> list = List.copyOf(candidates);
                yield Optional.of(list.get(list.size() - 1));
            }
        };
    }

    /** The stage the unit's section comment, else its cell's heading, hints at. */
    private static Optional<Stage> hint(Unit u) {
        Optional<Stage> sub = StageClassifier.hint(u.subheading());
        return sub.isPresent() ? sub : StageClassifier.hint(u.section() == null ? null : u.section().text());
    }

    /**
     * In a section of a cell that fits a model ({@code # ---- baseline: logistic regression ----}), the data
     * preparation before the fit (scaling, encoding) belongs to training that model.
     */
    private static void trainingSections(List<Unit> cell, List<Stage> stages) {
        int i = 0;
        while (i < cell.size()) {
            String section = cell.get(i).subheading();
            int j = i;
            while (j < cell.size() && java.util.Objects.equals(cell.get(j).subheading(), section)) {
                j++;
            }
            int firstTraining = -1;
            for (int k = i; k < j && section != null; k++) {
                if (stages.get(k) == Stage.TRAINING) {
                    firstTraining = k;
                    break;
                }
            }
            for (int k = i; k < firstTraining; k++) {
                Stage s = stages.get(k);
                if (cell.get(k).kind() == Unit.Kind.CODE && (s == Stage.FEATURES || s == Stage.PREPROCESSING)) {
                    stages.set(k, Stage.TRAINING);
                }
            }
            i = j;
        }
    }

    /**
     * A short run of code units at the start or the end of a cell takes the stage its heading names when the rest
     * of the cell has that stage: in a "Report" cell, the dict of numbers built for the report is reporting.
     */
    private static void towardsHeading(List<Unit> cell, List<Stage> stages) {
        Optional<Stage> hint = StageClassifier.hint(cell.get(0).section() == null ? null : cell.get(0).section().text());
        if (hint.isEmpty()) {
            return;
        }
        int first = 0;
        while (first < stages.size() && stages.get(first) == stages.get(0)) {
            first++;
        }
        if (first < stages.size() && first <= SHORT_RUN && stages.get(first) == hint.get()
            && cell.subList(0, first).stream().allMatch(u -> u.kind() == Unit.Kind.CODE && weak(u))) {
            for (int k = 0; k < first; k++) {
                stages.set(k, hint.get());
            }
        }
        int last = stages.size() - 1;
        while (last >= 0 && stages.get(last) == stages.get(stages.size() - 1)) {
            last--;
        }
        if (last >= 0 && stages.size() - 1 - last <= SHORT_RUN && stages.get(last) == hint.get()
            && cell.subList(last + 1, stages.size()).stream().allMatch(u -> u.kind() == Unit.Kind.CODE && weak(u))) {
            for (int k = last + 1; k < stages.size(); k++) {
                stages.set(k, hint.get());
            }
        }
    }

    /** A unit whose code reads, writes and fits nothing. */
    private static boolean weak(Unit u) {
        return !u.signals().contains(Stage.INGESTION) && !u.signals().contains(Stage.TRAINING)
            && !u.signals().contains(Stage.REPORTING);
    }

    /** A run of at most {@link #SHORT_RUN} code units between two runs of one stage takes that stage. */
    private static void smooth(List<Unit> cell, List<Stage> stages) {
        int i = 0;
        while (i < stages.size()) {
            int j = i;
            while (j < stages.size() && stages.get(j) == stages.get(i)) {
                j++;
            }
            boolean inner = i > 0 && j < stages.size() && stages.get(i - 1) == stages.get(j);
            boolean code = cell.subList(i, j).stream().allMatch(u -> u.kind() == Unit.Kind.CODE
                && !u.signals().contains(Stage.INGESTION) && !u.signals().contains(Stage.TRAINING));
            if (inner && j - i <= SHORT_RUN && code && stages.get(j) != Stage.REPORTING) {
                for (int k = i; k < j; k++) {
                    stages.set(k, stages.get(j));
                }
            }
            i = j;
        }
    }
}
