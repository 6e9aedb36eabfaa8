package dev.nb2prod.extract.write;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.nb2prod.extract.ExtractionPlan.SecretVariable;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Secrets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The notebook as it is copied into {@code notebooks/}: outputs removed, execution counts nulled, and every
 * secret replaced by a placeholder, so no secret value is ever copied. Secrets are the tokens of known formats
 * anywhere in the notebook plus the literals the credential rules (NB401, NB402) reported.
 */
public final class NotebookCopy {
    private static final Set<String> SECRET_RULES = Set.of("NB401", "NB402");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NotebookCopy() {}

    /**
     * @param original the .ipynb file's content
     * @param findings the findings of the notebook (the credential ones locate secrets that have no known format)
     * @param secrets the plan's secrets, to name the environment variable in the placeholder
     */
    public static String clean(String original, List<Finding> findings, List<SecretVariable> secrets) throws IOException {
        JsonNode root = MAPPER.readTree(original);
        List<JsonNode> cells = cells(root);
        List<String> sources = new ArrayList<>();
        for (JsonNode cell : cells) {
            // nbformat 3 code cells hold their source in "input"
            sources.add(text(cell.has("input") ? cell.get("input") : cell.get("source")));
        }
        Set<String> values = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
            .thenComparing(Comparator.naturalOrder()));
        collectFormatted(root, values);
        for (String source : sources) {
            Secrets.find(source).forEach(m -> addWithLines(values, m.secret())); // a private key spans lines
        }
        for (Finding finding : findings) {
            if (SECRET_RULES.contains(finding.code()) && finding.where() instanceof Finding.Where.Source where
                && finding.cellIndex() >= 0 && finding.cellIndex() < sources.size()) {
                literalAt(sources.get(finding.cellIndex()), where).ifPresent(values::add);
            }
        }
        for (JsonNode cell : cells) {
            if (cell instanceof ObjectNode object && "code".equals(cell.path("cell_type").asText())) {
                object.set("outputs", MAPPER.createArrayNode());
                if (object.has("prompt_number")) {
                    object.remove("prompt_number"); // nbformat 3
                } else {
                    object.putNull("execution_count");
                }
            }
        }
        JsonNode redacted = redact(root, values, secrets);
        return MAPPER.writer(new NotebookPrettyPrinter()).writeValueAsString(redacted) + "\n";
    }

    /** The cells of an nbformat 4 notebook, or of the worksheets of an nbformat 3 one, in order. */
    private static List<JsonNode> cells(JsonNode root) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (root instanceof ObjectNode notebook && notebook.get("cells") instanceof ArrayNode cells) {
            cells.forEach(out::add);
        } else if (root instanceof ObjectNode notebook && notebook.get("worksheets") instanceof ArrayNode sheets) {
            for (JsonNode sheet : sheets) {
                if (sheet.get("cells") instanceof ArrayNode cells) {
                    cells.forEach(out::add);
                }
            }
        } else {
            throw new IOException("not a notebook: no cells array");
        }
        return out;
    }

    private static String text(JsonNode source) {
        if (source == null) {
            return "";
        }
        if (source.isArray()) {
            StringBuilder out = new StringBuilder();
            source.forEach(s -> out.append(s.asText()));
            return out.toString();
        }
        return source.asText();
    }

    private static void collectFormatted(JsonNode node, Set<String> values) {
        if (node.isTextual()) {
            Secrets.find(node.asText()).forEach(m -> addWithLines(values, m.secret()));
        } else {
            node.forEach(child -> collectFormatted(child, values));
        }
    }

    /** A secret and, when it spans lines (a private key), each of its lines, which the file stores apart. */
    private static void addWithLines(Set<String> values, String secret) {
        values.add(secret);
        for (String line : secret.split("(?:\\\\[nr]|\\s|\"|')+")) {
            if (line.length() >= 8) {
                values.add(line);
            }
        }
    }

    /** The string literal a finding points at (quotes and prefixes removed), when it looks like a secret. */
    static java.util.Optional<String> literalAt(String source, Finding.Where.Source where) {
        List<String> lines = PyText.lines(source);
        if (where.line() != where.endLine() || where.line() < 1 || where.line() > lines.size()) {
            return java.util.Optional.empty();
        }
        String line = lines.get(where.line() - 1);
        int from = Math.max(0, where.column() - 1);
        int to = Math.min(line.length(), where.endColumn() - 1);
        if (from >= to) {
            return java.util.Optional.empty();
        }
        String literal = line.substring(from, to).replaceFirst("^[rRbBuUfF]{0,2}", "");
        if (literal.length() >= 2 && (literal.charAt(0) == '"' || literal.charAt(0) == '\'')
            && literal.charAt(literal.length() - 1) == literal.charAt(0)) {
            literal = literal.substring(1, literal.length() - 1);
        }
        return literal.length() >= 8 && Secrets.looksLikeSecret(literal)
            ? java.util.Optional.of(literal) : java.util.Optional.empty();
    }

    private static JsonNode redact(JsonNode node, Set<String> values, List<SecretVariable> secrets) {
        if (node.isTextual()) {
            String text = node.asText();
            String replaced = replace(text, values, secrets);
            return replaced.equals(text) ? node : TextNode.valueOf(replaced);
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            fields.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> entry : entries) {
                object.set(entry.getKey(), redact(entry.getValue(), values, secrets));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redact(array.get(i), values, secrets));
            }
        }
        return node;
    }

    private static String replace(String text, Set<String> values, List<SecretVariable> secrets) {
        String result = text;
        for (String value : values) {
            if (result.contains(value)) {
                result = result.replace(value, placeholder(value, secrets));
            }
        }
        for (Secrets.Match match : Secrets.find(result)) {
            result = result.replace(match.secret(), placeholder(match.secret(), secrets));
        }
        return result;
    }

    private static String placeholder(String value, List<SecretVariable> secrets) {
        List<Secrets.Match> matches = Secrets.find(value);
        if (!matches.isEmpty()) {
            String kind = matches.get(0).kind();
            List<SecretVariable> sameKind = secrets.stream().filter(s -> s.kind().equals(kind)).toList();
            if (sameKind.size() == 1) {
                return "<redacted: set " + sameKind.get(0).variable() + " in .env>";
            }
        }
        if (secrets.size() == 1) {
            return "<redacted: set " + secrets.get(0).variable() + " in .env>";
        }
        return "<redacted: see .env.example>";
    }

    /** Jupyter's own layout: one-space indentation, {@code "key": value}, empty arrays as {@code []}. */
    static final class NotebookPrettyPrinter extends DefaultPrettyPrinter {
        NotebookPrettyPrinter() {
            super(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withRootSeparator(""));
            DefaultIndenter indenter = new DefaultIndenter(" ", "\n");
            indentArraysWith(indenter);
            indentObjectsWith(indenter);
        }

        NotebookPrettyPrinter(NotebookPrettyPrinter base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new NotebookPrettyPrinter(this);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (nrOfValues == 0) {
                if (!_arrayIndenter.isInline()) {
                    --_nesting;
                }
                g.writeRaw(']');
                return;
            }
            super.writeEndArray(g, nrOfValues);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            if (nrOfEntries == 0) {
                if (!_objectIndenter.isInline()) {
                    --_nesting;
                }
                g.writeRaw('}');
                return;
            }
            super.writeEndObject(g, nrOfEntries);
        }
    }
}
