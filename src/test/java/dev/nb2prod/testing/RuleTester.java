package dev.nb2prod.testing;

import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleOptions;
import java.util.List;
import java.util.Map;

/** Runs one rule (with suppressions, like assess does) on a test notebook. */
public final class RuleTester {
    private RuleTester() {}

    public static List<Finding> run(Rule rule, Notebook notebook) {
        return run(rule, notebook, RuleOptions.DEFAULTS);
    }

    public static List<Finding> run(Rule rule, Notebook notebook, RuleOptions options) {
        AnalyzedNotebook analyzed = TestNotebooks.analyze(notebook);
        AssessConfig config = new AssessConfig(List.of(), List.of(), Map.of(), Map.of(), options);
        return new Assessor(List.of(rule), config).assess(analyzed, new CellGraphBuilder().build(analyzed));
    }

    /** Runs a rule on a notebook of code cells. */
    public static List<Finding> run(Rule rule, String... cells) {
        return run(rule, TestNotebooks.code(cells));
    }

    /** Short descriptions {@code "cell:line:col CODE message"} for readable assertions. */
    public static List<String> describe(List<Finding> findings) {
        return findings.stream()
            .map(f -> f.cellIndex() + ":" + f.line() + ":" + f.column() + " " + f.code() + " " + f.message())
            .toList();
    }
}
