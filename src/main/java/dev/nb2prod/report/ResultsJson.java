package dev.nb2prod.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.nb2prod.graph.Result;
import dev.nb2prod.rules.Secrets;
import java.io.IOException;
import java.util.List;

/** The results of a notebook as a JSON array, the same in the assess and graph formats. */
final class ResultsJson {
    private ResultsJson() {}

    /**
     * Writes {@code "field": [{"kind", "cellIndex", "line", "column", ...}]}: kind {@code displayed} (with
     * {@code expression} and {@code variable}), {@code figure} ({@code title}, {@code images}), {@code model}
     * ({@code variable}, {@code estimator}), {@code metric} ({@code variable}, {@code function}) or {@code written}
     * ({@code call}, {@code target}). Texts quoted from the notebook are masked like every other.
     */
    static void write(JsonGenerator json, String field, String cellField, List<Result> results) throws IOException {
        json.writeArrayFieldStart(field);
        for (Result result : results) {
            json.writeStartObject();
            json.writeStringField("kind", switch (result) {
                case Result.Displayed d -> "displayed";
                case Result.Figure f -> "figure";
                case Result.Model m -> "model";
                case Result.Metric m -> "metric";
                case Result.Written w -> "written";
            });
            json.writeNumberField(cellField, result.cell());
            json.writeNumberField("line", result.span().startLine());
            json.writeNumberField("column", result.span().startCol() + 1);
            switch (result) {
                case Result.Displayed d -> {
                    json.writeStringField("expression", Secrets.redact(d.expression()));
                    json.writeStringField("variable", d.variable());
                }
                case Result.Figure f -> {
                    json.writeStringField("title", Secrets.redact(f.title()));
                    json.writeNumberField("images", f.images());
                }
                case Result.Model m -> {
                    json.writeStringField("variable", m.variable());
                    json.writeStringField("estimator", m.estimator());
                }
                case Result.Metric m -> {
                    json.writeStringField("variable", m.variable());
                    json.writeStringField("function", m.function());
                }
                case Result.Written w -> {
                    json.writeStringField("call", w.access().call());
                    json.writeStringField("target", Secrets.redact(w.access().target()));
                }
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
