package dev.nb2prod.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Notebooks seeded with a secret of every kind {@code dev.nb2prod.rules.Secrets} recognises (each token format, a
 * password in a connection string, a private key, values given to credential names) and with personal data, in
 * every place a secret hides: assignments, call arguments, f-strings, dict literals, {@code %env} and
 * {@code !export} magics, comments, a line that does not parse, stdout and stderr streams, results (text/plain and
 * text/html), displays, tracebacks and markdown. Every value is generated from a fixed seed and is distinct, so a
 * leak names the kind and the place. {@link #expected()} lists where a finding must be reported, so the test
 * knows the scanner saw each secret it checks.
 */
public final class SeededNotebooks {
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String ALNUM = UPPER + LOWER + DIGITS;

    /**
     * A kind of secret.
     *
     * @param kind what it is
     * @param name the credential-like name it is given in code and shown under in outputs
     * @param byName true when only its name makes it a secret (no known format): it is then seeded only where a
     *               name goes with it
     * @param make makes one value from the random source
     */
    public record Kind(String kind, String name, boolean byName, Function<Random, Value> make) {}

    /**
     * One seeded value.
     *
     * @param literal the text written into the notebook (a whole URL, a whole PEM block, "Bearer ...")
     * @param secrets the parts that must never be printed in full
     */
    public record Value(String literal, List<String> secrets) {
        static Value of(String token) {
            return new Value(token, List.of(token));
        }
    }

    /** Where a finding must be reported: the rule, the notebook file name and the cell index. */
    public record Expected(String code, String notebook, int cell) {}

    private static String random(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Random letters and digits with at least one upper-case letter, one lower-case letter and one digit. */
    private static String mixed(Random random, int length) {
        String body = random(random, ALNUM, length - 3);
        return body + random(random, UPPER, 1) + random(random, DIGITS, 1) + random(random, LOWER, 1);
    }

    static final List<Kind> KINDS = List.of(
        new Kind("AWS access key id", "AWS_ACCESS_KEY_ID", false,
            r -> Value.of("AKIA" + random(r, UPPER + DIGITS, 15) + random(r, DIGITS, 1))),
        new Kind("AWS secret access key", "aws_secret_access_key", false,
            r -> Value.of(random(r, ALNUM, 18) + "/" + random(r, ALNUM, 18) + "+" + random(r, DIGITS, 2))),
        new Kind("GitHub token", "GITHUB_TOKEN", false, r -> Value.of("ghp_" + mixed(r, 36))),
        new Kind("GitHub fine-grained token", "GH_TOKEN", false,
            r -> Value.of("github_pat_11" + mixed(r, 20) + "_" + mixed(r, 59))),
        new Kind("GitLab token", "GITLAB_TOKEN", false, r -> Value.of("glpat-" + mixed(r, 20))),
        new Kind("Slack token", "SLACK_BOT_TOKEN", false,
            r -> Value.of("xoxb-" + random(r, DIGITS, 12) + "-" + random(r, DIGITS, 13) + "-" + mixed(r, 24))),
        new Kind("Slack webhook", "SLACK_WEBHOOK", false, r -> {
            String path = "T" + random(r, UPPER + DIGITS, 8) + "/B" + random(r, UPPER + DIGITS, 10) + "/" + mixed(r, 24);
            return new Value("https://hooks.slack.com/services/" + path, List.of(path));
        }),
        new Kind("Stripe live key", "STRIPE_API_KEY", false, r -> Value.of("sk_live_" + mixed(r, 24))),
        new Kind("Stripe restricted test key", "STRIPE_TEST_KEY", false, r -> Value.of("rk_test_" + mixed(r, 24))),
        new Kind("Google API key", "GOOGLE_API_KEY", false, r -> Value.of("AIza" + mixed(r, 35))),
        new Kind("Anthropic API key", "ANTHROPIC_API_KEY", false, r -> Value.of("sk-ant-api03-" + mixed(r, 40))),
        new Kind("OpenAI project key", "OPENAI_API_KEY", false, r -> Value.of("sk-proj-" + mixed(r, 40))),
        new Kind("OpenAI key", "OPENAI_KEY", false, r -> Value.of("sk-" + mixed(r, 48))),
        new Kind("Hugging Face token", "HF_TOKEN", false,
            r -> Value.of("hf_" + random(r, UPPER + LOWER, 32) + "Qz")),
        new Kind("JSON web token", "ACCESS_TOKEN", false, r -> Value.of(
            "eyJhbGciOiJIUzI1NiJ9.eyJ" + mixed(r, 30) + "." + mixed(r, 43))),
        new Kind("private key", "PRIVATE_KEY", false, r -> {
            List<String> lines = List.of("MIIEow" + random(r, ALNUM + "+/", 58), random(r, ALNUM + "+/", 64),
                random(r, ALNUM + "+/", 40) + "==");
            return new Value("-----BEGIN RSA PRIVATE KEY-----\n" + String.join("\n", lines)
                + "\n-----END RSA PRIVATE KEY-----", lines);
        }),
        new Kind("password in URL", "DATABASE_URL", false, r -> {
            String password = mixed(r, 14) + "!x";
            return new Value("postgresql://analyst:" + password + "@db.internal.acme.io:5432/sales", List.of(password));
        }),
        new Kind("password", "db_password", true, r -> Value.of(mixed(r, 12) + "&#" + random(r, LOWER, 2))),
        new Kind("API key by name", "api_key", true, r -> Value.of(random(r, LOWER + DIGITS, 31) + "7")),
        new Kind("client secret", "client_secret", true, r -> Value.of(mixed(r, 30) + "-_")),
        new Kind("bearer token", "authorization", true, r -> {
            String token = mixed(r, 28);
            return new Value("Bearer " + token, List.of(token));
        }));

    private final Random random = new Random(20261125L);
    private final Set<String> secrets = new LinkedHashSet<>();
    private final Set<String> derived = new LinkedHashSet<>();
    private final List<Expected> expected = new ArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper();

    private Value next(Kind kind) {
        Value value = kind.make().apply(random);
        secrets.addAll(value.secrets());
        return value;
    }

    /** Every complete secret seeded so far. */
    public Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    /** The secrets and the forms the rules normalise them to (an IBAN without spaces, a phone number's digits). */
    public Set<String> secretsAndDerivedForms() {
        Set<String> all = new LinkedHashSet<>(secrets);
        all.addAll(derived);
        return all;
    }

    /** Every finding the notebooks must give. */
    public List<Expected> expected() {
        return List.copyOf(expected);
    }

    /** A valid notebook with a secret of every kind in every place in code (it parses, and extract accepts it). */
    public Path inCode(Path file) {
        NotebookJson nb = new NotebookJson(file);
        nb.markdown("# Seeded secrets\n\nEverything below is a generated, never valid credential.");
        nb.code("import os\n\nimport pandas as pd\nimport psycopg2\nfrom sqlalchemy import create_engine\n\n\ndef connect(*args, **kwargs):\n    return len(args) + len(kwargs)\n\n\nuser = 'analyst'");
        int n = 0;
        for (Kind kind : KINDS) {
            String lower = kind.name().toLowerCase(java.util.Locale.ROOT);
            String upper = kind.name().toUpperCase(java.util.Locale.ROOT);
            List<String> sources = new ArrayList<>();
            sources.add("C%d_%s = %s\nprint(len(C%1$d_%2$s))".formatted(++n, upper, quote(next(kind).literal())));
            sources.add("client_%d = connect(%s=%s)".formatted(++n, lower, quote(next(kind).literal())));
            sources.add("settings_%d = {%s: %s, 'region': 'eu'}".formatted(++n, quote(lower), quote(next(kind).literal())));
            sources.add("os.environ[%s] = %s".formatted(quote(upper), quote(next(kind).literal())));
            if (kind.byName()) {
                sources.add("c%d_%s: str = %s".formatted(++n, lower, quote(next(kind).literal())));
                sources.add("reply_%d = connect('https://api.acme.io', auth=('analyst', %s))"
                    .formatted(++n, quote(next(kind).literal())));
                sources.add("conn_%d = psycopg2.connect(%s=%s, host='db.internal')".formatted(++n, lower,
                    quote(next(kind).literal())));
            } else {
                sources.add("client_%d = connect(%s, %s)".formatted(++n, quote(lower), quote(next(kind).literal())));
                sources.add("header_%d = f\"%s=%s;user={user}\"".formatted(++n, lower, inline(next(kind).literal())));
                sources.add("%%env %s=%s".formatted(upper, inline(next(kind).literal())));
                sources.add("!export %s=%s".formatted(upper, inline(next(kind).literal())));
                sources.add("count_%d = 1  # %s: %s".formatted(++n, lower, inline(next(kind).literal())));
                String literal = inline(next(kind).literal());
                sources.add(literal.contains("://")
                    ? "engine_%d = create_engine(%s)".formatted(++n, quote(literal))
                    : "frame_%d = pd.read_csv('https://files.acme.io/export.csv?%s=%s')".formatted(++n, lower, literal));
                nb.markdown("For staging use `%s=%s`, do not share it.".formatted(lower, inline(next(kind).literal())));
            }
            for (String source : sources) {
                int cell = nb.code(source);
                expected.add(new Expected("NB401", file.getFileName().toString(), cell));
            }
        }
        return nb.write();
    }

    /** A valid notebook whose code holds no secret but whose saved outputs hold every kind in every output type. */
    public Path inOutputs(Path file) {
        NotebookJson nb = new NotebookJson(file);
        nb.code("import os\nimport sys");
        for (Kind kind : KINDS) {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            List<ObjectNode> outputs = new ArrayList<>();
            outputs.add(nb.stream("stdout", "loaded " + name + "=" + next(kind).literal() + "\n"));
            outputs.add(nb.stream("stderr", "WARNING " + name + ": " + next(kind).literal() + "\n"));
            outputs.add(nb.result("execute_result", Map.of("text/plain", "{'" + name + "': '" + next(kind).literal() + "', 'region': 'eu'}")));
            outputs.add(nb.result("display_data", Map.of("text/html",
                "<table><tr><th>key</th></tr><tr><td>" + name + "=" + html(next(kind).literal()) + "</td></tr></table>")));
            outputs.add(nb.error("ValueError", "bad " + name + "=" + inline(next(kind).literal()), List.of(
                "\u001b[0;31m---------------------------------------------------------------------------\u001b[0m",
                "\u001b[0;31mValueError\u001b[0m                                Traceback (most recent call last)",
                "Cell \u001b[0;32mIn[3], line 1\u001b[0m\n\u001b[0;32m----> 1\u001b[0m connect(" + name + "=\""
                    + inline(next(kind).literal()) + "\")",
                "\u001b[0;31mValueError\u001b[0m: bad " + name + "=" + inline(next(kind).literal()))));
            int cell = nb.code("print(os.environ[%s], file=sys.stderr)".formatted(quote(kind.name().toUpperCase(java.util.Locale.ROOT))),
                outputs);
            expected.add(new Expected("NB402", file.getFileName().toString(), cell));
        }
        String[] personal = {"Ana.Lopez.Garcia@mailbox.acme-corp.com", "+44 20 7946 0958", "DE89 3704 0044 0532 0130 00"};
        List<ObjectNode> outputs = List.of(
            nb.stream("stdout", "customer " + personal[0] + " phone " + personal[1] + "\n"),
            nb.result("execute_result", Map.of("text/plain", "iban    " + personal[2], "text/html",
                "<td>" + personal[0] + "</td><td>" + personal[2] + "</td>")));
        int cell = nb.code("print(customers.head())", outputs);
        expected.add(new Expected("NB403", file.getFileName().toString(), cell));
        secrets.addAll(List.of(personal));
        nb.code("rows = [1, 2, 3]\nwith open('rows.txt', 'w') as handle:\n    handle.write(str(sum(rows)))");
        derived.addAll(List.of("Ana.Lopez.Garcia@", "+442079460958", "DE89370400440532013000", "7946 0958"));
        return nb.write();
    }

    /** A notebook with, per token format, a cell whose broken line (it does not parse) holds the secret. */
    public Path brokenLines(Path file) {
        NotebookJson nb = new NotebookJson(file);
        for (Kind kind : KINDS) {
            if (kind.byName()) {
                continue;
            }
            int cell = nb.code("x = 1\n%s = \"%s\" +* )\nprint(x)".formatted(kind.name(), inline(next(kind).literal())));
            expected.add(new Expected("NB401", file.getFileName().toString(), cell));
            expected.add(new Expected("NB001", file.getFileName().toString(), cell));
        }
        return nb.write();
    }

    /** A file that is not valid JSON where a secret stands for a value, naming no secret in its bad line only. */
    public Path invalidJson(Path file, Kind kind) {
        Value value = next(kind);
        return write(file, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [" + inline(value.literal()) + "]}\n");
    }

    /** Kinds with a known format (the ones {@code Secrets.find} recognises anywhere). */
    public static List<Kind> formats() {
        return KINDS.stream().filter(k -> !k.byName()).toList();
    }

    /** Invalid notebooks of several shapes whose error could quote a secret: the value of a bad field. */
    public List<Path> badNotebooks(Path dir) {
        List<Path> files = new ArrayList<>();
        int i = 0;
        for (Kind kind : formats()) {
            String token = inline(next(kind).literal());
            String json = switch (i % 5) {
                case 0 -> "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [" + token + "]}\n";
                case 1 -> "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \""
                    + jsonString(token) + "\", \"metadata\": {}, \"source\": \"x = 1\"}]}\n";
                case 2 -> "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\","
                    + " \"metadata\": {}, \"execution_count\": 1, \"source\": \"x = 1\", \"outputs\": [{\"output_type\": \""
                    + jsonString(token) + "\"}]}]}\n";
                case 3 -> "{\"nbformat\": " + token + ", \"cells\": []}\n";
                default -> "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\","
                    + " \"metadata\": {}, \"source\": [\"key = '" + jsonString(token) + "'\\n\"], \"outputs\": []";
            };
            files.add(write(dir.resolve("bad-" + i++ + ".ipynb"), json));
        }
        return files;
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The literal as a Python string (triple-quoted when it spans lines). */
    private static String quote(String literal) {
        return literal.contains("\n") ? "\"\"\"" + literal + "\"\"\"" : "'" + literal + "'";
    }

    /** The literal on one line: line breaks written as the two characters backslash and n. */
    private static String inline(String literal) {
        return literal.replace("\n", "\\n");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String jsonString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** An nbformat 4.5 document under construction. */
    private final class NotebookJson {
        private final Path file;
        private final ObjectNode root = mapper.createObjectNode();
        private final ArrayNode cells;
        private int count = 1;

        NotebookJson(Path file) {
            this.file = file;
            root.put("nbformat", 4).put("nbformat_minor", 5);
            ObjectNode metadata = root.putObject("metadata");
            metadata.putObject("kernelspec").put("name", "python3").put("display_name", "Python 3").put("language", "python");
            metadata.putObject("language_info").put("name", "python");
            cells = root.putArray("cells");
        }

        int markdown(String source) {
            ObjectNode cell = cells.addObject();
            cell.put("cell_type", "markdown").put("id", "m" + cells.size());
            cell.putObject("metadata");
            lines(cell.putArray("source"), source);
            return cells.size() - 1;
        }

        int code(String source) {
            return code(source, List.of());
        }

        int code(String source, List<ObjectNode> outputs) {
            ObjectNode cell = cells.addObject();
            cell.put("cell_type", "code").put("id", "c" + cells.size()).put("execution_count", count++);
            cell.putObject("metadata");
            cell.putArray("outputs").addAll(outputs);
            lines(cell.putArray("source"), source);
            return cells.size() - 1;
        }

        ObjectNode stream(String name, String text) {
            ObjectNode output = mapper.createObjectNode().put("output_type", "stream").put("name", name);
            lines(output.putArray("text"), text);
            return output;
        }

        ObjectNode result(String type, Map<String, String> data) {
            ObjectNode output = mapper.createObjectNode().put("output_type", type);
            if (type.equals("execute_result")) {
                output.put("execution_count", count);
            }
            ObjectNode bundle = output.putObject("data");
            new java.util.TreeMap<>(data).forEach((mime, text) -> lines(bundle.putArray(mime), text));
            output.putObject("metadata");
            return output;
        }

        ObjectNode error(String ename, String evalue, List<String> traceback) {
            ObjectNode output = mapper.createObjectNode().put("output_type", "error").put("ename", ename).put("evalue", evalue);
            ArrayNode lines = output.putArray("traceback");
            traceback.forEach(lines::add);
            return output;
        }

        private static void lines(ArrayNode array, String text) {
            for (String line : text.split("(?<=\n)")) {
                array.add(line);
            }
        }

        Path write() {
            try {
                return SeededNotebooks.write(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
