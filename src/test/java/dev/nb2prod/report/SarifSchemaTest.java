package dev.nb2prod.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.nb2prod.testing.Cli;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SARIF output is valid against the official SARIF 2.1.0 schema (a copy in src/test/resources/schemas). */
class SarifSchemaTest {
    private static final String FIXTURE = "src/test/resources/golden/assess/findings.ipynb";

    private static JsonSchema schema() throws Exception {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    @Test
    void outputWithFindingsIsValidSarif() throws Exception {
        Cli result = Cli.run("assess", "--format", "sarif", FIXTURE, "examples/churn_analysis.ipynb");
        JsonNode sarif = new ObjectMapper().readTree(result.out());
        Set<ValidationMessage> errors = schema().validate(sarif);
        assertThat(errors).isEmpty();
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.path("results").size()).isGreaterThanOrEqualTo(3);
        JsonNode first = run.path("results").get(0);
        assertThat(first.path("ruleId").asText()).isEqualTo("NB001");
        assertThat(first.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
            .isEqualTo(FIXTURE);
        assertThat(first.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt())
            .as("the line of the .ipynb file").isGreaterThan(10);
        assertThat(first.path("partialFingerprints").path("nb2prod/v1").asText()).matches("[0-9a-f]{20}(:[0-9]+)?");
        assertThat(first.path("locations").get(0).path("logicalLocations").get(0).path("name").asText()).isEqualTo("cell 2");
        assertThat(run.path("tool").path("driver").path("rules").findValuesAsText("id")).contains("NB001", "NB002");
    }

    @Test
    void theSchemaCatchesBrokenSarif() throws Exception {
        JsonNode broken = new ObjectMapper().readTree("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {}}]}");
        assertThat(schema().validate(broken)).isNotEmpty();
    }
}
