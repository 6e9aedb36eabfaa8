package dev.nb2prod.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Python half of verification, shipped as the resource {@code verify/nb2prod_verify.py}. */
final class HelperScript {
    static final String FILE_NAME = "nb2prod_verify.py";
    private static final String RESOURCE = "/verify/" + FILE_NAME;

    private HelperScript() {}

    /** Copies the script into {@code folder} and returns its path. */
    static Path copyTo(Path folder) throws IOException {
        Path target = folder.resolve(FILE_NAME);
        try (InputStream in = HelperScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the resource " + RESOURCE + " is missing from the nb2prod build");
            }
            Files.copy(in, target);
        }
        return target;
    }
}
