package dev.nb2prod.rules.credentials;

import static dev.nb2prod.testing.RuleTester.describe;
import static dev.nb2prod.testing.RuleTester.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Payload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretInCodeRuleTest {
    private final SecretInCodeRule rule = new SecretInCodeRule();

    @Test
    void tokenFormatInALiteral() {
        assertThat(describe(run(rule, "x = 1\nclient = Github('" + Fakes.github() + "')")))
            .containsExactly("0:2:18 NB401 GitHub token ghp_******** in code: read it from the environment");
    }

    @Test
    void tokenFormatInACommentOrAShellCommand() {
        assertThat(describe(run(rule,
            "# key: " + Fakes.stripeLive(),
            "!curl -H 'Authorization: Bearer " + Fakes.jwt() + "' https://api.example.com")))
            .containsExactly(
                "0:1:8 NB401 Stripe live key sk_l******** in code: read it from the environment",
                "1:1:33 NB401 JSON web token eyJh******** in code: read it from the environment");
    }

    @Test
    void tokenInACellThatDoesNotParse() {
        assertThat(describe(run(rule, "print 'key', '" + Fakes.awsKeyId() + "'")))
            .containsExactly("0:1:15 NB401 AWS access key id AKIA******** in code: read it from the environment");
    }

    @Test
    void privateKeyBlockOverSeveralLines() {
        assertThat(describe(run(rule, "KEY = '''-----BEGIN RSA PRIVATE KEY-----\n" + Fakes.pemBody() + "\n-----END RSA PRIVATE KEY-----'''")))
            .containsExactly("0:2:1 NB401 private key MIIE******** in code: read it from the environment");
    }

    @Test
    void connectionStringWithAPassword() {
        assertThat(describe(run(rule, "engine = create_engine('postgresql://etl:" + Fakes.password() + "@db:5432/dw')")))
            .containsExactly("0:1:25 NB401 password in URL postgresql://etl:****@db in code: read it from the environment");
    }

    @Test
    void randomValueAssignedToACredentialName() {
        assertThat(describe(run(rule,
            "quandl.ApiConfig.api_key = 'rFsSehe51RLzREtYhLfo'",
            "DB_PASSWORD = '" + Fakes.password() + "'",
            "os.environ['OPENAI_KEY'] = 'a8f5f167f44f4964e6c998dee827110c'",
            "conf = {'host': 'db', 'password': 'Xk2!pQ9zLm'}",
            "df = web.DataReader('AAPL', 'av-daily', api_key='AZOBAQ2SK8AC1MUD')",
            "r = requests.get(url, auth=('maria', 'Vt6#wq2Lz9'))",
            "headers = {'Authorization': 'Bearer 9f8e7d6c5b4a39281706aabbccdd'}")))
            .containsExactly(
                "0:1:28 NB401 API key rFsS******** assigned to api_key in code: read it from the environment",
                "1:1:15 NB401 password Tq7E******** assigned to DB_PASSWORD in code: read it from the environment"
                    .replace("Tq7E", Fakes.password().substring(0, 4)),
                "2:1:28 NB401 API key a8f5******** assigned to OPENAI_KEY in code: read it from the environment",
                "3:1:35 NB401 password Xk2!****** assigned to password in code: read it from the environment",
                "4:1:49 NB401 API key AZOB******** assigned to api_key in code: read it from the environment",
                "5:1:38 NB401 password Vt6#****** assigned to password in code: read it from the environment",
                "6:1:29 NB401 secret Bear******** assigned to Authorization in code: read it from the environment");
    }

    @Test
    void aTokenIsReportedOnceEvenWhenAssignedToACredentialName() {
        assertThat(describe(run(rule, "API_KEY = \"" + Fakes.stripeLive() + "\"")))
            .containsExactly("0:1:12 NB401 Stripe live key sk_l******** in code: read it from the environment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "API_KEY = 'YOUR_API_KEY'",
        "api_key = '<token>'",
        "token = 'xxx'",
        "password = 'changeme'",
        "secret = '...'",
        "TOKEN = '${TOKEN}'",
        "OPENAI_API_KEY = 'sk-xxxx'",
        "api_key = 'your-key-here'",
        "password = '<password>'",
        "password = ''",
        "token = None",
        "api_key = os.environ['API_KEY']",
        "password = getpass.getpass()",
        "token = tokenizer(text)",
        "password_field = 'password'",
        "password = 'password'",
        "hash = '5d41402abc4b2a76b9719d911017c592'",
        "checksum = '5d41402abc4b2a76b9719d911017c592'",
        "commit = 'da39a3ee5e6b4b0d3255bfef95601890afd80709'",
        "run_id = '123e4567-e89b-12d3-a456-426614174000'",
        "vec = CountVectorizer(token_pattern=r'(?u)\\b\\w\\w+\\b')",
        "tok.pad_token = '[PAD]'",
        "special = {'eos_token': '</s>', 'pad_token': '<pad>'}",
        "secret_path = '/run/secrets/api_key_2024'",
        "token_file = 'creds/token_v2.json'",
        "creds = service_account.Credentials.from_service_account_file('key-4f3a9b.json')",
        "api_key = f'{prefix}-{suffix}-2024abc'",
        "random_state = 42",
        "key = 'a8f5f167f44f4964e6c998dee827110c'",
        "API_KEY = 'sk-learn'",
        "password = 'hunter2'",
        "AUTH_URL = 'https://login.example.com/oauth2/v2.0/token'",
    })
    void notSecrets(String source) {
        assertThat(run(rule, source)).isEmpty();
    }

    @Test
    void suppressionComment() {
        assertThat(run(rule, "API_KEY = 'rFsSehe51RLzREtYhLfo'  # nb2prod: ignore[NB401]")).isEmpty();
    }

    @Test
    void payloadsCarryTheKindOfSecretNeverItsValue() {
        var findings = run(rule, "client = Github('" + Fakes.github() + "')", "DB_PASSWORD = '" + Fakes.password() + "'",
            "e = create_engine('postgresql://etl:Zq8rT2pLx9w@db/sales')", "api_key = 'AZOBAQ2SK8AC1MUD'");
        assertThat(findings).extracting(Finding::payload).containsExactly(
            new Payload.SecretValue("GitHub token"), new Payload.SecretValue("password"),
            new Payload.SecretValue("password in URL"), new Payload.SecretValue("API key"));
        assertThat(findings.toString()).doesNotContain(Fakes.github(), Fakes.password(), "Zq8rT2pLx9w", "AZOBAQ2SK8AC1MUD");
    }
}
