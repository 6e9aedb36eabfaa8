package dev.nb2prod.rules.structure;

import dev.nb2prod.graph.RandomCalls;
import dev.nb2prod.graph.QualifiedNames;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where a notebook seeds and draws from global random generators. */
final class Seeds {
    /** A seeding call in a cell. */
    record Seed(int cell, Span span, String callee, RandomCalls.Generator generator, Expr.Call call) {}

    private Seeds() {}

    /** Every global seeding call of the notebook, function bodies included, in cell and source order. */
    static List<Seed> seeds(RuleContext context, QualifiedNames names) {
        List<Seed> seeds = new ArrayList<>();
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            for (Expr.Call call : AstWalker.find(cell.module(), Expr.Call.class)) {
                Optional<String> q = names.qualify(call.func());
                if (q.isPresent() && RandomCalls.SEEDS.containsKey(q.get())) {
                    seeds.add(new Seed(cell.index(), call.span(), Dotted.describe(call.func()), RandomCalls.SEEDS.get(q.get()), call));
                } else if (RandomCalls.SEED_ALL.contains(Dotted.lastPart(call.func()))) {
                    seeds.add(new Seed(cell.index(), call.span(), Dotted.describe(call.func()), null, call));
                }
            }
        }
        seeds.sort(java.util.Comparator.comparingInt(Seed::cell).thenComparing(Seed::span));
        return seeds;
    }

    /** True when a seed of {@code generator} (or a seed-everything helper) runs before the position. */
    static boolean seededBefore(List<Seed> seeds, RandomCalls.Generator generator, int cell, Span span) {
        for (Seed s : seeds) {
            boolean before = s.cell() < cell || (s.cell() == cell && s.span().compareTo(span) < 0);
            if (before && (s.generator() == null || s.generator() == generator)) {
                return true;
            }
        }
        return false;
    }
}
