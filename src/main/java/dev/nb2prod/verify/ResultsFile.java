package dev.nb2prod.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nb2prod.notebook.ControlCharacters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code nb2prod.json} at the root of a generated package: {@code {"notebook": FILE_NAME, "results": [{"name",
 * "kind", "cell", "source", "file"}]}} (see {@code dev.nb2prod.extract.write.ResultsManifest}).
 */
final class ResultsFile {
    static final String FILE_NAME = "nb2prod.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file's contents: the notebook it names (may be empty) and its results. */
    record Contents(String notebook, List<ExpectedResult> results) {
        Contents {
            results = List.copyOf(results);
        }
    }

    private ResultsFile() {}

    /**
     * The results of {@code packageRoot/nb2prod.json}, or empty when the package has none.
     *
     * @param shown the package folder as the user named it, for messages
     * @param cells the number of cells of the notebook (a result's cell must be one of them)
     * @throws VerificationException when the file exists but is not a valid results file (one line)
     */
    static Optional<Contents> read(Path packageRoot, Path shown, int cells) throws VerificationException {
        Path file = packageRoot.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String where = shown.resolve(FILE_NAME).toString();
        JsonNode root;
        try {
            // no size limit: verify runs the package's own code anyway, this file is no more hostile than that
            if (!Files.isRegularFile(file)) {
                throw new VerificationException(where + ": not a file");
            }
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new VerificationException(where + ": not valid JSON (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new VerificationException(where + ": cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("results").isArray()) {
            throw new VerificationException(where + ": no \"results\" list");
        }
        List<ExpectedResult> results = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode node : root.path("results")) {
            ExpectedResult result = result(node, where + ": result " + (index + 1), cells);
            if (!names.add(result.name())) {
                throw new VerificationException(where + ": the result name " + ControlCharacters.escaped(result.name())
                    + " appears twice");
            }
            results.add(result);
            index++;
        }
        return Optional.of(new Contents(root.path("notebook").asText(""), results));
    }

    private static ExpectedResult result(JsonNode node, String where, int cells) throws VerificationException {
        if (!node.isObject()) {
            throw new VerificationException(where + " is not an object");
        }
        String name = text(node, "name", where);
        if (name.isEmpty()) {
            throw new VerificationException(where + " has no name");
        }
        ArtifactResult.Kind kind;
        try {
            kind = ArtifactResult.Kind.parse(text(node, "kind", where));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null || kind == ArtifactResult.Kind.VALUE || kind == ArtifactResult.Kind.WRITTEN_FILE) {
            throw new VerificationException(where + " (" + ControlCharacters.escaped(name) + ") has an unknown kind \""
                + ControlCharacters.escaped(node.path("kind").asText()) + "\"");
        }
        JsonNode cell = node.path("cell");
        if (!cell.canConvertToInt() || !cell.isIntegralNumber() || cell.asInt() < 0 || cell.asInt() >= cells) {
            throw new VerificationException(where + " (" + ControlCharacters.escaped(name) + ") names cell "
                + ControlCharacters.escaped(cell.asText())
                + ", but the notebook has " + cells + " cells");
        }
        return new ExpectedResult(name, kind, cell.asInt(), text(node, "source", where), text(node, "file", where));
    }

    private static String text(JsonNode node, String field, String where) throws VerificationException {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new VerificationException(where + ": \"" + field + "\" is not a string");
        }
        return value.asText();
    }
}
