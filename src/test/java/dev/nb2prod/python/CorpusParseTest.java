package dev.nb2prod.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Node;
import dev.nb2prod.python.ast.Pattern;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.CellNames;
import dev.nb2prod.python.names.NameAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        NameAnalyzer analyzer = new NameAnalyzer();
        Map<String, Integer> others = new TreeMap<>();
        int withUses = 0;
        int parsed = 0;
        List<String> failures = new ArrayList<>();
        for (Cell c : cells) {
            ParsedCell result = frontEnd.parse(c.source());
            switch (result) {
                case ParsedCell.Parsed p -> {
                    parsed++;
                    int lines = (int) Math.max(1, c.source().lines().count());
                    for (Node n : AstWalker.preOrder(p.module())) {
                        Span sp = n.span();
                        assertThat(sp.startLine()).as("%s cell %d %s", c.file(), c.index(), n).isBetween(1, lines + 1);
                        assertThat(sp.endLine()).as("%s cell %d %s", c.file(), c.index(), n).isBetween(sp.startLine(), lines + 1);
                        if (n instanceof Expr.Other || n instanceof Stmt.Other || n instanceof Pattern.Other) {
                            others.merge(n.getClass().getSimpleName() + " " + n, 1, Integer::sum);
                        }
                    }
                    CellNames names = analyzer.analyze(p.module());
                    assertThat(names.parsed()).isTrue();
                    withUses += names.uses().isEmpty() ? 0 : 1;
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
        System.out.println("cells with uses: " + withUses);
        failures.forEach(f -> System.out.println("FAILED " + f));
        others.forEach((k, v) -> System.out.println("OTHER " + v + " " + k));
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
