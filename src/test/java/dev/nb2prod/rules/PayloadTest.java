package dev.nb2prod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.python.ast.Span;
import dev.nb2prod.testing.RuleTester;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PayloadTest {
    /** A rule that reports the first line of every cell, with the given payload. */
    private record Reporting(Payload payload) implements Rule {
        @Override
        public RuleInfo info() {
            return new RuleInfo("NB299", "test-rule", Family.CONFIGURATION, Severity.INFO, "s", "r", "b", "a", "f");
        }

        @Override
        public void check(RuleContext context) {
            context.parsedCells().forEach(c -> context.report(c.index(), new Span(1, 0, 1, 5), "found", payload));
        }
    }

    @Test
    void thePayloadReachesTheFindingAndIsNotPartOfTheFingerprint() {
        var with = RuleTester.run(new Reporting(new Payload.Seed("42")), "x = 1", "y = 2");
        var without = RuleTester.run(new Reporting(Payload.NONE), "x = 1", "y = 2");
        assertThat(with).extracting(Finding::payload).containsExactly(new Payload.Seed("42"), new Payload.Seed("42"));
        assertThat(without).extracting(Finding::payload).containsOnly(Payload.NONE);
        assertThat(with).extracting(Finding::fingerprint).isEqualTo(without.stream().map(Finding::fingerprint).toList())
            .doesNotHaveDuplicates();
    }

    @Test
    void findingsMadeWithoutAPayloadHaveNone() {
        Finding f = new Finding("NB201", Severity.WARNING, "m", "x.ipynb", 0, "", new Finding.Where.Source(1, 1, 1, 2),
            3, "abc");
        assertThat(f.payload()).isEqualTo(Payload.NONE);
        assertThat(f.withSeverity(Severity.ERROR).payload()).isEqualTo(Payload.NONE);
    }

    @Test
    void printingAPayloadMasksSecrets() {
        StringBuilder token = new StringBuilder("ghp_");
        Random random = new Random(7);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 36; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String url = "https://api.example.com/v1?token=" + token;
        assertThat(Secrets.redact(url)).isNotEqualTo(url);
        assertThat(new Payload.Endpoint(url, Payload.EndpointKind.URL).toString()).doesNotContain(token);
        assertThat(new Payload.PathValue("data/" + token + ".csv", Payload.PathKind.RELATIVE, Payload.PathRole.INPUT)
            .toString()).doesNotContain(token);
    }
}
