package dev.nb2prod.notebook;

/** A file that cannot be read as a notebook. The message is one line naming the file and the problem. */
public final class NotebookReadException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotebookReadException(String path, String problem) {
        super(path + ": " + problem);
    }
}
