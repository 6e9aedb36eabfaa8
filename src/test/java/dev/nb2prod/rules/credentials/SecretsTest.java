package dev.nb2prod.rules.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.rules.Secrets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {

    @Test
    void maskShowsFourCharactersThenFourToEightAsterisks() {
        assertThat(Secrets.mask("ghp_abcdefghijklmnopqrstuvwxyz")).isEqualTo("ghp_********");
        assertThat(Secrets.mask("abcdef")).isEqualTo("abcd****");
        assertThat(Secrets.mask("abcdefghijk")).isEqualTo("abcd*******");
        assertThat(Secrets.mask("abcd")).isEqualTo("****");
        assertThat(Secrets.mask("ab")).isEqualTo("****");
        assertThat(Secrets.mask("")).isEqualTo("****");
    }

    @Test
    void hashIsShortStableAndDoesNotContainTheSecret() {
        String secret = Fakes.github();
        assertThat(Secrets.hash(secret)).hasSize(16).isEqualTo(Secrets.hash(secret)).isNotEqualTo(Secrets.hash("x"));
    }

    private static List<String> kinds(String text) {
        return Secrets.find(text).stream().map(Secrets.Match::kind).toList();
    }

    @Test
    void findsEveryKnownTokenFormat() {
        assertThat(kinds("key = '" + Fakes.awsKeyId() + "'")).containsExactly("AWS access key id");
        assertThat(kinds("aws_secret_access_key = '" + Fakes.awsSecret() + "'")).containsExactly("AWS secret access key");
        assertThat(kinds("\"AWS_SECRET_ACCESS_KEY\": \"" + Fakes.awsSecret() + "\"")).containsExactly("AWS secret access key");
        assertThat(kinds(Fakes.github())).containsExactly("GitHub token");
        assertThat(kinds("github_pat_" + Fakes.alnum(22, 30) + "_" + Fakes.alnum(59, 31))).containsExactly("GitHub token");
        assertThat(kinds(Fakes.gitlab())).containsExactly("GitLab token");
        assertThat(kinds(Fakes.slackBot())).containsExactly("Slack token");
        assertThat(kinds("https://hooks.slack.com/services/" + Fakes.slackWebhookPath())).containsExactly("Slack webhook");
        assertThat(kinds(Fakes.stripeLive())).containsExactly("Stripe live key");
        assertThat(kinds("sk_" + "test_" + Fakes.alnum(24, 32))).containsExactly("Stripe test key");
        assertThat(kinds(Fakes.google())).containsExactly("Google API key");
        assertThat(kinds(Fakes.openai())).containsExactly("OpenAI API key");
        assertThat(kinds(Fakes.openaiLegacy())).containsExactly("OpenAI API key");
        assertThat(kinds(Fakes.anthropic())).containsExactly("Anthropic API key");
        assertThat(kinds(Fakes.huggingFace())).containsExactly("Hugging Face token");
        assertThat(kinds("Authorization: Bearer " + Fakes.jwt())).containsExactly("JSON web token");
        assertThat(kinds("-----BEGIN RSA PRIVATE KEY-----\n" + Fakes.pemBody() + "\n")).containsExactly("private key");
        assertThat(kinds("\"-----BEGIN PRIVATE KEY-----\\n" + Fakes.pemBody() + "\\n\"")).containsExactly("private key");
        assertThat(kinds("postgresql://admin:" + Fakes.password() + "@db.internal:5432/sales")).containsExactly("password in URL");
    }

    @Test
    void matchesCarryPositionsAndAMaskedForm() {
        String token = Fakes.github();
        List<Secrets.Match> found = Secrets.find("x = '" + token + "'");
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.start()).isEqualTo(5);
            assertThat(m.end()).isEqualTo(5 + token.length());
            assertThat(m.secret()).isEqualTo(token);
            assertThat(m.shown()).isEqualTo("ghp_********");
        });
    }

    @Test
    void redactMasksTokensAndValuesGivenToCredentialNames() {
        String github = "ghp_" + "R8kLm2Qx7VtN4pWz9Hs3JdYc6FbGa1UeKo5T";
        assertThat(Secrets.redact("token = '" + github + "'")).isEqualTo("token = 'ghp_********'");
        assertThat(Secrets.redact("postgresql://app:" + "Qz7vLm2xR9tK" + "@db.internal/sales"))
            .isEqualTo("postgresql://app:****@db.internal/sales");
        assertThat(Secrets.redact("db_password: str = 'Tr0ub4dor&3xKq'")).isEqualTo("db_password: str = 'Tr0u********'");
        assertThat(Secrets.redact("os.environ['API_KEY'] = 'q8zr5lwt2nvx9kpm3shj'"))
            .isEqualTo("os.environ['API_KEY'] = 'q8zr********'");
        assertThat(Secrets.redact("{\"client_secret\": \"9i9I3YAj4no4Bhm4MwmJ5GBB\"}"))
            .isEqualTo("{\"client_secret\": \"9i9I********\"}");
        assertThat(Secrets.redact("Authorization: Bearer 4vGyBgElAluJzdWWCAyF0wvl")).isEqualTo("Authorization: Bearer 4vGy********");
        assertThat(Secrets.redact("dbname=sales password=Zq8!rT2pLx9w host=db")).isEqualTo("dbname=sales password=Zq8!********" + " host=db");
    }

    @Test
    void redactLeavesOrdinaryTextAlone() {
        for (String text : List.of("x = 1", "password = 'changeme'", "token_count = 12345678", "learning_rate: 0.001",
            "df = pd.read_csv('data/customers.csv')", "nb2prod: notebook.ipynb: is not valid JSON", "")) {
            assertThat(Secrets.redact(text)).isEqualTo(text);
        }
    }

    @Test
    void urlPasswordsAreShownWithoutThePassword() {
        String password = Fakes.password();
        Secrets.Match m = Secrets.find("mysql+pymysql://etl:" + password + "@10.0.0.5/dw").get(0);
        assertThat(m.secret()).isEqualTo(password);
        assertThat(m.shown()).isEqualTo("mysql+pymysql://etl:****@10.0.0.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "AKIAIOSFODNN7EXAMPLE",
        "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "ghp_000000000000000000000000000000000000",
        "sk_live_YOUR_STRIPE_KEY_GOES_HERE_123456",
        "postgresql://user:password@localhost/db",
        "postgresql://scott:tiger@localhost/test",
        "postgresql://user:<password>@localhost/db",
        "postgresql://user:${PASS}@localhost/db",
        "postgresql://user:****@localhost/db",
        "postgresql://user:@localhost/db",
        "f'postgresql://{user}:{pw}@{host}/db'",
        "mongodb+srv://<username>:<password>@cluster0.mongodb.net",
        "'postgresql://%s:%s@%s/%s' % (u, p, h, d)",
        "https://github.com/user/repo.git",
        "git@github.com:user/repo.git",
        "-----BEGIN RSA PRIVATE KEY-----",
        "if line.startswith('-----BEGIN PRIVATE KEY-----'):",
        "sk-learn-is-not-a-key",
        "eyJhbGciOiJIUzI1NiJ9",
        "sha = 'da39a3ee5e6b4b0d3255bfef95601890afd80709'",
        "id = '123e4567-e89b-12d3-a456-426614174000'",
    })
    void placeholdersAndLookAlikesAreNotTokens(String text) {
        assertThat(Secrets.find(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"YOUR_API_KEY", "<token>", "xxx", "changeme", "...", "None", "TODO", "your-key-here",
        "aaaaaaaaaaaa", "${TOKEN}", "sk-xxxx", "<password>", "os.environ['KEY']", "{api_key}", "***REDACTED***"})
    void placeholders(String value) {
        assertThat(Secrets.isPlaceholder(value)).isTrue();
        assertThat(Secrets.looksLikeSecret(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rFsSehe51RLzREtYhLfo", "AZOBAQ2SK8AC1MUD", "5d41402abc4b2a76b9719d911017c592",
        "Tr0ub4dor&3", "Bearer 9f8e7d6c5b4a39281706aabbccdd"})
    void randomValuesLookLikeSecrets(String value) {
        assertThat(Secrets.looksLikeSecret(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "my_secret_key", "hunter", "12345678901", "2023-01-01", "1.2.3",
        "/home/user/.ssh/id_rsa", "credentials.json", "https://api.example.com/v1", "(?u)\\b\\w\\w+\\b",
        "the quick brown fox", "abc123", "[PAD]", "</s>", "<|endoftext|>", "Authorization"})
    void wordsPathsNumbersAndPatternsDoNotLookLikeSecrets(String value) {
        assertThat(Secrets.looksLikeSecret(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api_key", "API_KEY", "apiKey", "secret", "client_secret", "password", "DB_PASSWORD",
        "passwd", "pwd", "token", "access_token", "hf_token", "auth", "aws_secret_access_key", "AccessKey",
        "OPENAI_API_KEY", "Authorization", "private_key", "passphrase", "credentials"})
    void credentialNames(String name) {
        assertThat(Secrets.isCredentialName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tokenizer", "tokens", "token_count", "max_tokens", "pad_token", "eos_token", "password_field",
        "secret_name", "token_pattern", "key", "sort_key", "primary_key", "author", "authors", "keyword", "passes",
        "checksum", "hash", "auth_url", "api_key_path", "random_state"})
    void notCredentialNames(String name) {
        assertThat(Secrets.isCredentialName(name)).isFalse();
    }
}
