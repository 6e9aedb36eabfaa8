package dev.nb2prod.extract.write;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** One-line descriptions of file-system failures, for messages that already name the path the user gave. */
public final class IoMessages {
    private IoMessages() {}

    public static String describe(IOException e) {
        String text = switch (e) {
            case AccessDeniedException denied -> "permission denied" + on(denied);
            case NoSuchFileException missing -> "no such file or directory" + on(missing);
            case NotDirectoryException notDirectory -> "not a directory" + on(notDirectory);
            case FileAlreadyExistsException exists -> "already exists" + on(exists);
            case DirectoryNotEmptyException notEmpty -> "directory not empty" + on(notEmpty);
            case FileSystemException fs when fs.getReason() != null -> fs.getReason() + on(fs);
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String on(FileSystemException e) {
        return e.getFile() == null ? "" : " (" + e.getFile() + ")";
    }
}
