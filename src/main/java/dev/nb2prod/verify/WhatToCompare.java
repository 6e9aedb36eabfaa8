package dev.nb2prod.verify;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionRefused;
import dev.nb2prod.extract.PlanOptions;
import dev.nb2prod.extract.Planner;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.ControlCharacters;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Rules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides what verify compares: the results of the package's {@code nb2prod.json}; for a package without one (written
 * by hand, or by an older nb2prod), the results nb2prod plans for the notebook with the default options; when it
 * cannot plan the notebook, the notebook's terminal values by variable name.
 */
final class WhatToCompare {
    private WhatToCompare() {}

    /**
     * @param shown the package folder as the user named it, for messages
     * @throws VerificationException when nb2prod.json exists but is not valid
     */
    static Comparands find(Notebook notebook, Path notebookFile, Path packageRoot, Path shown)
        throws VerificationException {
        Optional<ResultsFile.Contents> declared = ResultsFile.read(packageRoot, shown, notebook.cells().size());
        if (declared.isPresent()) {
            List<String> notes = new ArrayList<>();
            String named = declared.get().notebook();
            String file = notebookFile.getFileName().toString();
            if (!named.isEmpty() && !named.equals(file)) {
                notes.add(ResultsFile.FILE_NAME + " was written for " + ControlCharacters.escaped(named)
                    + ", not " + file);
            }
            return new Comparands.Results(declared.get().results(), VerificationReport.Basis.RESULTS_FILE, notes);
        }
        AnalyzedNotebook analyzed = AnalyzedNotebook.of(notebook, new SonarPythonFrontEnd());
        CellGraph graph = new CellGraphBuilder().build(analyzed);
        try {
            ExtractionPlan plan = new Planner().plan(analyzed, graph,
                new Assessor(Rules.all(), AssessConfig.DEFAULTS).assess(analyzed, graph), PlanOptions.DEFAULTS);
            List<ExpectedResult> results = plan.results().stream()
                .map(r -> new ExpectedResult(r.name(), ArtifactResult.Kind.parse(r.kind().name()), r.cell(),
                    r.source(), r.file()))
                .toList();
            return new Comparands.Results(results, VerificationReport.Basis.PLANNED, List.of("the package has no "
                + ResultsFile.FILE_NAME + ": compared the results nb2prod plans for the notebook today ("
                + results.size() + " result" + (results.size() == 1 ? "" : "s") + ")"));
        } catch (ExtractionRefused e) {
            return new Comparands.TerminalValues(TerminalNames.of(graph), List.of("the package has no "
                + ResultsFile.FILE_NAME + " and nb2prod cannot plan the notebook (" + lowerFirst(e.getMessage())
                + "): compared its terminal values by variable name"));
        }
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
