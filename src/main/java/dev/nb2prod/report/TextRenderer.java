package dev.nb2prod.report;

import dev.nb2prod.graph.Checklist;
import dev.nb2prod.graph.ExecutionOrder;
import dev.nb2prod.graph.NameProblem;
import dev.nb2prod.graph.Result;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Secrets;
import dev.nb2prod.rules.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The human format of {@code nb2prod assess}: one line per finding ({@code path:cell N:line:col: CODE message}),
 * then per notebook its summary and assessment checklist, then a count by rule.
 */
public final class TextRenderer {
    private static final String RESET = "\u001b[0m";
    private static final int SHOWN_RESULTS = 8;
    private final boolean color;

    /** @param color use ANSI colours (only on a terminal, never when NO_COLOR is set: the caller decides) */
    public TextRenderer(boolean color) {
        this.color = color;
    }

    public String render(AssessReport report) {
        StringBuilder out = new StringBuilder();
        for (NotebookResult notebook : report.notebooks()) {
            for (Finding finding : notebook.findings()) {
                out.append(findingLine(finding)).append('\n');
            }
        }
        for (NotebookResult notebook : report.notebooks()) {
            out.append('\n').append(bold(notebook.summary().line())).append('\n');
            for (NotebookSummary.CellError error : notebook.summary().syntaxErrors()) {
                out.append("  syntax error in ").append(CellLabels.number(error.cellIndex())).append(", line ")
                    .append(error.line()).append(", column ").append(error.column()).append(": ")
                    .append(error.message()).append('\n');
            }
            if (notebook.summary().python()) {
                checklist(out, notebook.checklist());
            }
        }
        summary(out, report);
        return out.toString();
    }

    String findingLine(Finding finding) {
        String where = switch (finding.where()) {
            case Finding.Where.Source s -> s.line() + ":" + s.column();
            case Finding.Where.Output o -> "output " + o.output() + ":" + o.line() + ":" + o.column();
        };
        return finding.path() + ":" + CellLabels.number(finding.cellIndex()) + ":" + where + ": "
            + paint(finding.code(), finding.severity()) + " " + finding.message();
    }

    private static void checklist(StringBuilder out, Checklist checklist) {
        out.append("  inputs:      ").append(io(checklist.inputs())).append('\n');
        out.append("  outputs:     ").append(io(checklist.outputs())).append('\n');
        out.append("  essential:   ").append(cells(checklist.essentialCells())).append('\n');
        out.append("  exploratory: ").append(cells(checklist.exploratoryCells())).append('\n');
        out.append("  order:       ").append(order(checklist.executionOrder())).append('\n');
        out.append("  hidden deps: ").append(problems(checklist.hiddenDependencies())).append('\n');
        if (!checklist.undefined().isEmpty()) {
            out.append("  undefined:   ").append(problems(checklist.undefined())).append('\n');
        }
        out.append("  results:     ").append(results(checklist.results())).append('\n');
    }

    /** At most {@value #SHOWN_RESULTS} results, then how many more (the JSON format lists them all). */
    private static String results(List<Result> results) {
        if (results.isEmpty()) {
            return "none found";
        }
        String shown = results.stream().limit(SHOWN_RESULTS)
            .map(r -> Secrets.redact(r.describe()) + " in " + CellLabels.number(r.cell()))
            .collect(Collectors.joining(", "));
        return results.size() <= SHOWN_RESULTS ? shown
            : shown + " and " + (results.size() - SHOWN_RESULTS) + " more (--format json lists them all)";
    }

    private static String io(List<Checklist.IoAccessAt> accesses) {
        if (accesses.isEmpty()) {
            return "none found";
        }
        return accesses.stream().map(a -> a.access().call() + (a.access().target().isEmpty() ? "" :  " '" + Secrets.redact(a.access().target()) + "'")
            + " (" + CellLabels.number(a.cell()) + ")").collect(Collectors.joining(", "));
    }

    private static String cells(List<Integer> cells) {
        if (cells.isEmpty()) {
            return "none";
        }
        return "cells " + cells.stream().map(c -> String.valueOf(c + 1)).collect(Collectors.joining(", "));
    }

    private static String order(ExecutionOrder order) {
        StringBuilder text = new StringBuilder();
        if (order.outOfOrder().isEmpty()) {
            text.append("top to bottom");
        } else {
            text.append("out of order: ").append(order.outOfOrder().stream()
                .map(o -> CellLabels.number(o.cell()) + " [" + o.count() + "] ran before " + CellLabels.number(o.above())
                    + " [" + o.aboveCount() + "]")
                .collect(Collectors.joining("; ")));
        }
        if (!order.neverRun().isEmpty()) {
            text.append("; never run: ").append(order.neverRun().stream().map(CellLabels::number)
                .collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    private static String problems(List<NameProblem> problems) {
        if (problems.isEmpty()) {
            return "none";
        }
        return problems.stream().map(p -> p.name() + " in " + CellLabels.number(p.cell())
            + (p.hidden() ? " (defined later in " + CellLabels.number(p.definedIn().get(0)) + ")" : ""))
            .collect(Collectors.joining(", "));
    }

    private void summary(StringBuilder out, AssessReport report) {
        List<Finding> findings = report.findings();
        Map<Severity, Long> bySeverity = findings.stream().collect(Collectors.groupingBy(Finding::severity, TreeMap::new,
            Collectors.counting()));
        out.append('\n');
        if (findings.isEmpty()) {
            out.append("No findings in ").append(plural(report.notebooks().size(), "notebook")).append(".\n");
            return;
        }
        out.append(bold("Found " + plural(findings.size(), "finding") + " ("
            + bySeverity.entrySet().stream().map(e -> plural(e.getValue().intValue(), e.getKey().label()))
                .collect(Collectors.joining(", "))
            + ") in " + plural(report.notebooks().size(), "notebook") + ":")).append('\n');
        Map<String, RuleInfo> rules = report.rules().stream().collect(Collectors.toMap(RuleInfo::code, Function.identity()));
        Map<String, Long> byCode = findings.stream().collect(Collectors.groupingBy(Finding::code, TreeMap::new,
            Collectors.counting()));
        byCode.forEach((code, count) -> out.append(String.format(Locale.ROOT, "  %5d  %s  %s\n", count, code,
            rules.containsKey(code) ? rules.get(code).name() : "")));
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 || noun.equals("info") ? "" : "s");
    }

    private String paint(String text, Severity severity) {
        if (!color) {
            return text;
        }
        String code = switch (severity) {
            case ERROR -> "\u001b[31;1m";
            case WARNING -> "\u001b[33;1m";
            case INFO -> "\u001b[36m";
        };
        return code + text + RESET;
    }

    private String bold(String text) {
        return color ? "\u001b[1m" + text + RESET : text;
    }
}
