package dev.nb2prod.notebook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams a JSON document into a {@link Json} tree with line numbers, dropping the bodies of binary
 * outputs (base64 images, PDFs) as they are read so that they never sit in memory as a whole tree.
 */
final class JsonTreeReader {
    /** Keys whose string values are binary payloads: nbformat 4 mime types and nbformat 3 output keys. */
    private static final Set<String> BINARY_KEYS =
            Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "application/pdf",
                    "png", "jpeg", "pdf");

    /** Thrown for a document without any JSON value (an empty or blank file). */
    static final class EmptyDocumentException extends IOException {
        private static final long serialVersionUID = 1L;

        EmptyDocumentException() {
            super("no JSON value in the document");
        }
    }

    private final JsonFactory factory;

    JsonTreeReader() {
        // Python's json module, which nbformat uses, writes NaN and Infinity. The constraints are deliberate
        // (values and reasons in Limits and docs/limits.md): nesting bounds the stack of this recursive reader,
        // string length bounds the memory of one value, number and key lengths stop a file made of one endless
        // token, and document length stops a pipe that never ends.
        this.factory = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Limits.MAX_JSON_NESTING)
                        .maxStringLength(Limits.MAX_JSON_STRING_CHARS)
                        .maxNumberLength(Limits.MAX_JSON_NUMBER_CHARS)
                        .maxNameLength(Limits.MAX_JSON_KEY_CHARS)
                        .maxDocumentLength(Limits.MAX_FILE_BYTES)
                        .build())
                .build();
    }

    Json read(InputStream in) throws IOException {
        try (JsonParser parser = factory.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new EmptyDocumentException();
            }
            Json root = value(parser, null);
            if (parser.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected data after the end of the document");
            }
            return root;
        }
    }

    private Json value(JsonParser p, String key) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken token = p.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Json> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    fields.put(name, value(p, name));
                }
                yield new Json.Obj(fields, line);
            }
            case START_ARRAY -> {
                List<Json> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, key));
                }
                yield new Json.Arr(items, line);
            }
            case VALUE_STRING -> key != null && BINARY_KEYS.contains(key)
                    ? new Json.Omitted(p.getTextLength(), line)
                    : new Json.Str(p.getText(), line);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Json.Num(p.getText(), line);
            case VALUE_TRUE -> new Json.Bool(true, line);
            case VALUE_FALSE -> new Json.Bool(false, line);
            case VALUE_NULL -> new Json.Null(line);
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + token);
        };
    }
}
