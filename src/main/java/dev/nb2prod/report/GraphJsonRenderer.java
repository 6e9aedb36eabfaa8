package dev.nb2prod.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellNode;
import dev.nb2prod.graph.Edge;
import dev.nb2prod.graph.ExecutionOrder;
import dev.nb2prod.graph.IoAccess;
import dev.nb2prod.graph.NameProblem;
import dev.nb2prod.graph.Terminal;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.rules.Secrets;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;

/** Renders a {@link CellGraph} as the JSON documented in docs/graph-json.md (stable key order, sorted lists). */
public final class GraphJsonRenderer {
    private final JsonFactory factory = new JsonFactory();

    public String render(CellGraph graph) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = factory.createGenerator(out)) {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
            json.writeStartObject();
            json.writeStringField("notebook", graph.notebook());
            json.writeArrayFieldStart("cells");
            for (CellNode cell : graph.cells()) {
                cell(json, cell);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("edges");
            for (Edge edge : graph.edges()) {
                json.writeStartObject();
                json.writeNumberField("from", edge.from());
                json.writeNumberField("to", edge.to());
                strings(json, "names", edge.names());
                json.writeEndObject();
            }
            json.writeEndArray();
            problems(json, "hiddenDependencies", graph.hiddenDependencies(), true);
            problems(json, "undefined", graph.undefined(), false);
            order(json, graph.executionOrder());
            json.writeArrayFieldStart("terminals");
            for (Terminal terminal : graph.terminals()) {
                json.writeStartObject();
                json.writeStringField("name", terminal.name());
                json.writeNumberField("cell", terminal.cell());
                json.writeEndObject();
            }
            json.writeEndArray();
            ResultsJson.write(json, "results", "cell", graph.results());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void cell(JsonGenerator json, CellNode cell) throws IOException {
        json.writeStartObject();
        json.writeNumberField("index", cell.index());
        json.writeStringField("id", cell.id());
        json.writeStringField("type", cell.type());
        if (cell.executionCount().isPresent()) {
            json.writeNumberField("executionCount", cell.executionCount().get());
        } else {
            json.writeNullField("executionCount");
        }
        strings(json, "defines", cell.defines());
        strings(json, "uses", cell.uses());
        strings(json, "mutates", cell.mutates());
        json.writeBooleanField("starImport", cell.starImport());
        if (cell.syntaxError().isPresent()) {
            json.writeObjectFieldStart("syntaxError");
            json.writeStringField("message", Secrets.redact(cell.syntaxError().get().message()));
            json.writeNumberField("line", cell.syntaxError().get().line());
            json.writeNumberField("column", cell.syntaxError().get().column());
            json.writeEndObject();
        } else {
            json.writeNullField("syntaxError");
        }
        json.writeBooleanField("essential", cell.essential());
        io(json, "inputs", cell.inputs());
        io(json, "outputs", cell.outputs());
        json.writeEndObject();
    }

    private static void io(JsonGenerator json, String field, List<IoAccess> accesses) throws IOException {
        json.writeArrayFieldStart(field);
        for (IoAccess access : accesses) {
            json.writeStartObject();
            json.writeStringField("call", access.call());
            json.writeStringField("target", Secrets.redact(access.target()));
            position(json, access.span());
            if (access.origin().isPresent()) { // only then, so that older readers see what they always saw
                IoAccess.Origin origin = access.origin().get();
                json.writeObjectFieldStart("origin");
                json.writeStringField("variable", origin.variable());
                json.writeNumberField("cell", origin.cell());
                position(json, origin.literal());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void problems(JsonGenerator json, String field, List<NameProblem> problems, boolean hidden)
        throws IOException {
        json.writeArrayFieldStart(field);
        for (NameProblem problem : problems) {
            json.writeStartObject();
            json.writeStringField("name", problem.name());
            json.writeNumberField("cell", problem.cell());
            position(json, problem.span());
            if (hidden) {
                json.writeArrayFieldStart("definedIn");
                for (int cell : problem.definedIn()) {
                    json.writeNumber(cell);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void order(JsonGenerator json, ExecutionOrder order) throws IOException {
        json.writeObjectFieldStart("executionOrder");
        ints(json, "runOrder", order.runOrder());
        ints(json, "neverRun", order.neverRun());
        json.writeArrayFieldStart("outOfOrder");
        for (ExecutionOrder.OutOfOrder o : order.outOfOrder()) {
            json.writeStartObject();
            json.writeNumberField("cell", o.cell());
            json.writeNumberField("count", o.count());
            json.writeNumberField("above", o.above());
            json.writeNumberField("aboveCount", o.aboveCount());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("gaps");
        for (ExecutionOrder.Gap gap : order.gaps()) {
            json.writeStartObject();
            json.writeNumberField("after", gap.after());
            json.writeNumberField("before", gap.before());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Line (1-based, within the cell) and column (1-based) of a span. */
    private static void position(JsonGenerator json, Span span) throws IOException {
        json.writeNumberField("line", span.startLine());
        json.writeNumberField("column", span.startCol() + 1);
    }

    private static void strings(JsonGenerator json, String field, Collection<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void ints(JsonGenerator json, String field, Collection<Integer> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (int value : values) {
            json.writeNumber(value);
        }
        json.writeEndArray();
    }
}
