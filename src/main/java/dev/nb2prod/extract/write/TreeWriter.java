package dev.nb2prod.extract.write;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * Writes a tree of files into a folder all at once: the files go into a temporary folder next to it, which is
 * then moved into place, so a failure leaves neither a half-written folder nor the temporary one. Every path
 * must stay inside the folder; a non-empty folder is replaced only when forced.
 */
public final class TreeWriter {
    private TreeWriter() {}

    /** Checks a relative path of the tree: no absolute path, no {@code ..}, nothing that resolves outside. */
    static Path inside(Path root, String relative) throws WriteRefused {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains("\0")) {
            throw new WriteRefused("refusing to write " + relative + ": not a relative path inside " + root);
        }
        for (String part : relative.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new WriteRefused("refusing to write " + relative + ": it would leave " + root);
            }
        }
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new WriteRefused("refusing to write " + relative + ": it would leave " + root);
        }
        return resolved;
    }

    public static void write(SortedMap<String, byte[]> files, Path target, boolean force)
        throws IOException, WriteRefused {
        Path dir = target.toAbsolutePath().normalize();
        for (String relative : files.keySet()) {
            inside(dir, relative);
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new WriteRefused(target + " exists and is not a directory");
            }
            if (!isEmpty(dir) && !force) {
                throw new WriteRefused(target + " is not empty (use --force to replace its content)");
            }
        }
        Path parent = dir.getParent();
        if (parent == null) {
            throw new WriteRefused("refusing to write into the root folder " + dir);
        }
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + dir.getFileName() + ".nb2prod-");
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = inside(temp, file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            replace(temp, dir);
        } catch (IOException | WriteRefused | RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
    }

    /** Moves the new tree into place; an existing folder is moved aside first and restored on failure. */
    private static void replace(Path temp, Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            move(temp, dir);
            return;
        }
        Path old = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".nb2prod-old-");
        Files.delete(old);
        move(dir, old);
        try {
            move(temp, dir);
        } catch (IOException | RuntimeException e) {
            move(old, dir);
            throw e;
        }
        deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(to + " appeared while writing", e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    /** Deletes a folder and everything under it, without following symbolic links. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
