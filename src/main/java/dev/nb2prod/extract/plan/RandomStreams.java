package dev.nb2prod.extract.plan;

import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.QualifiedNames;
import dev.nb2prod.graph.RandomCalls;
import dev.nb2prod.graph.RandomCalls.Generator;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Keeps the numbers drawn from a seeded global generator (numpy's, Python's) what they were in the notebook. Every
 * draw moves the generator on, so a kept cell that draws from one needs the cell that last seeded it and every cell
 * in between that draws from it too, even when no result depends on what those cells compute. Unseeded estimators
 * and splits ({@code RandomForestClassifier()} without {@code random_state}) draw from numpy's generator.
 */
final class RandomStreams {
    /** Per cell, the global generators it seeds and draws from. */
    private final SortedMap<Integer, Set<Generator>> seeds = new TreeMap<>();
    private final SortedMap<Integer, Set<Generator>> draws = new TreeMap<>();

    RandomStreams(AnalyzedNotebook analyzed, Set<Integer> cells) {
        QualifiedNames qualified = QualifiedNames.of(analyzed);
        for (int cell : cells) {
            if (!(analyzed.parsed(cell) instanceof ParsedCell.Parsed parsed)) {
                continue;
            }
            Set<Generator> seeded = EnumSet.noneOf(Generator.class);
            Set<Generator> drawn = EnumSet.noneOf(Generator.class);
            for (Expr.Call call : AstWalker.find(parsed.module(), Expr.Call.class)) {
                String q = qualified.qualify(call.func()).orElse("");
                if (RandomCalls.SEEDS.containsKey(q)) {
                    seeded.add(RandomCalls.SEEDS.get(q));
                } else if (RandomCalls.SEED_ALL.contains(Dotted.lastPart(call.func()))) {
                    seeded.addAll(EnumSet.allOf(Generator.class));
                } else if (RandomCalls.drawsFromGlobalGenerator(call, qualified)) {
                    drawn.add(q.startsWith("numpy.") ? Generator.NUMPY : Generator.PYTHON);
                } else if (RandomCalls.isRandomised(call) && !RandomCalls.hasRandomState(call)) {
                    drawn.add(Generator.NUMPY);
                }
            }
            if (!seeded.isEmpty()) {
                seeds.put(cell, seeded);
            }
            if (!drawn.isEmpty()) {
                draws.put(cell, drawn);
            }
        }
    }

    /**
     * The cells the kept ones need for their draws, with the reason for each: the last seed of each generator a
     * kept cell draws from, and the cells between that draw from it.
     */
    SortedMap<Integer, String> needed(SortedSet<Integer> kept) {
        SortedMap<Integer, String> out = new TreeMap<>();
        for (int cell : kept) {
            for (Generator generator : draws.getOrDefault(cell, Set.of())) {
                Integer seed = lastSeed(generator, cell);
                if (seed == null || seed == cell) {
                    continue;
                }
                String name = name(generator);
                if (!kept.contains(seed)) {
                    out.putIfAbsent(seed, "essential: seeds " + name + ", which cell " + (cell + 1) + " draws from");
                }
                for (Map.Entry<Integer, Set<Generator>> d : draws.subMap(seed + 1, cell).entrySet()) {
                    if (!kept.contains(d.getKey()) && d.getValue().contains(generator)) {
                        out.putIfAbsent(d.getKey(), "essential: draws from " + name + " between its seed (cell "
                            + (seed + 1) + ") and the draws of cell " + (cell + 1)
                            + ": without it, cell " + (cell + 1) + " would draw other numbers");
                    }
                }
            }
        }
        return out;
    }

    private Integer lastSeed(Generator generator, int cell) {
        Integer last = null;
        for (Map.Entry<Integer, Set<Generator>> s : seeds.headMap(cell + 1).entrySet()) {
            if (s.getValue().contains(generator)) {
                last = s.getKey();
            }
        }
        return last;
    }

    private static String name(Generator generator) {
        return switch (generator) {
            case NUMPY -> "numpy's global random generator";
            case PYTHON -> "Python's global random generator";
            case OTHER -> "a global random generator";
        };
    }
}
