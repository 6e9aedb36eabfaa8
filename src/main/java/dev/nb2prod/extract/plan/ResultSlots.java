package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.ExtractionPlan.ResultKind;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.QualifiedNames;
import dev.nb2prod.graph.Result;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * Where each of the notebook's results is produced in the package and under which name it is returned. A value
 * the notebook holds in a variable keeps the variable's name when nothing changes it later; otherwise (the notebook
 * shows {@code df}, then cleans it) the package keeps a snapshot under its own name at that point. A displayed
 * expression is assigned to a name from what it computes; a figure is named from its title.
 */
public final class ResultSlots {
    /**
     * One result.
     *
     * @param result the cell graph's result
     * @param name the name the package returns it under
     * @param kind its kind in the plan
     * @param variable the notebook variable holding it (empty for a displayed expression and a figure)
     * @param anchor the unit after which it exists (null for a figure: its cell's figure group)
     * @param snapshot the statement that keeps it under {@code name}, appended to the anchor, or empty
     */
    public record Slot(Result result, String name, ResultKind kind, String variable, Unit anchor, String snapshot) {}

    /**
     * The slots and what could not be placed.
     *
     * @param slots the results the package returns, in notebook order
     * @param notes results the package cannot return, and why
     */
    public record Placed(List<Slot> slots, List<String> notes) {
        public Placed {
            slots = List.copyOf(slots);
            notes = List.copyOf(notes);
        }
    }

    private ResultSlots() {}

    /**
     * The names given to displayed expressions before the cells are rewritten (the rewriter assigns them): per
     * cell, the statement span → name.
     */
    public static Map<Integer, Map<Span, String>> expressionNames(List<Result> results, AnalyzedNotebook analyzed,
                                                                   SortedSet<Integer> kept, List<Markdown.Heading> headings,
                                                                   Set<String> taken) {
        QualifiedNames qualified = QualifiedNames.of(analyzed);
        Map<Integer, Map<Span, String>> out = new HashMap<>();
        for (Result r : results) {
            if (r instanceof Result.Displayed d && d.variable().isEmpty() && kept.contains(d.cell())
                && analyzed.parsed(d.cell()) instanceof ParsedCell.Parsed p) {
                Stmt last = p.module().body().get(p.module().body().size() - 1);
                Expr value = ((Stmt.ExprStmt) last).value();
                String name = ResultNames.ofExpression(value, qualified);
                if (name.isEmpty()) {
                    Markdown.Heading h = headings.get(d.cell());
                    name = ResultNames.ofHeading(h == null ? null : h.text());
                }
                if (name.isEmpty()) {
                    name = "result_cell" + (d.cell() + 1);
                }
                out.computeIfAbsent(d.cell(), k -> new HashMap<>())
                    .put(last.span(), Identifiers.unique(Identifiers.sanitize(name, "result"), taken));
            }
        }
        return out;
    }

    /**
     * Figures a cell shows again by ending with the variable that holds them ({@code fig}) while the code that drew
     * them is in an earlier cell: per cell, the statement span → the result name. The package saves that figure
     * object there ({@code fig_figure = save_figure(..., fig)}).
     */
    public static Map<Integer, Map<Span, String>> figureRedisplays(List<Result> results, AnalyzedNotebook analyzed,
                                                                   SortedSet<Integer> kept, Set<String> taken) {
        QualifiedNames qualified = QualifiedNames.of(analyzed);
        Map<Integer, Map<Span, String>> out = new HashMap<>();
        for (Result r : results) {
            if (r instanceof Result.Figure f && kept.contains(f.cell())
                && analyzed.parsed(f.cell()) instanceof ParsedCell.Parsed p && !p.module().body().isEmpty()
                && p.module().body().get(p.module().body().size() - 1) instanceof Stmt.ExprStmt last
                && last.value() instanceof Expr.Name shown
                && AstWalker.find(p.module(), Expr.Call.class).stream()
                    .noneMatch(c -> dev.nb2prod.graph.DisplayCalls.isDrawing(c, qualified))) {
                String base = ResultNames.ofFigure(f).isEmpty() ? shown.id() : ResultNames.ofFigure(f);
                out.computeIfAbsent(f.cell(), k -> new HashMap<>()).put(last.span(),
                    Identifiers.unique(Identifiers.sanitize(base + "_figure", "figure"), taken));
            }
        }
        return out;
    }

    /**
     * Places the results on the units.
     *
     * @param expressionNames the names {@link #expressionNames} chose
     * @param figureCells cells whose drawing code forms a figure group
     * @param typeOf the type hint of a variable at a unit, for the snapshot's copy
     */
    public static Placed place(List<Result> results, List<Unit> units, Map<Integer, Map<Span, String>> expressionNames,
                               Map<Integer, Map<Span, String>> redisplays,
                               Set<Integer> figureCells, List<Markdown.Heading> headings, Set<String> taken,
                               java.util.function.BiFunction<Unit, String, String> typeOf) {
        List<Slot> slots = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> seenVariables = new HashSet<>();
        Set<String> returned = new HashSet<>();
        for (Result r : dedupe(results)) {
            switch (r) {
                case Result.Figure f when !figureCells.contains(f.cell()) && redisplays.containsKey(f.cell()) -> {
                    Map.Entry<Span, String> shown = redisplays.get(f.cell()).entrySet().iterator().next();
                    Unit anchor = unitCovering(units, f.cell(), shown.getKey());
                    if (anchor == null) {
                        notes.add("cell " + (f.cell() + 1) + " shows a figure that could not be kept: it is not saved");
                        continue;
                    }
                    slots.add(new Slot(r, shown.getValue(), ResultKind.FIGURE, "", anchor, ""));
                }
                case Result.Figure f -> {
                    if (!figureCells.contains(f.cell())) {
                        notes.add("cell " + (f.cell() + 1) + " shows a figure drawn by code nb2prod does not recognise:"
                            + " it is not saved");
                        continue;
                    }
                    String base = ResultNames.ofFigure(f);
                    if (base.isEmpty()) {
                        Markdown.Heading h = headings.get(f.cell());
                        base = ResultNames.ofHeading(h == null ? null : h.text());
                    }
                    base = base.isEmpty() ? "figure_cell" + (f.cell() + 1) : base;
                    String name = Identifiers.unique(Identifiers.sanitize(base + "_figure", "figure"), taken);
                    slots.add(new Slot(r, name, ResultKind.FIGURE, "", null, ""));
                }
                case Result.Displayed d when d.variable().isEmpty() -> {
                    String name = expressionNames.getOrDefault(d.cell(), Map.of()).values().stream().findFirst()
                        .orElse(null);
                    Unit anchor = unitCovering(units, d.cell(), d.span());
                    if (name == null || anchor == null) {
                        notes.add("cell " + (d.cell() + 1) + ": the value it displays (" + d.expression()
                            + ") could not be kept");
                        continue;
                    }
                    slots.add(new Slot(r, name, ResultKind.DISPLAYED, "", anchor, ""));
                }
                case Result.Written w -> {
                    // returned by pipeline.py from its configured path; see the planner
                    slots.add(new Slot(r, "", ResultKind.FILE, "", unitCovering(units, w.cell(), w.span()), ""));
                }
                default -> {
                    String variable = variable(r);
                    Unit anchor = unitCovering(units, r.cell(), r.span());
                    if (anchor == null) {
                        anchor = lastUnitBefore(units, r.cell(), r.span());
                    }
                    if (anchor == null || !produces(units, anchor, variable)) {
                        notes.add("cell " + (r.cell() + 1) + ": " + r.describe() + " is not computed by the kept code:"
                            + " it is not returned");
                        continue;
                    }
                    ResultKind kind = switch (r) {
                        case Result.Model m -> ResultKind.MODEL;
                        case Result.Metric m -> ResultKind.METRIC;
                        default -> ResultKind.DISPLAYED;
                    };
                    boolean later = changedAfter(units, anchor, variable);
                    boolean inPlace = mutatedAfter(units, anchor, variable);
                    String name;
                    String snapshot = "";
                    if (!later && returned.add(variable)) {
                        name = variable;
                        // returned by the code that last set it, which may come before the cell that shows it
                        anchor = lastProducer(units, anchor, variable);
                    } else {
                        Markdown.Heading h = headings.get(r.cell());
                        List<String> words = new ArrayList<>(h == null ? List.of()
                            : Identifiers.meaningfulWords(h.text()));
                        words.removeAll(Identifiers.words(variable));
                        String suffix = String.join("_", words.subList(0, Math.min(3, words.size())));
                        String base = variable + "_" + (suffix.isEmpty() ? "cell" + (r.cell() + 1) : suffix);
                        name = Identifiers.unique(Identifiers.sanitize(base, variable), taken);
                        snapshot = name + " = " + copyOf(variable, inPlace, typeOf.apply(anchor, variable));
                    }
                    seenVariables.add(variable);
                    slots.add(new Slot(r, name, kind, variable, anchor, snapshot));
                }
            }
        }
        return new Placed(slots, notes);
    }

    /** A displayed variable that is also the cell's metric or model is one result. */
    private static List<Result> dedupe(List<Result> results) {
        Set<String> named = new HashSet<>();
        for (Result r : results) {
            if (r instanceof Result.Model || r instanceof Result.Metric) {
                named.add(r.cell() + ":" + variable(r));
            }
        }
        List<Result> out = new ArrayList<>();
        for (Result r : results) {
            if (r instanceof Result.Displayed d && !d.variable().isEmpty() && named.contains(d.cell() + ":" + d.variable())) {
                continue;
            }
            out.add(r);
        }
        return out;
    }

    private static String variable(Result r) {
        return switch (r) {
            case Result.Displayed d -> d.variable();
            case Result.Model m -> m.variable();
            case Result.Metric m -> m.variable();
            default -> "";
        };
    }

    private static String copyOf(String variable, boolean inPlace, String type) {
        if (!inPlace) {
            return variable;
        }
        if (type.endsWith(".DataFrame") || type.endsWith(".Series") || type.endsWith(".ndarray")
            || type.equals("list") || type.equals("dict")) {
            return variable + ".copy()";
        }
        return "copy.deepcopy(" + variable + ")";
    }

    private static Unit unitCovering(List<Unit> units, int cell, Span span) {
        for (Unit u : units) {
            if (u.cell() == cell && u.covers(span)) {
                return u;
            }
        }
        return null;
    }

    private static Unit lastUnitBefore(List<Unit> units, int cell, Span span) {
        Unit found = null;
        for (Unit u : units) {
            if (u.cell() < cell || u.cell() == cell && u.span().compareTo(span) < 0) {
                found = u;
            }
        }
        return found;
    }

    /** True when the variable is defined or changed by the anchor or a unit before it. */
    private static boolean produces(List<Unit> units, Unit anchor, String variable) {
        for (Unit u : units) {
            if (u.names().defines().contains(variable) || u.names().mutates().contains(variable)) {
                return true;
            }
            if (u == anchor) {
                return false;
            }
        }
        return false;
    }

    /** The last unit, up to the anchor, that defines or changes the variable. */
    private static Unit lastProducer(List<Unit> units, Unit anchor, String variable) {
        Unit found = anchor;
        for (Unit u : units) {
            if (u.names().defines().contains(variable) || u.names().mutates().contains(variable)) {
                found = u;
            }
            if (u == anchor) {
                break;
            }
        }
        return found;
    }

    private static boolean changedAfter(List<Unit> units, Unit anchor, String variable) {
        boolean after = false;
        for (Unit u : units) {
            if (after && (u.names().defines().contains(variable) || u.names().mutates().contains(variable)
                || deletes(u, variable))) {
                return true;
            }
            after |= u == anchor;
        }
        return false;
    }

    private static boolean mutatedAfter(List<Unit> units, Unit anchor, String variable) {
        boolean after = false;
        for (Unit u : units) {
            if (after && u.names().mutates().contains(variable)) {
                return true;
            }
            after |= u == anchor;
        }
        return false;
    }

    private static boolean deletes(Unit u, String variable) {
        return !AstWalker.find(u.code(), Stmt.Delete.class).isEmpty() && u.names().deletes().contains(variable);
    }
}
