package dev.nb2prod.extract.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

class IoMessagesTest {
    @Test
    void eachFailureIsOneReadableLine() {
        assertThat(IoMessages.describe(new AccessDeniedException("/a/b"))).isEqualTo("permission denied (/a/b)");
        assertThat(IoMessages.describe(new NoSuchFileException("/a"))).isEqualTo("no such file or directory (/a)");
        assertThat(IoMessages.describe(new NotDirectoryException("/f"))).isEqualTo("not a directory (/f)");
        assertThat(IoMessages.describe(new FileAlreadyExistsException("/x"))).isEqualTo("already exists (/x)");
        assertThat(IoMessages.describe(new DirectoryNotEmptyException("/d"))).isEqualTo("directory not empty (/d)");
        assertThat(IoMessages.describe(new FileSystemException("/p", null, "No space left on device")))
            .isEqualTo("No space left on device (/p)");
        assertThat(IoMessages.describe(new IOException("first\nsecond"))).isEqualTo("first second");
        assertThat(IoMessages.describe(new IOException())).isEqualTo("IOException");
    }
}
