package dev.nb2prod.extract.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.nb2prod.extract.data.ColumnProfile;
import dev.nb2prod.extract.data.DataProfile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code src/<pkg>/reference_profile.json}: the profile of each input file the notebook read, by configuration key,
 * which the package's drift check compares each run's inputs with. Keys: {@code inputs} → key →
 * {@code file}, {@code rows}, {@code delimiter}, {@code skiprows} (records before the header), {@code columns} → name → {@code type} (numeric, categorical, or text: free text,
 * identifiers or personal data, watched for nulls only),
 * {@code null_rate}, {@code unique}, and {@code edges} + {@code proportions} (numeric) or {@code frequencies}.
 */
public final class ProfileJson {
    private ProfileJson() {}

    /** The file's text, or empty when no input file was profiled. */
    public static Optional<String> render(List<DataFixtures.Fixture> fixtures) {
        if (fixtures.stream().noneMatch(f -> f.profile().isPresent())) {
            return Optional.empty();
        }
        StringWriter out = new StringWriter();
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(
            new DefaultIndenter("  ", "\n")).withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.setPrettyPrinter(printer);
            json.writeStartObject();
            json.writeObjectFieldStart("inputs");
            for (DataFixtures.Fixture fixture : fixtures) {
                if (fixture.profile().isPresent()) {
                    json.writeFieldName(fixture.key().key());
                    write(json, fixture.profile().get());
                }
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(out + "\n");
    }

    private static void write(JsonGenerator json, DataProfile profile) throws IOException {
        json.writeStartObject();
        json.writeStringField("file", profile.file());
        json.writeNumberField("rows", profile.rows());
        json.writeStringField("delimiter", String.valueOf(profile.delimiter()));
        json.writeNumberField("skiprows", profile.skipped());
        json.writeObjectFieldStart("columns");
        for (Map.Entry<String, ColumnProfile> entry : profile.columns().entrySet()) {
            json.writeObjectFieldStart(entry.getKey());
            ColumnProfile column = entry.getValue();
            json.writeStringField("type", switch (column) {
                case ColumnProfile.Numeric n -> "numeric";
                case ColumnProfile.Categorical c -> "categorical";
                case ColumnProfile.Text t -> "text";
            });
            json.writeNumberField("null_rate", column.nullRate());
            json.writeBooleanField("unique", column.unique());
            switch (column) {
                case ColumnProfile.Numeric numeric -> {
                    json.writeBooleanField("integral", numeric.integral());
                    json.writeFieldName("edges");
                    json.writeArray(numeric.edges(), 0, numeric.edges().length);
                    json.writeFieldName("proportions");
                    json.writeArray(numeric.proportions(), 0, numeric.proportions().length);
                }
                case ColumnProfile.Text text -> json.writeBooleanField("personal", text.personal());
                case ColumnProfile.Categorical categorical -> {
                    json.writeObjectFieldStart("frequencies");
                    for (Map.Entry<String, Double> f : categorical.frequencies().entrySet()) {
                        json.writeNumberField(f.getKey(), f.getValue());
                    }
                    json.writeEndObject();
                }
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}
