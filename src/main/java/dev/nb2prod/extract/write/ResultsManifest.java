package dev.nb2prod.extract.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.PlanResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code nb2prod.json}: which of the notebook's results run_pipeline returns, and where each comes from (the cell,
 * the variable or displayed value, the file the package writes). {@code nb2prod verify} compares by it. Keys:
 * {@code notebook} (the file name), {@code results}: [{@code name}, {@code kind} (displayed, metric, model,
 * model_file, figure, file), {@code cell} (0-based index), {@code source} (the notebook variable, empty for a
 * displayed value), {@code file} (relative to output_root, or the configuration key of a written file)].
 */
public final class ResultsManifest {
    private ResultsManifest() {}

    public static String render(ExtractionPlan plan) {
        StringWriter out = new StringWriter();
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(
            new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.setPrettyPrinter(printer);
            json.writeStartObject();
            json.writeStringField("notebook", Path.of(plan.notebookPath()).getFileName().toString());
            json.writeArrayFieldStart("results");
            for (PlanResult r : plan.results()) {
                json.writeStartObject();
                json.writeStringField("name", r.name());
                json.writeStringField("kind", r.kind().name().toLowerCase(Locale.ROOT));
                json.writeNumberField("cell", r.cell());
                json.writeStringField("source", r.source());
                json.writeStringField("file", r.file());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** The results as a markdown list for the README. */
    public static String markdown(ExtractionPlan plan) {
        if (plan.results().isEmpty()) {
            return "(nothing: the notebook shows no result nb2prod recognises)";
        }
        return plan.results().stream().map(r -> "- `" + r.name() + "`: " + what(r) + " (cell " + (r.cell() + 1) + ")")
            .collect(Collectors.joining("\n"));
    }

    private static String what(PlanResult r) {
        return switch (r.kind()) {
            case DISPLAYED -> "displayed in the notebook";
            case METRIC -> "a metric";
            case MODEL -> "a fitted model";
            case MODEL_FILE -> "where the model is saved (`" + r.file() + "` under `output_root`)";
            case FIGURE -> "the figure, saved as `" + r.file() + "` under `output_root`";
            case FILE -> "the file written (`" + r.file() + "`)";
        };
    }
}
