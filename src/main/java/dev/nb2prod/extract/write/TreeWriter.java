package dev.nb2prod.extract.write;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * Writes a tree of files into a folder all at once: the files go into a temporary folder next to it, which is
 * then moved into place, so a failure leaves neither a half-written folder, nor the temporary one, nor the parent
 * folders it created. Every path must stay inside the folder and every component must be a
 * {@link FileNames#isSafe safe name}. A non-empty folder is replaced only when forced; the folder itself may not
 * be a symbolic link (even when forced: writing through it would write elsewhere), and when a forced write
 * replaces a folder, links inside the old content are removed as links, never followed. Parent folders the user
 * named are taken as they are, links included (e.g. {@code /tmp} on macOS).
 */
public final class TreeWriter {
    /** Writes one file of the tree; tests replace it to fail half way. */
    @FunctionalInterface
    interface FileSink {
        void write(Path path, byte[] content) throws IOException;
    }

    private static final FileSink FILES = (path, content) ->
        Files.write(path, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private TreeWriter() {}

    /** Checks a relative path of the tree: no absolute path, no {@code ..}, only safe names, nothing outside. */
    static Path inside(Path root, String relative) throws WriteRefused {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains("\0")) {
            throw new WriteRefused("refusing to write " + relative + ": not a relative path inside " + root);
        }
        for (String part : relative.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new WriteRefused("refusing to write " + relative + ": it would leave " + root);
            }
            if (!FileNames.isSafe(part)) {
                throw new WriteRefused("refusing to write " + relative + ": " + part + " is not a safe file name");
            }
        }
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new WriteRefused("refusing to write " + relative + ": it would leave " + root);
        }
        return resolved;
    }

    /**
     * Refuses a target that cannot be written: a symbolic link, something that is not a folder, or (unless
     * forced) a folder that is not empty. Also called before the work that precedes writing, to fail early.
     */
    public static void check(Path target, boolean force) throws WriteRefused {
        Path dir = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(dir)) {
            throw new WriteRefused(target + " is a symbolic link; refusing to write through it (name the real folder)");
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new WriteRefused(target + " exists and is not a directory");
            }
            boolean empty;
            try {
                empty = isEmpty(dir);
            } catch (IOException e) {
                throw new WriteRefused(target + " cannot be read: " + IoMessages.describe(e));
            }
            if (!empty && !force) {
                throw new WriteRefused(target + " is not empty (use --force to replace its content)");
            }
        }
        if (dir.getParent() == null) {
            throw new WriteRefused("refusing to write into the root folder " + dir);
        }
    }

    public static void write(SortedMap<String, byte[]> files, Path target, boolean force)
        throws IOException, WriteRefused {
        write(files, target, force, FILES);
    }

    static void write(SortedMap<String, byte[]> files, Path target, boolean force, FileSink sink)
        throws IOException, WriteRefused {
        Path dir = target.toAbsolutePath().normalize();
        Map<String, String> folded = new java.util.HashMap<>();
        for (String relative : files.keySet()) {
            inside(dir, relative);
            String other = folded.putIfAbsent(relative.toLowerCase(java.util.Locale.ROOT), relative);
            if (other != null) {
                throw new WriteRefused("refusing to write " + relative + " and " + other
                    + ": they are one file where case does not count (macOS, Windows)");
            }
        }
        check(target, force);
        List<Path> created = createParents(dir.getParent());
        Path temp = Files.createTempDirectory(dir.getParent(), ".nb2prod-tmp-");
        // killed half way (Ctrl-C, a CI timeout's SIGTERM): the JVM's shutdown removes the temporary folder
        // (and between the two renames of a forced write, the old folder moved aside is put back)
        Path[] aside = {null};
        Thread onKill = new Thread(() -> {
            try {
                deleteTree(temp);
                Path old = aside[0];
                if (old != null && Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                        deleteTree(old);
                    } else {
                        move(old, dir);
                    }
                }
            } catch (IOException e) {
                // best effort while the process ends
            }
            removeEmpty(created);
        }, "nb2prod-tree-writer-cleanup");
        Runtime.getRuntime().addShutdownHook(onKill);
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = inside(temp, file.getKey());
                Files.createDirectories(path.getParent());
                sink.write(path, file.getValue());
            }
            replace(temp, dir, aside);
        } catch (IOException | WriteRefused | RuntimeException e) {
            deleteTree(temp);
            removeEmpty(created);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onKill);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs
            }
        }
    }

    /** Creates the missing folders above the target; returns those it created, deepest first. */
    private static List<Path> createParents(Path parent) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = parent; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.add(p);
        }
        Files.createDirectories(parent);
        return missing;
    }

    private static void removeEmpty(List<Path> created) {
        for (Path folder : created) {
            try {
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                return; // not empty (someone else wrote there) or not ours to remove
            }
        }
    }

    /** Moves the new tree into place; an existing folder is moved aside first and restored on failure. */
    private static void replace(Path temp, Path dir, Path[] aside) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            move(temp, dir);
            return;
        }
        Path old = Files.createTempDirectory(dir.getParent(), ".nb2prod-old-");
        Files.delete(old);
        aside[0] = old;
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

    /** Deletes a folder and everything under it, without following symbolic links (a link is removed as such). */
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
