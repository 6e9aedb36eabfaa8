package dev.nb2prod.report;

import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.List;

/**
 * The result of one {@code nb2prod assess} run.
 *
 * @param notebooks the notebooks read, in path order
 * @param rules every rule that ran (for SARIF metadata and summaries)
 * @param failOn the threshold that makes the run fail
 */
public record AssessReport(List<NotebookResult> notebooks, List<RuleInfo> rules, Severity failOn) {
    public AssessReport {
        notebooks = List.copyOf(notebooks);
        rules = List.copyOf(rules);
    }

    public List<Finding> findings() {
        return notebooks.stream().flatMap(n -> n.findings().stream()).toList();
    }

    /** True when some finding is at or above the failure threshold. */
    public boolean failed() {
        return findings().stream().anyMatch(f -> f.severity().atLeast(failOn));
    }
}
