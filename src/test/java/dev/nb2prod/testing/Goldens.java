package dev.nb2prod.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/golden/. A test compares its output byte for byte with the golden
 * file. To accept new output after a deliberate change, run {@code ./mvnw test -Dnb2prod.updateGoldens=true}
 * and review the diff with git. A missing golden file is a failure, never created silently.
 */
public final class Goldens {
    public static final String UPDATE_PROPERTY = "nb2prod.updateGoldens";
    private static final Path ROOT = Path.of("src/test/resources/golden");

    private Goldens() {}

    public static void assertMatches(String relativePath, String actual) throws IOException {
        Path golden = ROOT.resolve(relativePath);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail("golden file " + golden + " is missing; create it with ./mvnw test -D" + UPDATE_PROPERTY + "=true and review it");
        }
        assertThat(actual).as("output differs from %s (accept deliberate changes with -D%s=true)", golden, UPDATE_PROPERTY)
            .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
