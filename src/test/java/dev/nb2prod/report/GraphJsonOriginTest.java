package dev.nb2prod.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nb2prod.testing.TestNotebooks;
import org.junit.jupiter.api.Test;

class GraphJsonOriginTest {
    @Test
    void anInputWhosePathComesThroughAVariableSaysWhereItWasAssigned() throws Exception {
        String json = new GraphJsonRenderer().render(TestNotebooks.graph(TestNotebooks.code(
            "DATA = 'data/x.csv'", "a = pd.read_csv(DATA)\nb = pd.read_csv('data/y.csv')")));
        JsonNode inputs = new ObjectMapper().readTree(json).path("cells").path(1).path("inputs");
        assertThat(inputs.path(0).path("target").asText()).isEqualTo("data/x.csv");
        assertThat(inputs.path(0).path("origin").toString())
            .isEqualTo("{\"variable\":\"DATA\",\"cell\":0,\"line\":1,\"column\":8}");
        assertThat(inputs.path(1).path("target").asText()).isEqualTo("data/y.csv");
        assertThat(inputs.path(1).has("origin")).isFalse();
    }
}
