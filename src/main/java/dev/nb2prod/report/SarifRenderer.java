package dev.nb2prod.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import dev.nb2prod.rules.baseline.PortablePaths;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning services (GitHub code scanning, ...). One run; the rules come from
 * {@link RuleInfo}; each result points at the line of the .ipynb file and names its cell as a logical location.
 * No timestamps or absolute paths, so the output is deterministic.
 */
public final class SarifRenderer {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String FINGERPRINT_KEY = "nb2prod/v1";

    private final String version;

    /** @param version the nb2prod version reported as {@code tool.driver.version} */
    public SarifRenderer(String version) {
        this.version = version;
    }

    public String render(AssessReport report) {
        List<RuleInfo> rules = report.rules();
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).code(), i);
        }
        return JsonWriting.write(json -> {
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA);
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            json.writeObjectFieldStart("tool");
            json.writeObjectFieldStart("driver");
            json.writeStringField("name", "nb2prod");
            json.writeStringField("version", version);
            json.writeArrayFieldStart("rules");
            for (RuleInfo rule : rules) {
                rule(json, rule);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("results");
            for (Finding finding : report.findings()) {
                result(json, finding, ruleIndex.get(finding.code()));
            }
            json.writeEndArray();
            json.writeStringField("columnKind", "unicodeCodePoints");
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void rule(JsonGenerator json, RuleInfo rule) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", rule.code());
        json.writeStringField("name", rule.name());
        message(json, "shortDescription", rule.summary());
        message(json, "fullDescription", rule.rationale());
        json.writeObjectFieldStart("help");
        json.writeStringField("text", RulesMarkdown.helpText(rule));
        json.writeStringField("markdown", RulesMarkdown.rule(rule, "##"));
        json.writeEndObject();
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeStringField("level", level(rule.severity()));
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeArrayFieldStart("tags");
        json.writeString(rule.family().title());
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void result(JsonGenerator json, Finding finding, Integer ruleIndex) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", finding.code());
        if (ruleIndex != null) {
            json.writeNumberField("ruleIndex", ruleIndex);
        }
        json.writeStringField("level", level(finding.severity()));
        message(json, "message", finding.message());
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", uri(finding.path()));
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", Math.max(1, finding.fileLine()));
        json.writeEndObject();
        json.writeEndObject();
        json.writeArrayFieldStart("logicalLocations");
        json.writeStartObject();
        json.writeStringField("name", CellLabels.number(finding.cellIndex()));
        json.writeStringField("fullyQualifiedName", PortablePaths.of(finding.path()) + "#" + CellLabels.number(finding.cellIndex()));
        json.writeStringField("kind", "module");
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField(FINGERPRINT_KEY, finding.fingerprint());
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeNumberField("cellIndex", finding.cellIndex());
        json.writeStringField("cellId", finding.cellId());
        if (finding.where() instanceof Finding.Where.Output output) {
            json.writeNumberField("output", output.output());
        }
        json.writeNumberField("cellLine", finding.line());
        json.writeNumberField("cellColumn", finding.column());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void message(JsonGenerator json, String field, String text) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("text", text);
        json.writeEndObject();
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** A relative URI reference for the notebook path (forward slashes, spaces and the like percent-encoded). */
    static String uri(String path) {
        String portable = PortablePaths.of(path);
        try {
            return new URI(null, null, portable, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + path, e);
        }
    }
}
