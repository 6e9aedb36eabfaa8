package dev.nb2prod.graph;

import dev.nb2prod.notebook.Cell;
import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.CellNames;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds the {@link CellGraph} of an analysed notebook. */
public final class CellGraphBuilder {
    public CellGraph build(AnalyzedNotebook analyzed) {
        IoDetector io = new IoDetector(new PathOrigins(analyzed));
        List<CellNode> nodes = new ArrayList<>();
        for (Cell cell : analyzed.notebook().cells()) {
            nodes.add(node(cell, analyzed, io));
        }
        List<Edge> edges = edges(nodes);
        List<NameProblem> hidden = new ArrayList<>();
        List<NameProblem> undefined = new ArrayList<>();
        nameProblems(nodes, analyzed, hidden, undefined);
        List<Terminal> terminals = terminals(nodes, analyzed);
        List<Result> results = new ResultFinder(analyzed).find(nodes);
        List<CellNode> marked = markEssential(nodes, edges, results);
        return new CellGraph(analyzed.notebook().path(), marked, edges, hidden, undefined,
            ExecutionOrders.of(analyzed.notebook()), terminals, results);
    }

    private static CellNode node(Cell cell, AnalyzedNotebook analyzed, IoDetector io) {
        if (!(cell instanceof CodeCell code)) {
            return new CellNode(cell.index(), cell.id(), cell.type(), Optional.empty(), new TreeSet<>(),
                new TreeSet<>(), new TreeSet<>(), false, Optional.empty(), false, List.of(), List.of());
        }
        ParsedCell parsed = analyzed.parsed(cell.index());
        if (parsed instanceof ParsedCell.Failed failed) {
            return new CellNode(cell.index(), cell.id(), "code", code.executionCount(), new TreeSet<>(),
                new TreeSet<>(), new TreeSet<>(), false, Optional.of(failed.error()), false, List.of(), List.of());
        }
        Module module = ((ParsedCell.Parsed) parsed).module();
        CellNames names = analyzed.names(cell.index());
        List<IoAccess> accesses = io.detect(cell.index(), module);
        return new CellNode(cell.index(), cell.id(), "code", code.executionCount(), names.defines(),
            names.uses(), names.mutates(), names.starImport(), Optional.empty(), false,
            accesses.stream().filter(a -> a.direction() == IoAccess.Direction.INPUT).toList(),
            accesses.stream().filter(a -> a.direction() == IoAccess.Direction.OUTPUT).toList());
    }

    /**
     * Edge {@code i -> j} when cell j uses or mutates a name whose most recent definition above j is in
     * cell i, and {@code k -> j} for every cell k between them that mutates the name. Looked up in indexes of
     * the cells by name, so that a notebook of 100,000 cells is linear, not quadratic, in its cells.
     */
    private static List<Edge> edges(List<CellNode> nodes) {
        Map<String, List<Integer>> definers = index(nodes, CellNode::defines);
        Map<String, List<Integer>> mutators = index(nodes, CellNode::mutates);
        SortedMap<Long, SortedSet<String>> byPair = new TreeMap<>();
        for (CellNode target : nodes) {
            // a name the cell mutates but never reads before binding it itself depends on nothing above
            Set<String> needed = new TreeSet<>(target.uses());
            target.mutates().stream().filter(n -> !target.defines().contains(n)).forEach(needed::add);
            for (String name : needed) {
                List<Integer> cells = definers.getOrDefault(name, List.of());
                int before = firstAtOrAfter(cells, target.index()) - 1;
                if (before < 0) {
                    continue;
                }
                int definer = cells.get(before);
                add(byPair, definer, target.index(), name);
                List<Integer> mutating = mutators.getOrDefault(name, List.of());
                for (int m = firstAtOrAfter(mutating, definer + 1); m < mutating.size(); m++) {
                    int k = mutating.get(m);
                    if (k >= target.index()) {
                        break;
                    }
                    add(byPair, k, target.index(), name);
                }
            }
        }
        List<Edge> edges = new ArrayList<>();
        byPair.forEach((key, names) -> edges.add(new Edge((int) (key >> 32), (int) (key & 0xffffffffL), names)));
        return edges;
    }

    /** For each name, the cells (ascending) whose {@code names} hold it. */
    private static Map<String, List<Integer>> index(List<CellNode> nodes,
                                                    java.util.function.Function<CellNode, Set<String>> names) {
        Map<String, List<Integer>> index = new HashMap<>();
        for (CellNode node : nodes) {
            for (String name : names.apply(node)) {
                index.computeIfAbsent(name, k -> new ArrayList<>()).add(node.index());
            }
        }
        return index;
    }

    /** The position of the first value of the ascending {@code cells} that is at least {@code cell}. */
    private static int firstAtOrAfter(List<Integer> cells, int cell) {
        int found = java.util.Collections.binarySearch(cells, cell);
        return found >= 0 ? found : -found - 1;
    }

    private static void add(SortedMap<Long, SortedSet<String>> byPair, int from, int to, String name) {
        byPair.computeIfAbsent(((long) from << 32) | to, k -> new TreeSet<>()).add(name);
    }

    private static void nameProblems(List<CellNode> nodes, AnalyzedNotebook analyzed,
                                     List<NameProblem> hidden, List<NameProblem> undefined) {
        boolean anyStarImport = nodes.stream().anyMatch(CellNode::starImport);
        Map<String, List<Integer>> definers = index(nodes, CellNode::defines);
        for (CellNode node : nodes) {
            for (String name : node.uses()) {
                List<Integer> cells = definers.getOrDefault(name, List.of());
                if (!cells.isEmpty() && cells.get(0) < node.index()) {
                    continue; // defined above
                }
                List<Integer> later = new ArrayList<>(cells.subList(firstAtOrAfter(cells, node.index() + 1), cells.size()));
                Span span = analyzed.names(node.index()).firstUse().getOrDefault(name, Span.NONE);
                if (!later.isEmpty()) {
                    hidden.add(new NameProblem(name, node.index(), span, later));
                } else if (!anyStarImport) {
                    undefined.add(new NameProblem(name, node.index(), span, List.of()));
                }
            }
        }
    }

    /**
     * The values the notebook ends with: for each name, its last definition when no later cell reads it.
     * Modules, functions and classes are tools, not results, and are left out.
     */
    private static List<Terminal> terminals(List<CellNode> nodes, AnalyzedNotebook analyzed) {
        Map<String, Integer> lastDefinition = new TreeMap<>();
        for (CellNode node : nodes) {
            for (String name : node.defines()) {
                lastDefinition.put(name, node.index());
            }
        }
        Map<String, Integer> lastRead = new HashMap<>();
        for (CellNode node : nodes) {
            node.uses().forEach(name -> lastRead.put(name, node.index()));
            node.mutates().forEach(name -> lastRead.put(name, node.index()));
        }
        List<Terminal> terminals = new ArrayList<>();
        lastDefinition.forEach((name, cell) -> {
            boolean readLater = lastRead.getOrDefault(name, -1) > cell;
            if (!readLater && !definesTool(analyzed, cell, name)) {
                terminals.add(new Terminal(name, cell));
            }
        });
        terminals.sort(java.util.Comparator.comparingInt(Terminal::cell).thenComparing(Terminal::name));
        return terminals;
    }

    /** Modules, functions and classes a cell binds: tools for the results, not results. */
    private static boolean definesTool(AnalyzedNotebook analyzed, int cell, String name) {
        CellNames names = analyzed.names(cell);
        if (names.imports().stream().anyMatch(i -> name.equals(i.boundName()))
            || names.functions().stream().anyMatch(f -> f.name().equals(name))) {
            return true;
        }
        return analyzed.parsed(cell) instanceof ParsedCell.Parsed parsed
            && dev.nb2prod.python.ast.AstWalker.find(parsed.module(), Stmt.ClassDef.class).stream()
                .anyMatch(c -> c.name().equals(name));
    }

    /** Essential cells: the backward slice, through the edges, from the cells that produce the results. */
    private static List<CellNode> markEssential(List<CellNode> nodes, List<Edge> edges, List<Result> results) {
        Set<Integer> essential = CellGraph.slice(edges, results.stream().map(Result::cell).toList());
        List<CellNode> marked = new ArrayList<>();
        for (CellNode node : nodes) {
            marked.add(node.withEssential(node.isCode() && essential.contains(node.index())));
        }
        return marked;
    }
}
