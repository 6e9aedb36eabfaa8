package dev.nb2prod.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small nbformat 4.5 files of code cells (executed in order) for command-line tests. */
public final class IpynbFiles {
    private IpynbFiles() {}

    public static Path write(Path file, String... cellSources) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("nbformat", 4).put("nbformat_minor", 5);
        ObjectNode metadata = root.putObject("metadata");
        metadata.putObject("kernelspec").put("name", "python3").put("display_name", "Python 3").put("language", "python");
        metadata.putObject("language_info").put("name", "python");
        ArrayNode cells = root.putArray("cells");
        for (int i = 0; i < cellSources.length; i++) {
            ObjectNode cell = cells.addObject();
            cell.put("cell_type", "code").put("id", "c" + i).put("execution_count", i + 1);
            cell.putObject("metadata");
            cell.putArray("outputs");
            ArrayNode source = cell.putArray("source");
            String[] lines = cellSources[i].split("(?<=\n)");
            for (String line : lines) {
                source.add(line);
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
