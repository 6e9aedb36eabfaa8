package dev.nb2prod.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers are the architecture (docs/architecture.md): a layer may use the layers below it and never the
 * ones above; the sibling layers report and extract do not use each other; verify sits above extract (it plans
 * the results of a package without nb2prod.json) and does not use report; Sonar's parser types stay inside the
 * python layer.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/nb2prod");
    private static final Map<String, Integer> LEVEL = Map.of(
        "notebook", 0, "python", 1, "graph", 2, "rules", 3, "report", 4, "extract", 4, "verify", 5, "cli", 6);
    /** Lower layers a layer still may not use: verify compares results, it renders nothing. */
    private static final Map<String, java.util.Set<String>> FORBIDDEN = Map.of("verify", java.util.Set.of("report"));
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.nb2prod\\.([a-z]+)\\b");
    private static final Pattern SONAR = Pattern.compile("\\b(?:org|com)\\.sonar");

    @Test
    void everySourceFileBelongsToAKnownLayer() throws IOException {
        for (Path file : sources()) {
            assertThat(LEVEL).as("layer of %s", file).containsKey(layerOf(file));
        }
    }

    @Test
    void layersOnlyUseLowerLayers() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String layer = layerOf(file);
            Matcher matcher = REFERENCE.matcher(Files.readString(file));
            while (matcher.find()) {
                String used = matcher.group(1);
                if (!LEVEL.containsKey(used) || used.equals(layer)) {
                    continue;
                }
                boolean lower = LEVEL.get(used) < LEVEL.get(layer);
                if (!lower || FORBIDDEN.getOrDefault(layer, java.util.Set.of()).contains(used)) {
                    violations.add(SOURCES.relativize(file) + " (" + layer + ") uses " + used);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void sonarTypesStayInThePythonLayer() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (Path file : sources()) {
            if (!layerOf(file).equals("python") && SONAR.matcher(Files.readString(file)).find()) {
                leaks.add(SOURCES.relativize(file).toString());
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theCheckCanFail() {
        // the rule itself: rules may not use report, cli may use everything
        assertThat(LEVEL.get("rules")).isLessThan(LEVEL.get("report"));
        Matcher matcher = REFERENCE.matcher("import dev.nb2prod.report.TextRenderer;");
        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group(1)).isEqualTo("report");
    }

    private static String layerOf(Path file) {
        return SOURCES.relativize(file).getName(0).toString();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
