package dev.nb2prod.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads nbformat 3 and 4.x notebooks into the {@link Notebook} model. */
public final class NotebookReader {
    /** nbformat 3's short output keys and the mime types they stand for. */
    private static final Map<String, String> V3_MIME = Map.of(
            "text", "text/plain", "html", "text/html", "latex", "text/latex", "svg", "image/svg+xml",
            "png", "image/png", "jpeg", "image/jpeg", "json", "application/json",
            "javascript", "application/javascript", "markdown", "text/markdown", "pdf", "application/pdf");

    private final JsonTreeReader json = new JsonTreeReader();

    /** Reads the notebook at {@code file}; {@code file.toString()} names it in messages. */
    public Notebook read(Path file) throws NotebookReadException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new NotebookReadException(name, "is a directory, not a notebook file");
        }
        try {
            if (Files.isRegularFile(file) && Files.size(file) > Limits.MAX_FILE_BYTES) {
                throw new NotebookReadException(name, tooLarge(Files.size(file)));
            }
        } catch (IOException e) {
            // unreadable: the read below says why
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in);
        } catch (NoSuchFileException e) {
            throw new NotebookReadException(name, "no such file");
        } catch (AccessDeniedException e) {
            throw new NotebookReadException(name, "cannot be read (permission denied)");
        } catch (IOException e) {
            throw new NotebookReadException(name, "cannot be read: " + oneLine(e.getMessage()));
        }
    }

    /** Reads a notebook from a stream; {@code name} names it in the model and in messages. */
    public Notebook read(String name, InputStream in) throws NotebookReadException, IOException {
        Json root;
        try {
            root = json.read(in);
        } catch (JsonTreeReader.EmptyDocumentException e) {
            throw new NotebookReadException(name, "is empty (it holds no JSON)");
        } catch (JsonEOFException e) {
            throw new NotebookReadException(name, "is truncated: the JSON ends unexpectedly"
                    + at(e.getLocation()));
        } catch (CharacterCodingException e) {
            throw new NotebookReadException(name, "is not valid UTF-8");
        } catch (StreamConstraintsException e) {
            throw new NotebookReadException(name, beyondLimit(e));
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (message.startsWith("Unexpected end-of-input")) {
                // Jackson reports some cut-off documents (between object entries) without a JsonEOFException
                throw new NotebookReadException(name, "is truncated: the JSON ends unexpectedly" + at(e.getLocation()));
            }
            if (message.contains("UTF-8") || message.contains("UTF8") || message.contains("Invalid UTF")) {
                // only the line: Jackson's column is a byte count past the point where decoding failed
                throw new NotebookReadException(name, "is not valid UTF-8" + atLine(e.getLocation()));
            }
            throw new NotebookReadException(name, "is not valid JSON" + at(e.getLocation()) + ": "
                    + oneLine(shorten(withoutToken(message))));
        } catch (java.io.CharConversionException e) {
            throw new NotebookReadException(name, "is not valid UTF-8");
        }
        return new NotebookBuilder(name).build(root);
    }

    /** The message for a file over {@link Limits#MAX_FILE_BYTES}. */
    private static String tooLarge(long bytes) {
        return "is too large: " + bytes + " bytes, over nb2prod's limit of " + Limits.MAX_FILE_BYTES
                + " bytes (see docs/limits.md)";
    }

    /** The message for a JSON document over one of Jackson's read constraints (set from {@link Limits}). */
    private static String beyondLimit(StreamConstraintsException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String where = at(e.getLocation());
        String see = " (see docs/limits.md)";
        if (message.contains("getMaxNestingDepth")) {
            return "is not a notebook: its JSON is nested more than " + Limits.MAX_JSON_NESTING + " levels deep"
                    + where;
        }
        if (message.contains("getMaxStringLength")) {
            return "has a string longer than nb2prod's limit of " + Limits.MAX_JSON_STRING_CHARS + " characters"
                    + where + see;
        }
        if (message.contains("getMaxNumberLength")) {
            return "has a number longer than nb2prod's limit of " + Limits.MAX_JSON_NUMBER_CHARS + " characters"
                    + where + see;
        }
        if (message.contains("getMaxNameLength")) {
            return "has a key longer than nb2prod's limit of " + Limits.MAX_JSON_KEY_CHARS + " characters"
                    + where + see;
        }
        if (message.contains("getMaxDocumentLength")) {
            return "is too large: over nb2prod's limit of " + Limits.MAX_FILE_BYTES + " bytes" + see;
        }
        return "is beyond a limit of nb2prod" + where + ": " + oneLine(shorten(message)) + see;
    }

    private static String at(com.fasterxml.jackson.core.JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String atLine(com.fasterxml.jackson.core.JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " at line " + location.getLineNr();
    }

    /** Jackson quotes the bad token, which may be anything (a pasted key): the message names no token. */
    private static String withoutToken(String message) {
        return message.replaceFirst("^(Unrecognized token) '[^']*'", "$1");
    }

    private static String shorten(String message) {
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.length() > 160 ? first.substring(0, 157) + "..." : first;
    }

    static String oneLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        // escaping may lengthen the text (a NUL becomes six characters): cut after it
        String line = ControlCharacters.escaped(text.replaceAll("\\s+", " ").trim());
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    /**
     * A value from the notebook as an error message shows it: quoted, control characters escaped (a hostile file
     * must not break the message into lines or send escape sequences to a terminal); short values whole, longer
     * ones cut to their first 16 characters (a value may be anything, even a pasted key).
     */
    static String shown(String value) {
        if (value.length() <= 20) {
            return "'" + ControlCharacters.escaped(value) + "'";
        }
        int end = Character.isHighSurrogate(value.charAt(15)) ? 15 : 16;
        return "'" + ControlCharacters.escaped(value.substring(0, end)) + "'...";
    }

    /** A number from the notebook as a message shows it: at most 40 characters. */
    private static String clipped(String number) {
        return number.length() > 40 ? number.substring(0, 40) + "..." : number;
    }

    /** Turns the JSON tree of one file into the model, naming the file in every error. */
    private static final class NotebookBuilder {
        private final String name;
        /** True for a minor version newer than nbformat 4.5: unknown cell and output types are tolerated. */
        private boolean future;

        NotebookBuilder(String name) {
            this.name = name;
        }

        Notebook build(Json root) throws NotebookReadException {
            if (!(root instanceof Json.Obj top)) {
                throw problem("is not a notebook: the JSON document is " + Json.typeName(root) + ", not an object");
            }
            Json format = top.get("nbformat");
            if (format == null) {
                throw problem("is not a notebook: it has no 'nbformat' field");
            }
            int major = integer(format, "nbformat");
            int minor = top.get("nbformat_minor") == null ? 0 : integer(top.get("nbformat_minor"), "nbformat_minor");
            future = major == 4 && minor > 5;
            Json.Obj metadata = top.get("metadata") instanceof Json.Obj m ? m : new Json.Obj(Map.of(), top.line());
            List<Cell> cells = switch (major) {
                case 4 -> v4Cells(top);
                case 3 -> v3Cells(top);
                default -> throw problem("has nbformat " + major + "." + minor
                        + ", which nb2prod does not read (it reads nbformat 3 and 4)");
            };
            return new Notebook(name, major, minor, metadata(metadata, major == 3 ? v3Language(top) : ""), cells);
        }

        private NotebookMetadata metadata(Json.Obj metadata, String v3Language) {
            Json.Obj kernelspec = metadata.get("kernelspec") instanceof Json.Obj k ? k : null;
            Json.Obj languageInfo = metadata.get("language_info") instanceof Json.Obj l ? l : null;
            String language = firstNonEmpty(
                    kernelspec == null ? "" : string(kernelspec.get("language")),
                    languageInfo == null ? "" : string(languageInfo.get("name")),
                    string(metadata.get("language")),
                    v3Language);
            return new NotebookMetadata(
                    kernelspec == null ? "" : string(kernelspec.get("name")),
                    kernelspec == null ? "" : string(kernelspec.get("display_name")),
                    language,
                    languageInfo == null ? "" : string(languageInfo.get("version")));
        }

        private static String v3Language(Json.Obj top) {
            if (top.get("worksheets") instanceof Json.Arr sheets) {
                for (Json sheet : sheets.items()) {
                    if (sheet instanceof Json.Obj s && s.get("cells") instanceof Json.Arr cells) {
                        for (Json cell : cells.items()) {
                            if (cell instanceof Json.Obj c && c.get("language") instanceof Json.Str lang) {
                                return lang.value();
                            }
                        }
                    }
                }
            }
            return "";
        }

        private List<Cell> v4Cells(Json.Obj top) throws NotebookReadException {
            Json cells = top.get("cells");
            if (cells == null) {
                throw problem("is not a valid nbformat 4 notebook: it has no 'cells' list");
            }
            if (!(cells instanceof Json.Arr list)) {
                throw problem("is not a valid nbformat 4 notebook: 'cells' is " + Json.typeName(cells) + ", not a list");
            }
            checkCellCount(list.items().size());
            List<Cell> result = new ArrayList<>();
            for (Json item : list.items()) {
                result.add(cell(item, result.size(), false));
            }
            return result;
        }

        private List<Cell> v3Cells(Json.Obj top) throws NotebookReadException {
            Json sheets = top.get("worksheets");
            if (sheets == null) {
                return List.of();
            }
            if (!(sheets instanceof Json.Arr list)) {
                throw problem("is not a valid nbformat 3 notebook: 'worksheets' is " + Json.typeName(sheets) + ", not a list");
            }
            List<Cell> result = new ArrayList<>();
            for (Json sheet : list.items()) {
                if (!(sheet instanceof Json.Obj s)) {
                    throw problem("is not a valid nbformat 3 notebook: the worksheet at line " + sheet.line() + " is "
                            + Json.typeName(sheet) + ", not an object");
                }
                if (!(s.get("cells") instanceof Json.Arr cells)) {
                    continue; // a worksheet without cells is empty (nbformat reads it so)
                }
                checkCellCount(result.size() + cells.items().size());
                for (Json item : cells.items()) {
                    result.add(cell(item, result.size(), true));
                }
            }
            return result;
        }

        private void checkCellCount(int cells) throws NotebookReadException {
            if (cells > Limits.MAX_CELLS) {
                throw problem("has " + cells + " cells, over nb2prod's limit of " + Limits.MAX_CELLS
                        + " cells (see docs/limits.md)");
            }
        }

        private Cell cell(Json item, int index, boolean v3) throws NotebookReadException {
            if (!(item instanceof Json.Obj cell)) {
                throw problem("cell " + (index + 1) + " (line " + item.line() + ") is " + Json.typeName(item) + ", not an object");
            }
            String type = string(cell.get("cell_type"));
            String id = string(cell.get("id"));
            List<String> tags = tags(cell);
            int line = cell.line();
            return switch (type) {
                case "code" -> {
                    SourceText source = source(cell.get(v3 ? "input" : "source"), line, "cell " + (index + 1) + " source");
                    List<Output> outputs = outputs(cell, index, v3);
                    // Jupyter numbers runs from 1: a count of 0 without outputs is a cell some tool reset, not a run
                    Optional<Integer> count = count(cell.get(v3 ? "prompt_number" : "execution_count"))
                        .filter(c -> c != 0 || !outputs.isEmpty());
                    yield new CodeCell(index, id, source, tags, line, count, outputs);
                }
                case "markdown" -> new MarkdownCell(index, id, source(cell.get("source"), line, "cell " + (index + 1) + " source"), tags, line);
                case "heading" -> new MarkdownCell(index, id, heading(cell, line, index), tags, line);
                case "raw" -> new RawCell(index, id, source(cell.get("source"), line, "cell " + (index + 1) + " source"), tags, line);
                case "" -> throw problem("cell " + (index + 1) + " (line " + line + ") has no 'cell_type'");
                default -> {
                    if (!future) {
                        throw problem("cell " + (index + 1) + " (line " + line + ") has an unknown cell_type " + shown(type));
                    }
                    // a cell type from a newer nbformat minor version: kept, but never run or analysed
                    yield new RawCell(index, id, source(cell.get("source"), line, "cell " + (index + 1) + " source"), tags, line);
                }
            };
        }

        private SourceText heading(Json.Obj cell, int line, int index) throws NotebookReadException {
            SourceText text = source(cell.get("source"), line, "cell " + (index + 1) + " source");
            int level = cell.get("level") instanceof Json.Num n ? parseIntOr(n.text(), 1) : 1;
            return new SourceText("#".repeat(Math.max(1, Math.min(6, level))) + " " + text.text(), text.fileLines());
        }

        private static List<String> tags(Json.Obj cell) {
            if (cell.get("metadata") instanceof Json.Obj metadata && metadata.get("tags") instanceof Json.Arr tags) {
                List<String> result = new ArrayList<>();
                for (Json tag : tags.items()) {
                    if (tag instanceof Json.Str s) {
                        result.add(s.value());
                    }
                }
                return result;
            }
            return List.of();
        }

        /** An execution count; empty when null, missing or not an integer (never a made-up 0). */
        private static Optional<Integer> count(Json value) {
            if (value instanceof Json.Num n) {
                try {
                    return Optional.of(Integer.parseInt(n.text()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }

        private List<Output> outputs(Json.Obj cell, int index, boolean v3) throws NotebookReadException {
            if (!(cell.get("outputs") instanceof Json.Arr outputs)) {
                return List.of();
            }
            List<Output> result = new ArrayList<>();
            for (Json item : outputs.items()) {
                if (!(item instanceof Json.Obj output)) {
                    throw problem("cell " + (index + 1) + ": an output at line " + item.line() + " is not an object");
                }
                String where = "cell " + (index + 1) + " output";
                String type = string(output.get("output_type"));
                int line = output.line();
                switch (type) {
                    case "stream" -> result.add(new Output.Stream(
                            firstNonEmpty(string(output.get("name")), string(output.get("stream")), "stdout"),
                            text(output.get("text"), line, where), line));
                    case "display_data" -> result.add(new Output.DisplayData(bundle(output, v3, where), line));
                    case "execute_result", "pyout" -> result.add(new Output.ExecuteResult(
                            count(output.get(v3 ? "prompt_number" : "execution_count")), bundle(output, v3, where), line));
                    case "error", "pyerr" -> result.add(new Output.Error(string(output.get("ename")),
                            string(output.get("evalue")), traceback(output.get("traceback"), line), line));
                    default -> {
                        if (!future) {
                            throw problem("cell " + (index + 1) + ": output at line " + line
                                    + " has an unknown output_type " + shown(type));
                        }
                    }
                }
            }
            return result;
        }

        private Output.MimeBundle bundle(Json.Obj output, boolean v3, String where) throws NotebookReadException {
            Map<String, SourceText> text = new LinkedHashMap<>();
            Map<String, Integer> binary = new LinkedHashMap<>();
            Map<String, Json> fields;
            if (v3) {
                fields = new LinkedHashMap<>();
                for (Map.Entry<String, Json> field : output.fields().entrySet()) {
                    String mime = V3_MIME.get(field.getKey());
                    if (mime != null) {
                        fields.put(mime, field.getValue());
                    }
                }
            } else {
                fields = output.get("data") instanceof Json.Obj data ? data.fields() : Map.of();
            }
            for (Map.Entry<String, Json> entry : fields.entrySet()) {
                Json value = entry.getValue();
                int size = omittedSize(value);
                if (size >= 0) {
                    binary.put(entry.getKey(), size);
                } else if (value instanceof Json.Str || (value instanceof Json.Arr && !isJsonMimeType(entry.getKey()))) {
                    text.put(entry.getKey(), text(value, value.line(), where));
                } else {
                    // application/json and application/*+json may hold any JSON value, a list too:
                    // keep its place, not its structure.
                    text.put(entry.getKey(), new SourceText("", List.of(value.line())));
                }
            }
            return new Output.MimeBundle(text, binary);
        }

        /** True for mime types whose data is a JSON value rather than a (multiline) string, as nbformat defines them. */
        private static boolean isJsonMimeType(String mimeType) {
            return mimeType.startsWith("application/") && (mimeType.equals("application/json") || mimeType.endsWith("+json"));
        }

        private static int omittedSize(Json value) {
            if (value instanceof Json.Omitted o) {
                return o.length();
            }
            if (value instanceof Json.Arr a && !a.items().isEmpty()
                    && a.items().stream().allMatch(Json.Omitted.class::isInstance)) {
                return a.items().stream().mapToInt(i -> ((Json.Omitted) i).length()).sum();
            }
            return -1;
        }

        private static SourceText traceback(Json value, int line) {
            if (!(value instanceof Json.Arr frames)) {
                return SourceText.empty(line);
            }
            StringBuilder text = new StringBuilder();
            List<Integer> lines = new ArrayList<>();
            for (Json frame : frames.items()) {
                if (frame instanceof Json.Str s) {
                    String value1 = s.value().endsWith("\n") ? s.value() : s.value() + "\n";
                    text.append(value1);
                    value1.chars().filter(c -> c == '\n').forEach(c -> lines.add(s.line()));
                }
            }
            return lines.isEmpty() ? SourceText.empty(line) : new SourceText(text.toString(), lines);
        }

        /**
         * A cell's source as {@link #text}, with every lone carriage return read as a line feed: Python ends a line
         * there too, so the lines of the model are the lines the parser sees (CRLF already ends one line).
         */
        private SourceText source(Json value, int fallbackLine, String where) throws NotebookReadException {
            Json normalised = switch (value) {
                case Json.Str s -> new Json.Str(loneCarriageReturns(s.value()), s.line());
                case Json.Arr a -> new Json.Arr(a.items().stream()
                        .map(i -> i instanceof Json.Str s ? new Json.Str(loneCarriageReturns(s.value()), s.line()) : i)
                        .toList(), a.line());
                case null, default -> value;
            };
            return text(normalised, fallbackLine, where);
        }

        private static String loneCarriageReturns(String text) {
            return text.indexOf('\r') < 0 ? text : text.replaceAll("\r(?!\n)", "\n");
        }

        /** A multiline text: a string, or a list of strings joined, with the file line of every text line. */
        private SourceText text(Json value, int fallbackLine, String where) throws NotebookReadException {
            if (value == null || value instanceof Json.Null) {
                return SourceText.empty(fallbackLine);
            }
            if (value instanceof Json.Str s) {
                List<Integer> lines = new ArrayList<>();
                lines.add(s.line());
                s.value().chars().filter(c -> c == '\n').forEach(c -> lines.add(s.line()));
                return new SourceText(s.value(), lines);
            }
            if (value instanceof Json.Arr parts) {
                StringBuilder text = new StringBuilder();
                List<Integer> lines = new ArrayList<>();
                boolean atLineStart = true;
                for (Json part : parts.items()) {
                    if (!(part instanceof Json.Str s)) {
                        throw problem(where + " at line " + part.line() + " is a list holding " + Json.typeName(part)
                                + ", not strings");
                    }
                    for (int i = 0; i < s.value().length(); i++) {
                        if (atLineStart) {
                            lines.add(s.line());
                            atLineStart = false;
                        }
                        if (s.value().charAt(i) == '\n') {
                            atLineStart = true;
                        }
                    }
                    text.append(s.value());
                }
                if (lines.isEmpty()) {
                    lines.add(parts.line());
                }
                return new SourceText(text.toString(), lines);
            }
            throw problem(where + " at line " + value.line() + " is " + Json.typeName(value) + ", not text");
        }

        private int integer(Json value, String field) throws NotebookReadException {
            if (value instanceof Json.Num n) {
                try {
                    return Integer.parseInt(n.text());
                } catch (NumberFormatException e) {
                    // falls through to the error below
                }
            }
            throw problem("is not a valid notebook: '" + field + "' should be an integer but is "
                    + (value instanceof Json.Num n ? clipped(n.text()) : Json.typeName(value)));
        }

        private static int parseIntOr(String text, int fallback) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        private static String string(Json value) {
            return value instanceof Json.Str s ? s.value() : "";
        }

        private static String firstNonEmpty(String... values) {
            for (String value : values) {
                if (!value.isEmpty()) {
                    return value;
                }
            }
            return "";
        }

        private NotebookReadException problem(String text) {
            return new NotebookReadException(name, text);
        }
    }
}
