package dev.nb2prod.rules;

import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs the enabled rules on one notebook and applies suppressions and severity overrides. */
public final class Assessor {
    /** Findings in notebook order: cell, then position, then code. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
        .thenComparingInt(Finding::cellIndex)
        .thenComparingInt(f -> f.where() instanceof Finding.Where.Source ? 0 : 1)
        .thenComparingInt(Finding::line)
        .thenComparingInt(Finding::column)
        .thenComparing(Finding::code)
        .thenComparing(Finding::message);

    private final List<Rule> rules;
    private final AssessConfig config;
    private final Set<String> knownCodes;

    public Assessor(List<Rule> rules, AssessConfig config) {
        this.rules = List.copyOf(rules);
        this.config = config;
        this.knownCodes = rules.stream().map(r -> r.info().code()).collect(Collectors.toUnmodifiableSet());
    }

    public List<Finding> assess(AnalyzedNotebook analyzed, CellGraph graph) {
        String path = analyzed.notebook().path();
        Suppressions suppressions = new Suppressions(analyzed.notebook(), knownCodes);
        List<Finding> raw = new ArrayList<>();
        for (Rule rule : rules) {
            RuleInfo info = rule.info();
            if (!config.enabled(info.code(), path)) {
                continue;
            }
            RuleContext context = new RuleContext(analyzed, graph, config.options(), info);
            if (info.code().equals(UnknownSuppressionRule.CODE)) {
                suppressions.unknownCodes().forEach(u -> UnknownSuppressionRule.report(context, u));
            } else {
                rule.check(context);
            }
            context.findings().stream()
                .filter(f -> !suppressions.suppresses(f))
                .map(f -> f.withSeverity(config.severity(info, f)))
                .forEach(raw::add);
        }
        raw.sort(ORDER);
        return Fingerprints.assign(raw);
    }
}
