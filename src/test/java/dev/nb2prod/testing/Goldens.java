package dev.nb2prod.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected output kept in the repository and compared byte for byte. Regenerate them all with
 * {@code ./mvnw test -Dnb2prod.updateGoldens=true} (then review the diff); a missing golden is a failure, never
 * created silently.
 */
public final class Goldens {
    public static final String UPDATE_PROPERTY = "nb2prod.updateGoldens";
    public static final String HINT = "regenerate with: ./mvnw test -D" + UPDATE_PROPERTY + "=true (then review git diff)";

    private Goldens() {}

    public static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    public static void check(Path golden, String actual) {
        try {
            if (updating()) {
                Files.createDirectories(golden.toAbsolutePath().getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(golden)) {
                fail(golden + " is missing; " + HINT);
            }
            String expected = Files.readString(golden, StandardCharsets.UTF_8);
            assertThat(actual).as(golden + " is stale; " + HINT).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks a golden file given relative to src/test/resources/golden/. */
    public static void assertMatches(String relativePath, String actual) {
        check(Path.of("src/test/resources/golden").resolve(relativePath), actual);
    }
}
