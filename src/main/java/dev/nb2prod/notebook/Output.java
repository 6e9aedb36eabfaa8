package dev.nb2prod.notebook;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A saved output of a code cell. */
public sealed interface Output {
    /** The 1-based line of the .ipynb file where the output object starts. */
    int fileLine();

    /** Every text this output shows (stream text, textual mime data, traceback lines), for scanning. */
    List<SourceText> texts();

    /** Text written to stdout or stderr. */
    record Stream(String name, SourceText text, int fileLine) implements Output {
        @Override
        public List<SourceText> texts() {
            return List.of(text);
        }
    }

    /** A rich display ({@code display_data}). */
    record DisplayData(MimeBundle data, int fileLine) implements Output {
        @Override
        public List<SourceText> texts() {
            return data.texts();
        }
    }

    /** The value of the last expression of a cell ({@code execute_result}, nbformat 3 {@code pyout}). */
    record ExecuteResult(Optional<Integer> executionCount, MimeBundle data, int fileLine) implements Output {
        @Override
        public List<SourceText> texts() {
            return data.texts();
        }
    }

    /** An exception ({@code error}, nbformat 3 {@code pyerr}). */
    record Error(String ename, String evalue, SourceText traceback, int fileLine) implements Output {
        @Override
        public List<SourceText> texts() {
            return List.of(traceback);
        }
    }

    /**
     * The representations of a displayed value.
     *
     * @param text textual representations by mime type (text/plain, text/html, application/json...)
     * @param binarySizes binary representations (images, PDFs) by mime type: only their encoded size
     */
    record MimeBundle(Map<String, SourceText> text, Map<String, Integer> binarySizes) {
        public MimeBundle {
            text = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(text));
            binarySizes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(binarySizes));
        }

        public List<SourceText> texts() {
            return List.copyOf(text.values());
        }

        public Optional<SourceText> get(String mimeType) {
            return Optional.ofNullable(text.get(mimeType));
        }
    }
}
