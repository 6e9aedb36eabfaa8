package dev.nb2prod.rules.config;

import dev.nb2prod.graph.CellNode;
import dev.nb2prod.graph.IoAccess;
import dev.nb2prod.graph.PathArguments;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.rules.Payload;
import dev.nb2prod.rules.RuleContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The string literals of a notebook that name the place an I/O call of the cell graph reads or writes: written
 * as the call's path argument, or assigned to the variable given as path argument ({@link IoAccess#origin()}).
 */
final class DataPathUses {
    /** A literal: the cell it is written in and its span there. */
    record Site(int cell, Span span) implements Comparable<Site> {
        @Override
        public int compareTo(Site o) {
            return cell != o.cell ? Integer.compare(cell, o.cell) : span.compareTo(o.span);
        }
    }

    /** An I/O call in cell {@code cell} that uses a literal. */
    record Use(int cell, IoAccess access, Expr.Call call) {
        private static final Comparator<Use> ORDER = Comparator.comparingInt(Use::cell).thenComparing(u -> u.access().span());

        /** {@code read by pd.read_csv in cell 8}. */
        String describe() {
            return (access.direction() == IoAccess.Direction.INPUT ? "read by " : "written by ") + access.call()
                + " in cell " + (cell + 1);
        }
    }

    /** The literal of a site and the calls that use it, in notebook order. */
    record Uses(Expr literal, boolean throughVariable, List<Use> uses) {
        Uses {
            uses = uses.stream().sorted(Use.ORDER).toList();
        }

        /** Whether the notebook reads or writes there: the first use decides (see {@link Payload.PathRole}). */
        Payload.PathRole role() {
            if (uses.isEmpty()) {
                return Payload.PathRole.UNKNOWN;
            }
            return uses.get(0).access().direction() == IoAccess.Direction.INPUT ? Payload.PathRole.INPUT : Payload.PathRole.OUTPUT;
        }

        Uses filtered(java.util.function.Predicate<Use> keep) {
            return new Uses(literal, throughVariable, uses.stream().filter(keep).toList());
        }
    }

    private final SortedMap<Site, Uses> sites;

    private DataPathUses(SortedMap<Site, Uses> sites) {
        this.sites = sites;
    }

    static DataPathUses of(RuleContext context) {
        Map<Integer, Module> modules = new HashMap<>();
        context.parsedCells().forEach(c -> modules.put(c.index(), c.module()));
        Map<Site, List<Use>> uses = new HashMap<>();
        Map<Site, Expr> literals = new HashMap<>();
        Map<Site, Boolean> throughVariable = new HashMap<>();
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            CellNode node = context.graph().cell(cell.index());
            List<IoAccess> accesses = Stream.concat(node.inputs().stream(), node.outputs().stream()).toList();
            if (accesses.isEmpty()) {
                continue;
            }
            Map<Span, Expr.Call> calls = new HashMap<>();
            AstWalker.find(cell.module(), Expr.Call.class).forEach(c -> calls.putIfAbsent(c.span(), c));
            for (IoAccess access : accesses) {
                Expr.Call call = calls.get(access.span());
                if (call == null) {
                    continue;
                }
                Use use = new Use(cell.index(), access, call);
                if (access.origin().isPresent()) {
                    IoAccess.Origin origin = access.origin().get();
                    Site site = new Site(origin.cell(), origin.literal());
                    Optional<Expr.Str> literal = stringAt(modules.get(origin.cell()), origin.literal());
                    if (literal.isPresent()) {
                        literals.put(site, literal.get());
                        throughVariable.put(site, true);
                        uses.computeIfAbsent(site, k -> new ArrayList<>()).add(use);
                    }
                } else {
                    PathArguments.of(call).filter(a -> a instanceof Expr.Str || a instanceof Expr.FString).ifPresent(a -> {
                        Site site = new Site(cell.index(), a.span());
                        literals.put(site, a);
                        throughVariable.putIfAbsent(site, false);
                        uses.computeIfAbsent(site, k -> new ArrayList<>()).add(use);
                    });
                }
            }
        }
        SortedMap<Site, Uses> sites = new TreeMap<>();
        uses.forEach((site, list) -> sites.put(site, new Uses(literals.get(site), throughVariable.get(site), list)));
        return new DataPathUses(sites);
    }

    private static Optional<Expr.Str> stringAt(Module module, Span span) {
        if (module == null) {
            return Optional.empty();
        }
        return AstWalker.find(module, Expr.Str.class).stream().filter(s -> s.span().equals(span)).findFirst();
    }

    /** Every literal that an I/O call uses, in notebook order. */
    SortedMap<Site, Uses> sites() {
        return java.util.Collections.unmodifiableSortedMap(sites);
    }

    /** How the notebook uses the literal at {@code span} of {@code cell}: UNKNOWN when no I/O call does. */
    Payload.PathRole role(int cell, Span span) {
        Uses found = sites.get(new Site(cell, span));
        return found == null ? Payload.PathRole.UNKNOWN : found.role();
    }
}
