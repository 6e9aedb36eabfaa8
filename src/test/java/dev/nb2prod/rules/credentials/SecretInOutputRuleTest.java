package dev.nb2prod.rules.credentials;

import static dev.nb2prod.testing.RuleTester.describe;
import static dev.nb2prod.testing.RuleTester.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.notebook.Output;
import dev.nb2prod.notebook.SourceText;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Secrets;
import dev.nb2prod.testing.TestNotebooks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretInOutputRuleTest {
    private final SecretInOutputRule rule = new SecretInOutputRule();

    private List<Finding> runOutputs(Output... outputs) {
        return run(rule, TestNotebooks.builder().code("x = 1").codeWithOutputs("show()", outputs).build());
    }

    private static Output json(String text) {
        return new Output.DisplayData(new Output.MimeBundle(
            Map.of("application/json", new SourceText(text, List.of(7000))), Map.of()), 1);
    }

    @Test
    void printedToken() {
        List<Finding> findings = runOutputs(TestNotebooks.stdout("loaded\n" + Fakes.stripeLive() + "\n"));
        assertThat(describe(findings)).containsExactly(
            "1:1:1 NB402 Stripe live key sk_l******** in output 1: clear the output and rotate the secret");
        assertThat(findings.get(0).where()).isEqualTo(new Finding.Where.Output(1, 2, 1));
        assertThat(findings.get(0).fileLine()).isEqualTo(5001);
    }

    @Test
    void tokenInAnHtmlTableIsReportedOncePerOutput() {
        String token = Fakes.github();
        assertThat(describe(runOutputs(TestNotebooks.stdout("ok\n"),
            TestNotebooks.result("{'token': '" + token + "'}", "<td>" + token + "</td>"))))
            .containsExactly("1:1:1 NB402 GitHub token ghp_******** in output 2: clear the output and rotate the secret");
    }

    @Test
    void connectionStringInATracebackWithColours() {
        String traceback = "\u001b[0;31mOperationalError\u001b[0m: could not connect to "
            + "\u001b[1mpostgresql://etl:" + Fakes.password() + "@db.internal/dw\u001b[0m";
        List<Finding> findings = runOutputs(TestNotebooks.error("OperationalError", "x", traceback));
        assertThat(describe(findings)).containsExactly(
            "1:1:1 NB402 password in URL postgresql://etl:****@db.internal in output 1: clear the output and rotate the secret");
        assertThat(findings.get(0).where()).isEqualTo(new Finding.Where.Output(1, 1, 55));
    }

    @Test
    void tokensInJsonAndKeyValuePairs() {
        assertThat(describe(runOutputs(
            json("{\"user\": \"maria\", \"jwt\": \"" + Fakes.jwt() + "\"}"),
            TestNotebooks.stdout("connecting with password=Xk2!pQ9zLm7 to db\n"),
            TestNotebooks.stdout("{'host': 'db', 'api_key': 'rFsSehe51RLzREtYhLfo'}\n"))))
            .containsExactlyInAnyOrder(
                "1:1:1 NB402 JSON web token eyJh******** in output 1: clear the output and rotate the secret",
                "1:1:1 NB402 value of password Xk2!******* in output 2: clear the output and rotate the secret",
                "1:1:1 NB402 value of api_key rFsS******** in output 3: clear the output and rotate the secret");
    }

    @Test
    void theFingerprintKeyIsAHashOfTheSecret() {
        String token = Fakes.github();
        Finding finding = runOutputs(TestNotebooks.stdout(token)).get(0);
        assertThat(finding.fingerprint()).doesNotContain(token.substring(4, 12));
        Finding again = runOutputs(TestNotebooks.stdout("moved down\n\n" + token)).get(0);
        assertThat(again.fingerprint()).isEqualTo(finding.fingerprint());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "commit da39a3ee5e6b4b0d3255bfef95601890afd80709\n",
        "md5: 5d41402abc4b2a76b9719d911017c592\n",
        "run id 123e4567-e89b-12d3-a456-426614174000\n",
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\n",
        "{'max_tokens': 2048, 'token_count': 1234567890}\n",
        "tokenizer: BertTokenizerFast(name_or_path='bert-base-uncased', vocab_size=30522)\n",
        "password: ********\n",
        "API_KEY=YOUR_API_KEY\n",
        "Your token is <token>\n",
        "postgresql://user:password@localhost/db\n",
        "sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n",
        "Downloading https://files.pythonhosted.org/packages/ab/cd/ef0123456789abcdef/pkg-1.0.tar.gz\n",
    })
    void hashesIdsAndPlaceholdersInOutputsAreNotSecrets(String text) {
        assertThat(runOutputs(TestNotebooks.stdout(text))).isEmpty();
    }

    @Test
    void noOutputsNoFindings() {
        assertThat(run(rule, "API_KEY = '" + Fakes.stripeLive() + "'")).isEmpty();
        assertThat(Secrets.find("")).isEmpty();
    }

    @Test
    void executeResultWithoutTextIsIgnored() {
        Output image = new Output.ExecuteResult(Optional.of(1), new Output.MimeBundle(Map.of(), Map.of("image/png", 400)), 1);
        assertThat(runOutputs(image)).isEmpty();
    }
}
