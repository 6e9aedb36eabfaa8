package dev.nb2prod.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Parses every code cell of the shared corpus: nothing may escape, every cell is Parsed or Failed at a real line. */
class CorpusParseTest {

    private static final Path CORPUS = Path.of("/work/shared/corpus");

    record Cell(Path file, int index, String source) {}

    @Test
    void everyCorpusCellParsesOrFailsCleanly() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not available");
        List<Path> notebooks;
        try (Stream<Path> s = Files.walk(CORPUS)) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertThat(notebooks).isNotEmpty();
        List<Cell> cells = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Path nb : notebooks) {
            JsonNode root;
            try {
                root = json.readTree(nb.toFile());
            } catch (IOException e) {
                continue; // deliberately invalid documents of the corpus
            }
            collect(nb, root.path("cells"), "source", cells);
            for (JsonNode ws : root.path("worksheets")) {
                collect(nb, ws.path("cells"), "input", cells);
            }
        }
        assertThat(cells).hasSizeGreaterThan(1000);

        PythonFrontEnd frontEnd = new SonarPythonFrontEnd();
        int parsed = 0;
        List<String> failures = new ArrayList<>();
        for (Cell c : cells) {
            ParsedCell result = frontEnd.parse(c.source());
            switch (result) {
                case ParsedCell.Parsed p -> {
                    assertThat(p.module()).isNotNull();
                    parsed++;
                }
                case ParsedCell.Failed f -> {
                    long lines = Math.max(1, c.source().lines().count());
                    assertThat(f.error().line()).as("%s cell %d", c.file(), c.index()).isBetween(1, (int) lines);
                    assertThat(f.error().column()).isGreaterThanOrEqualTo(1);
                    assertThat(f.error().message()).doesNotContain("\n");
                    String line = c.source().lines().skip(f.error().line() - 1).findFirst().orElse("");
                    failures.add(CORPUS.relativize(c.file()) + " #" + c.index() + " " + f.error() + " | " + line.strip());
                }
            }
        }
        System.out.println("corpus cells: " + cells.size() + " parsed: " + parsed + " failed: " + failures.size());
        failures.forEach(f -> System.out.println("FAILED " + f));
        assertThat(parsed).isGreaterThan(cells.size() * 9 / 10);
    }

    private static void collect(Path nb, JsonNode list, String field, List<Cell> out) {
        int i = 0;
        for (JsonNode cell : list) {
            if ("code".equals(cell.path("cell_type").asText())) {
                JsonNode src = cell.path(field);
                String text;
                if (src.isArray()) {
                    StringBuilder sb = new StringBuilder();
                    src.forEach(part -> sb.append(part.asText()));
                    text = sb.toString();
                } else {
                    text = src.asText("");
                }
                out.add(new Cell(nb, i, text));
            }
            i++;
        }
    }
}
