package dev.nb2prod.report;

import dev.nb2prod.graph.Checklist;
import dev.nb2prod.rules.Finding;
import java.util.List;

/** Everything assess learned about one notebook. */
public record NotebookResult(NotebookSummary summary, Checklist checklist, List<Finding> findings) {
    public NotebookResult {
        findings = List.copyOf(findings);
    }
}
