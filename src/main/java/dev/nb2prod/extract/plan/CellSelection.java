package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.ExtractionPlan.DropReason;
import dev.nb2prod.extract.ExtractionRefused;
import dev.nb2prod.extract.PlanOptions;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.Result;
import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.CellNames;
import dev.nb2prod.python.names.FunctionInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The first pass of the planner: which code cells the package keeps, and for every other one a reason that can be
 * checked. A cell is kept when one of the notebook's results depends on it (the backward slice of the cell graph
 * from the cells that produce results), and dropped only as empty, magic-only, exploratory (no kept cell reads
 * what it defines), never-run and unparsable, or unparsable and dropped on request ({@code --drop-unparsed}). A
 * cell that ran but does not parse is never dropped silently: the plan is refused, naming it.
 */
public final class CellSelection {
    /** At most this many result cells are named in a kept cell's reason. */
    private static final int NAMED_RESULT_CELLS = 3;
    /** Beyond this many results, a kept cell's reason does not name the result cells (too costly to find). */
    private static final int TRACED_RESULTS = 2_000;

    private CellSelection() {}

    /**
     * The choice for one code cell.
     *
     * @param cell 0-based index
     * @param kept true when its code goes into the package
     * @param drop why it is dropped (null when kept)
     * @param reason the reason for a person
     */
    public record Choice(int cell, boolean kept, DropReason drop, String reason) {}

    /**
     * The selection.
     *
     * @param choices one per code cell, by index
     * @param results the results the package returns (figures left out with {@code --figures drop})
     * @param notes TODOs for the README
     */
    public record Selection(SortedMap<Integer, Choice> choices, List<Result> results, List<String> notes) {
        public Selection {
            choices = Collections.unmodifiableSortedMap(new TreeMap<>(choices));
            results = List.copyOf(results);
            notes = List.copyOf(notes);
        }

        /** The kept cells, ascending. */
        public SortedSet<Integer> kept() {
            return choices.values().stream().filter(Choice::kept).map(Choice::cell)
                .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    public static Selection select(AnalyzedNotebook analyzed, CellGraph graph, PlanOptions options)
        throws ExtractionRefused {
        List<Result> results = graph.results().stream()
            .filter(r -> options.figures() || !(r instanceof Result.Figure)).toList();
        SortedSet<Integer> parsedCode = new TreeSet<>();
        for (CodeCell cell : analyzed.notebook().codeCells()) {
            if (!cell.source().text().isBlank() && analyzed.parsed(cell.index()) instanceof ParsedCell.Parsed p
                && !magicOnly(p)) {
                parsedCode.add(cell.index());
            }
        }
        SortedSet<Integer> essential = new TreeSet<>(graph.slice(results.stream().map(Result::cell).toList()));
        essential.retainAll(parsedCode);
        closeOverFunctionReads(analyzed, graph, essential);
        Map<Integer, String> drawReasons = keepRandomStreams(analyzed, graph, parsedCode, essential);
        SortedSet<Integer> kept = options.keepExploratory() ? parsedCode : essential;
        Map<Integer, SortedSet<Integer>> feeds = results.size() <= TRACED_RESULTS ? feeds(graph, results, kept)
            : Map.of();
        Map<Integer, List<Result>> byCell = new HashMap<>();
        results.forEach(r -> byCell.computeIfAbsent(r.cell(), k -> new ArrayList<>()).add(r));

        SortedMap<Integer, Choice> choices = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        for (CodeCell cell : analyzed.notebook().codeCells()) {
            int i = cell.index();
            ParsedCell parsed = analyzed.parsed(i);
            boolean ran = cell.executionCount().isPresent() || !cell.outputs().isEmpty();
            if (cell.source().text().isBlank()) {
                choices.put(i, new Choice(i, false, DropReason.EMPTY, "empty"));
            } else if (parsed instanceof ParsedCell.Failed f) {
                String error = f.error().message() + ", line " + f.error().line();
                if (!ran) {
                    choices.put(i, new Choice(i, false, DropReason.UNPARSED_NEVER_RAN,
                        "does not parse (" + error + ") and never ran (no execution count, no outputs)"));
                } else if (options.dropUnparsed()) {
                    choices.put(i, new Choice(i, false, DropReason.UNPARSED_ON_REQUEST, "does not parse (" + error
                        + "): dropped on request (--drop-unparsed); what it defines and reads is unknown"));
                    notes.add("cell " + (i + 1) + " ran in the notebook but does not parse (" + error + "): it was "
                        + "dropped (--drop-unparsed); port its code by hand and check that nothing depended on it");
                } else {
                    throw new ExtractionRefused("cell " + (i + 1) + " ran in the notebook but does not parse ("
                        + error + "): nothing can be concluded about its names; fix it, or pass --drop-unparsed "
                        + "to extract without it");
                }
            } else if (!parsedCode.contains(i)) {
                choices.put(i, new Choice(i, false, DropReason.MAGIC_ONLY,
                    "magic-only: IPython commands (magics, shell escapes, help), no Python"));
            } else if (kept.contains(i)) {
                choices.put(i, new Choice(i, true, null, drawReasons.containsKey(i) ? drawReasons.get(i)
                    : keptReason(i, byCell, feeds, essential)));
            } else {
                choices.put(i, new Choice(i, false, DropReason.EXPLORATORY, exploratoryReason(analyzed.names(i))));
            }
        }
        return new Selection(choices, results, notes);
    }

    private static String keptReason(int cell, Map<Integer, List<Result>> byCell, Map<Integer, SortedSet<Integer>> feeds,
                                     Set<Integer> essential) {
        if (!essential.contains(cell)) {
            return "exploratory, kept on request (--keep-exploratory)";
        }
        List<String> parts = new ArrayList<>();
        List<Result> own = byCell.getOrDefault(cell, List.of());
        if (!own.isEmpty()) {
            parts.add("produces " + own.stream().limit(3).map(Result::describe).collect(Collectors.joining(", "))
                + (own.size() > 3 ? " and " + (own.size() - 3) + " more" : ""));
        }
        SortedSet<Integer> later = feeds.getOrDefault(cell, new TreeSet<>());
        later.remove(cell);
        if (!later.isEmpty()) {
            parts.add("the results of " + (later.size() == 1 ? "cell " : "cells ") + later.stream().limit(NAMED_RESULT_CELLS)
                .map(c -> String.valueOf(c + 1)).collect(Collectors.joining(", "))
                + (later.size() > NAMED_RESULT_CELLS ? " and more" : "") + " depend on it");
        }
        return parts.isEmpty() ? "essential: a result depends on it" : "essential: " + String.join("; ", parts);
    }

    private static String exploratoryReason(CellNames names) {
        if (names.defines().isEmpty() && names.mutates().isEmpty()) {
            return "exploratory: defines nothing and produces no result (it only shows or prints)";
        }
        Set<String> changed = new LinkedHashSet<>(names.defines());
        changed.addAll(names.mutates());
        String list = changed.stream().limit(4).collect(Collectors.joining(", "))
            + (changed.size() > 4 ? " and " + (changed.size() - 4) + " more" : "");
        return "exploratory: no result depends on it (no kept cell reads " + list + " from it)";
    }

    /** For each kept cell, the result cells whose slice contains it (at most a few, in order). */
    private static Map<Integer, SortedSet<Integer>> feeds(CellGraph graph, List<Result> results, Set<Integer> kept) {
        Map<Integer, SortedSet<Integer>> out = new HashMap<>();
        Set<Integer> resultCells = new TreeSet<>();
        results.forEach(r -> resultCells.add(r.cell()));
        for (int resultCell : resultCells) {
            for (int c : graph.slice(List.of(resultCell))) {
                if (kept.contains(c)) {
                    SortedSet<Integer> set = out.computeIfAbsent(c, k -> new TreeSet<>());
                    if (set.size() <= NAMED_RESULT_CELLS) {
                        set.add(resultCell);
                    }
                }
            }
        }
        return out;
    }

    /** True when every statement of the cell is an IPython command: a line or cell magic, a shell escape, help. */
    static boolean magicOnly(ParsedCell.Parsed parsed) {
        List<Stmt> body = parsed.module().body();
        if (body.isEmpty()) {
            return false;
        }
        for (Stmt s : body) {
            boolean magic = s instanceof Stmt.ObjectInfo
                || s instanceof Stmt.CellMagic m && m.parsedBody() == null
                || s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Magic mg && mg.parsedArgs() == null;
            if (!magic) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the cells that seed, or draw from, a global random generator the essential cells draw from, and what
     * those cells need, until nothing changes (see {@link RandomStreams}); returns the reason for each cell added
     * that way.
     */
    private static Map<Integer, String> keepRandomStreams(AnalyzedNotebook analyzed, CellGraph graph,
                                                          SortedSet<Integer> parsedCode, SortedSet<Integer> essential) {
        RandomStreams streams = new RandomStreams(analyzed, parsedCode);
        Map<Integer, String> reasons = new HashMap<>();
        for (SortedMap<Integer, String> needed = streams.needed(essential); !needed.isEmpty();
             needed = streams.needed(essential)) {
            needed.forEach(reasons::putIfAbsent);
            SortedSet<Integer> more = new TreeSet<>(graph.slice(needed.keySet()));
            more.retainAll(parsedCode);
            more.removeAll(essential);
            essential.addAll(needed.keySet());
            essential.addAll(more);
            closeOverFunctionReads(analyzed, graph, essential);
        }
        return reasons;
    }

    /**
     * Functions read globals when they are called, which the cell graph does not count as a dependency of the
     * defining cell: pull in the cells that define what the kept cells' functions read, and their dependencies.
     */
    private static void closeOverFunctionReads(AnalyzedNotebook analyzed, CellGraph graph, SortedSet<Integer> kept) {
        Map<Integer, List<Integer>> sources = new HashMap<>();
        graph.edges().forEach(e -> sources.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from()));
        Map<String, TreeSet<Integer>> definers = new HashMap<>();
        analyzed.cellNames().forEach((index, names) ->
            names.defines().forEach(name -> definers.computeIfAbsent(name, k -> new TreeSet<>()).add(index)));
        ArrayDeque<Integer> work = new ArrayDeque<>(kept);
        while (!work.isEmpty()) {
            int cell = work.pop();
            Set<Integer> needed = new TreeSet<>(sources.getOrDefault(cell, List.of()));
            for (FunctionInfo f : analyzed.names(cell).functions()) {
                for (String read : f.reads()) {
                    // a function reads globals when it is called, later: the definition above it, else the
                    // first one below it (a helper defined after the function that calls it)
                    TreeSet<Integer> cells = definers.get(read);
                    Integer definer = cells == null ? null : cells.floor(cell) != null ? cells.floor(cell)
                        : cells.ceiling(cell);
                    if (definer != null) {
                        needed.add(definer);
                    }
                }
            }
            for (int n : needed) {
                if (!kept.contains(n) && analyzed.parsed(n) instanceof ParsedCell.Parsed p && !magicOnly(p)) {
                    kept.add(n);
                    work.add(n);
                }
            }
        }
    }
}
