package dev.nb2prod.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.nb2prod.graph.Checklist;
import dev.nb2prod.graph.ExecutionOrder;
import dev.nb2prod.graph.NameProblem;
import dev.nb2prod.graph.Terminal;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Secrets;
import dev.nb2prod.rules.Severity;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The machine format of {@code nb2prod assess} (documented in docs/configuration.md): per notebook its summary,
 * checklist and findings, then counts. Keys always appear in the same order; absent values are {@code null}.
 */
public final class JsonRenderer {
    public static final int FORMAT_VERSION = 1;

    public String render(AssessReport report) {
        Map<String, RuleInfo> rules = report.rules().stream()
            .collect(Collectors.toMap(RuleInfo::code, Function.identity(), (a, b) -> a, TreeMap::new));
        return JsonWriting.write(json -> {
            json.writeStartObject();
            json.writeNumberField("version", FORMAT_VERSION);
            json.writeStringField("failOn", report.failOn().label());
            json.writeBooleanField("failed", report.failed());
            json.writeArrayFieldStart("notebooks");
            for (NotebookResult notebook : report.notebooks()) {
                json.writeStartObject();
                json.writeStringField("path", notebook.summary().path());
                summary(json, notebook.summary());
                checklist(json, notebook.checklist());
                json.writeArrayFieldStart("findings");
                for (Finding finding : notebook.findings()) {
                    finding(json, finding, rules.get(finding.code()));
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            counts(json, report.findings());
            json.writeEndObject();
        });
    }

    private static void summary(JsonGenerator json, NotebookSummary summary) throws IOException {
        json.writeObjectFieldStart("summary");
        json.writeStringField("nbformat", summary.format());
        json.writeStringField("language", summary.language());
        json.writeBooleanField("python", summary.python());
        json.writeNumberField("cells", summary.cells());
        json.writeNumberField("codeCells", summary.codeCells());
        json.writeNumberField("markdownCells", summary.markdownCells());
        json.writeNumberField("rawCells", summary.rawCells());
        json.writeNumberField("codeLines", summary.codeLines());
        json.writeArrayFieldStart("syntaxErrors");
        for (NotebookSummary.CellError error : summary.syntaxErrors()) {
            json.writeStartObject();
            json.writeNumberField("cellIndex", error.cellIndex());
            json.writeNumberField("line", error.line());
            json.writeNumberField("column", error.column());
            json.writeStringField("message", error.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void checklist(JsonGenerator json, Checklist checklist) throws IOException {
        json.writeObjectFieldStart("checklist");
        io(json, "inputs", checklist.inputs());
        io(json, "outputs", checklist.outputs());
        ints(json, "essentialCells", checklist.essentialCells());
        ints(json, "exploratoryCells", checklist.exploratoryCells());
        ExecutionOrder order = checklist.executionOrder();
        json.writeObjectFieldStart("executionOrder");
        json.writeBooleanField("topToBottom", order.linear());
        ints(json, "runOrder", order.runOrder());
        ints(json, "neverRun", order.neverRun());
        json.writeArrayFieldStart("outOfOrder");
        for (ExecutionOrder.OutOfOrder o : order.outOfOrder()) {
            json.writeStartObject();
            json.writeNumberField("cellIndex", o.cell());
            json.writeNumberField("count", o.count());
            json.writeNumberField("aboveCellIndex", o.above());
            json.writeNumberField("aboveCount", o.aboveCount());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        problems(json, "hiddenDependencies", checklist.hiddenDependencies());
        problems(json, "undefined", checklist.undefined());
        json.writeArrayFieldStart("terminals");
        for (Terminal terminal : checklist.terminals()) {
            json.writeStartObject();
            json.writeStringField("name", terminal.name());
            json.writeNumberField("cellIndex", terminal.cell());
            json.writeEndObject();
        }
        json.writeEndArray();
        ResultsJson.write(json, "results", "cellIndex", checklist.results());
        json.writeEndObject();
    }

    private static void io(JsonGenerator json, String field, List<Checklist.IoAccessAt> accesses) throws IOException {
        json.writeArrayFieldStart(field);
        for (Checklist.IoAccessAt access : accesses) {
            json.writeStartObject();
            json.writeNumberField("cellIndex", access.cell());
            json.writeStringField("call", access.access().call());
            json.writeStringField("target", Secrets.redact(access.access().target()));
            json.writeNumberField("line", access.access().span().startLine());
            json.writeNumberField("column", access.access().span().startCol() + 1);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void problems(JsonGenerator json, String field, List<NameProblem> problems) throws IOException {
        json.writeArrayFieldStart(field);
        for (NameProblem problem : problems) {
            json.writeStartObject();
            json.writeStringField("name", problem.name());
            json.writeNumberField("cellIndex", problem.cell());
            json.writeNumberField("line", problem.span().startLine());
            json.writeNumberField("column", problem.span().startCol() + 1);
            ints(json, "definedIn", problem.definedIn());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void finding(JsonGenerator json, Finding finding, RuleInfo rule) throws IOException {
        json.writeStartObject();
        json.writeStringField("code", finding.code());
        json.writeStringField("name", rule == null ? "" : rule.name());
        json.writeStringField("severity", finding.severity().label());
        json.writeStringField("message", finding.message());
        json.writeStringField("path", finding.path());
        json.writeNumberField("cellIndex", finding.cellIndex());
        json.writeNumberField("cellNumber", finding.cellIndex() + 1);
        json.writeStringField("cellId", finding.cellId());
        switch (finding.where()) {
            case Finding.Where.Source s -> {
                json.writeNullField("output");
                json.writeNumberField("line", s.line());
                json.writeNumberField("column", s.column());
                json.writeNumberField("endLine", s.endLine());
                json.writeNumberField("endColumn", s.endColumn());
            }
            case Finding.Where.Output o -> {
                json.writeNumberField("output", o.output());
                json.writeNumberField("line", o.line());
                json.writeNumberField("column", o.column());
                json.writeNumberField("endLine", o.line());
                json.writeNumberField("endColumn", o.column());
            }
        }
        json.writeNumberField("fileLine", finding.fileLine());
        json.writeStringField("fingerprint", finding.fingerprint());
        json.writeEndObject();
    }

    private static void counts(JsonGenerator json, List<Finding> findings) throws IOException {
        json.writeObjectFieldStart("counts");
        json.writeNumberField("findings", findings.size());
        for (Severity severity : Severity.values()) {
            json.writeNumberField(severity.label(), findings.stream().filter(f -> f.severity() == severity).count());
        }
        json.writeObjectFieldStart("byCode");
        Map<String, Long> byCode = findings.stream().collect(Collectors.groupingBy(Finding::code, TreeMap::new,
            Collectors.counting()));
        for (Map.Entry<String, Long> entry : byCode.entrySet()) {
            json.writeNumberField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void ints(JsonGenerator json, String field, List<Integer> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (int value : values) {
            json.writeNumber(value);
        }
        json.writeEndArray();
    }
}
