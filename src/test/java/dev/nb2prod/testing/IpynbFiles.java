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

    /** A notebook of code cells only. */
    public static Path write(Path file, String... cellSources) {
        return write(file, false, cellSources);
    }

    /**
     * A notebook where cells starting with {@code #} (but not {@code #!}) are markdown and the others code cells,
     * executed in order.
     */
    public static Path writeWithMarkdown(Path file, String... cellSources) {
        return write(file, true, cellSources);
    }

    private static Path write(Path file, boolean markdownHeadings, String... cellSources) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("nbformat", 4).put("nbformat_minor", 5);
        ObjectNode metadata = root.putObject("metadata");
        metadata.putObject("kernelspec").put("name", "python3").put("display_name", "Python 3").put("language", "python");
        metadata.putObject("language_info").put("name", "python");
        ArrayNode cells = root.putArray("cells");
        int executed = 0;
        for (int i = 0; i < cellSources.length; i++) {
            ObjectNode cell = cells.addObject();
            boolean markdown = markdownHeadings && cellSources[i].startsWith("#") && !cellSources[i].startsWith("#!");
            cell.put("cell_type", markdown ? "markdown" : "code").put("id", "c" + i);
            if (!markdown) {
                cell.put("execution_count", ++executed);
            }
            cell.putObject("metadata");
            if (!markdown) {
                cell.putArray("outputs");
            }
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
