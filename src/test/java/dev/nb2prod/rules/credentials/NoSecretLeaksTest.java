package dev.nb2prod.rules.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.RuleOptions;
import dev.nb2prod.testing.RuleTester;
import dev.nb2prod.testing.TestNotebooks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No finding of the credential rules may carry a secret beyond its first four characters. */
class NoSecretLeaksTest {

    private static final List<String> SECRETS = List.of(
        Fakes.github(), Fakes.stripeLive(), Fakes.awsKeyId(), Fakes.awsSecret(), Fakes.google(), Fakes.openai(),
        Fakes.openaiLegacy(), Fakes.anthropic(), Fakes.slackBot(), Fakes.slackWebhookPath(), Fakes.gitlab(),
        Fakes.jwt(), Fakes.huggingFace(), Fakes.pemBody(), Fakes.password(), "rFsSehe51RLzREtYhLfo", "Xk2!pQ9zLm7");

    private static List<Finding> assess(Notebook notebook) {
        AnalyzedNotebook analyzed = TestNotebooks.analyze(notebook);
        AssessConfig config = new AssessConfig(List.of(), List.of(), Map.of(), Map.of(), RuleOptions.DEFAULTS);
        return new Assessor(CredentialRules.all(), config).assess(analyzed, new CellGraphBuilder().build(analyzed));
    }

    private static String everySecretIn(String template) {
        return String.join("\n", List.of(
            template.formatted("GITHUB_TOKEN", Fakes.github()),
            template.formatted("STRIPE_KEY", Fakes.stripeLive()),
            template.formatted("AWS_ACCESS_KEY_ID", Fakes.awsKeyId()),
            template.formatted("aws_secret_access_key", Fakes.awsSecret()),
            template.formatted("GOOGLE_API_KEY", Fakes.google()),
            template.formatted("OPENAI_API_KEY", Fakes.openai()),
            template.formatted("OPENAI_KEY", Fakes.openaiLegacy()),
            template.formatted("ANTHROPIC_API_KEY", Fakes.anthropic()),
            template.formatted("SLACK_TOKEN", Fakes.slackBot()),
            template.formatted("webhook", "https://hooks.slack.com/services/" + Fakes.slackWebhookPath()),
            template.formatted("GITLAB_TOKEN", Fakes.gitlab()),
            template.formatted("jwt", Fakes.jwt()),
            template.formatted("HF_TOKEN", Fakes.huggingFace()),
            template.formatted("key", "-----BEGIN PRIVATE KEY-----\\n" + Fakes.pemBody() + "\\n-----END PRIVATE KEY-----"),
            template.formatted("DB_URL", "postgresql://etl:" + Fakes.password() + "@db/dw"),
            template.formatted("api_key", "rFsSehe51RLzREtYhLfo"),
            template.formatted("password", "Xk2!pQ9zLm7")));
    }

    @Test
    void noFindingCarriesASecret() {
        String code = everySecretIn("%s = '%s'");
        String printed = everySecretIn("%s: %s");
        Notebook notebook = TestNotebooks.builder()
            .code(code)
            .codeWithOutputs("print(config)", TestNotebooks.stdout(printed),
                TestNotebooks.result(everySecretIn("'%s': '%s',"), "<pre>" + printed + "</pre>"),
                TestNotebooks.error("ValueError", "bad", printed))
            .codeWithOutputs("customers", TestNotebooks.stdout("vera.lang@example.com +49 30 1234 5678\n"))
            .build();
        List<Finding> findings = assess(notebook);

        assertThat(findings).extracting(Finding::code).contains("NB401", "NB402", "NB403");
        assertThat(findings.stream().filter(f -> f.code().equals("NB401"))).hasSize(SECRETS.size());
        assertThat(findings.stream().filter(f -> f.code().equals("NB402"))).hasSize(3 * SECRETS.size());
        List<String> leaks = new ArrayList<>();
        for (Finding finding : findings) {
            for (String secret : SECRETS) {
                String hidden = secret.substring(4);
                for (int i = 0; i + 6 <= hidden.length(); i++) {
                    String window = hidden.substring(i, i + 6);
                    if (finding.message().contains(window) || finding.fingerprint().contains(window)) {
                        leaks.add(RuleTester.describe(List.of(finding)) + " leaks " + window);
                    }
                }
            }
            assertThat(finding.message()).doesNotContain("vera.lang").doesNotContain("1234 5678");
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void bundledExampleSecretsAndEmailsAreFound() throws Exception {
        Notebook notebook = new NotebookReader().read(Path.of("examples/churn_analysis.ipynb"));
        assertThat(RuleTester.describe(assess(notebook)))
            .contains(
                "2:3:12 NB401 Stripe live key sk_l******** in code: read it from the environment",
                "23:1:1 NB402 Stripe live key sk_l******** in output 1: clear the output and rotate the secret")
            .anyMatch(d -> d.startsWith("5:1:1 NB403 ") && d.contains("email addresses in output 1"));
    }
}
