package dev.nb2prod.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every unreadable input gives one NotebookReadException with a one-line message naming the file. */
class NotebookReaderErrorsTest {
    private static final String NAME = "bad.ipynb";

    private static final String VALID = """
            {
              "cells": [
                {
                  "cell_type": "code",
                  "execution_count": 1,
                  "id": "a1",
                  "metadata": {"tags": ["x"]},
                  "outputs": [{"name": "stdout", "output_type": "stream", "text": ["hello\\n"]}],
                  "source": ["import os\\n", "print(os.getcwd())"]
                }
              ],
              "metadata": {"kernelspec": {"language": "python", "name": "python3", "display_name": "Python 3"}},
              "nbformat": 4,
              "nbformat_minor": 5
            }
            """;

    @TempDir Path dir;

    private final NotebookReader reader = new NotebookReader();

    /** Reads {@code bytes} and returns the message of the NotebookReadException it must throw. */
    private String problem(byte[] bytes) {
        Throwable thrown = catchThrowable(() -> reader.read(NAME, new ByteArrayInputStream(bytes)));
        return checked(thrown, NAME);
    }

    private String problem(String json) {
        return problem(json.getBytes(StandardCharsets.UTF_8));
    }

    private String problem(Path file) {
        return checked(catchThrowable(() -> reader.read(file)), file.toString());
    }

    private static String checked(Throwable thrown, String name) {
        assertThat(thrown).isExactlyInstanceOf(NotebookReadException.class);
        String message = thrown.getMessage();
        assertThat(message).startsWith(name + ": ").doesNotContain("\n").doesNotContain("\r")
                .doesNotContain("Exception").doesNotContain("\tat ").hasSizeLessThan(300);
        return message;
    }

    @Test
    void theValidNotebookUsedBelowIsValid() throws Exception {
        assertThat(reader.read(NAME, new ByteArrayInputStream(VALID.getBytes(StandardCharsets.UTF_8))).cells()).hasSize(1);
    }

    @Test
    void notJson() {
        assertThat(problem("hello")).isEqualTo("bad.ipynb: is not valid JSON at line 1, column 1: Unrecognized token"
                + ": was expecting (JSON String, Number (or 'NaN'/'+INF'/'-INF'), Array, Object or token 'null',"
                + " 'true' or 'false')");
        assertThat(problem("{\n  \"nbformat\": 4,\n  \"cells\": [1 2]\n}"))
                .startsWith("bad.ipynb: is not valid JSON at line 3, column 15: Unexpected character ('2'");
    }

    @Test
    void dataAfterTheDocument() {
        assertThat(problem("{\"nbformat\": 4, \"cells\": []}\n{}"))
                .isEqualTo("bad.ipynb: is not valid JSON at line 2, column 2: unexpected data after the end of the document");
    }

    @Test
    void jsonButNotAnObject() {
        assertThat(problem("[1,2]")).isEqualTo("bad.ipynb: is not a notebook: the JSON document is an array, not an object");
        assertThat(problem("\"text\"")).isEqualTo("bad.ipynb: is not a notebook: the JSON document is a string, not an object");
    }

    @Test
    void objectWithoutNbformat() {
        assertThat(problem("{\"cells\": []}")).isEqualTo("bad.ipynb: is not a notebook: it has no 'nbformat' field");
    }

    @Test
    void nbformatThatIsNotAnInteger() {
        assertThat(problem("{\"nbformat\": \"4\", \"cells\": []}"))
                .isEqualTo("bad.ipynb: is not a valid notebook: 'nbformat' should be an integer but is a string");
        assertThat(problem("{\"nbformat\": 4, \"nbformat_minor\": 1.5, \"cells\": []}"))
                .isEqualTo("bad.ipynb: is not a valid notebook: 'nbformat_minor' should be an integer but is 1.5");
    }

    @Test
    void unknownNbformat() {
        assertThat(problem("{\"nbformat\": 2, \"worksheets\": []}"))
                .isEqualTo("bad.ipynb: has nbformat 2.0, which nb2prod does not read (it reads nbformat 3 and 4)");
        assertThat(problem("{\"nbformat\": 5, \"nbformat_minor\": 1, \"cells\": []}"))
                .isEqualTo("bad.ipynb: has nbformat 5.1, which nb2prod does not read (it reads nbformat 3 and 4)");
    }

    @Test
    void truncatedInTheMiddle() {
        String half = VALID.substring(0, VALID.length() / 2);
        assertThat(problem(half)).matches("bad\\.ipynb: is truncated: the JSON ends unexpectedly at line \\d+, column \\d+");
    }

    @Test
    void everyCutOfTheDocumentIsReportedAsTruncated() {
        int end = VALID.lastIndexOf('}');
        for (int cut = 1; cut <= end; cut++) {
            String prefix = VALID.substring(0, cut);
            int lines = (int) prefix.lines().count();
            assertThat(problem(prefix)).as("cut after %d characters", cut)
                    .matches("bad\\.ipynb: is truncated: the JSON ends unexpectedly at line \\d+, column \\d+")
                    .satisfies(m -> assertThat(lineIn(m)).isBetween(lines, lines + 1));
        }
    }

    private static int lineIn(String message) {
        var matcher = java.util.regex.Pattern.compile("at line (\\d+)").matcher(message);
        assertThat(matcher.find()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    @Test
    void invalidUtf8BytesInAString() {
        byte[] bytes = "{\n \"nbformat\": 4,\n \"cells\": [],\n \"metadata\": {\"name\": \"ab__\"}\n}"
                .getBytes(StandardCharsets.US_ASCII);
        int at = new String(bytes, StandardCharsets.US_ASCII).indexOf("__");
        bytes[at] = (byte) 0xff;
        bytes[at + 1] = (byte) 0xfe;
        assertThat(problem(bytes)).isEqualTo("bad.ipynb: is not valid UTF-8 at line 4");
    }

    @Test
    void latin1EncodedText() {
        byte[] bytes = "{\"nbformat\": 4,\n \"cells\": [{\"cell_type\": \"markdown\", \"source\": \"caf\u00e9\"}]}"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problem(bytes)).isEqualTo("bad.ipynb: is not valid UTF-8 at line 2");
    }

    @Test
    void emptyOrBlankFile() {
        assertThat(problem(new byte[0])).isEqualTo("bad.ipynb: is empty (it holds no JSON)");
        assertThat(problem(" \n\t\n")).isEqualTo("bad.ipynb: is empty (it holds no JSON)");
    }

    @Test
    void absurdlyDeepNestingIsRefusedWithoutAStackOverflow() {
        assertThat(problem("[".repeat(5_000) + "]".repeat(5_000)))
                .isEqualTo("bad.ipynb: is not a notebook: its JSON is nested more than 2000 levels deep");
    }

    @Test
    void cellThatIsNotAnObject() {
        String json = "{\n \"nbformat\": 4,\n \"nbformat_minor\": 5,\n \"cells\": [\n  \"print(1)\"\n ]\n}";
        assertThat(problem(json)).isEqualTo("bad.ipynb: cell 1 (line 5) is a string, not an object");
    }

    @Test
    void cellsThatIsNotAListOrIsMissing() {
        assertThat(problem("{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": {}}"))
                .isEqualTo("bad.ipynb: is not a valid nbformat 4 notebook: 'cells' is an object, not a list");
        assertThat(problem("{\"nbformat\": 4, \"nbformat_minor\": 5}"))
                .isEqualTo("bad.ipynb: is not a valid nbformat 4 notebook: it has no 'cells' list");
        assertThat(problem("{\"nbformat\": 3, \"worksheets\": {}}"))
                .isEqualTo("bad.ipynb: is not a valid nbformat 3 notebook: 'worksheets' is an object, not a list");
    }

    @Test
    void unknownCellType() {
        String json = """
                {
                  "nbformat": 4,
                  "nbformat_minor": 5,
                  "cells": [
                    {"cell_type": "code", "source": "a"},
                    {"cell_type": "sql", "source": "select 1"}
                  ]
                }
                """;
        assertThat(problem(json)).isEqualTo("bad.ipynb: cell 2 (line 6) has an unknown cell_type 'sql'");
        assertThat(problem(json.replace("\"cell_type\": \"sql\", ", "")))
                .isEqualTo("bad.ipynb: cell 2 (line 6) has no 'cell_type'");
    }

    @Test
    void typesFromTheNotebookAreShownOnOneLineAndShortened() {
        // found by NotebookReaderFuzzTest: a cell_type holding a whole cell of code made a multi-line message
        String json = """
                {"nbformat": 4, "nbformat_minor": 5, "cells": [
                    {"cell_type": "markd\\ny = 1\\u001b[31m", "source": "a"}]}
                """;
        assertThat(problem(json)).isEqualTo("bad.ipynb: cell 1 (line 2) has an unknown cell_type 'markd\\u000ay = 1\\u001b[31m'");
        String longType = "x".repeat(500);
        assertThat(problem(json.replace("markd\\ny = 1\\u001b[31m", longType)))
                .isEqualTo("bad.ipynb: cell 1 (line 2) has an unknown cell_type '" + "x".repeat(16) + "'...");
        assertThat(problem("{\"nbformat\": 4, \"nbformat_minor\": " + "9".repeat(100) + ".5}"))
                .isEqualTo("bad.ipynb: is not a valid notebook: 'nbformat_minor' should be an integer but is "
                        + "9".repeat(40) + "...");
    }

    @Test
    void controlCharactersInAJsonErrorAreEscapedWithinAShortMessage() {
        // found by NotebookReaderFuzzTest: Jackson quotes the bad token with its NUL bytes; escaped, they made the
        // message more than twice as long as the token
        byte[] bytes = ("Unimag" + "\0".repeat(150) + "}").getBytes(StandardCharsets.UTF_8);
        // the message names no token (it may be anything, even a pasted key) and stays one short clean line
        assertThat(problem(bytes)).startsWith("bad.ipynb: is not valid JSON at line 1, column ")
                .doesNotContain("Unimag").doesNotContain("\0").doesNotContain("\n").hasSizeLessThan(250);
    }

    @Test
    void unknownOutputType() {
        String json = """
                {"nbformat": 4, "nbformat_minor": 0, "cells": [
                    {"cell_type": "code", "source": "a",
                      "outputs": [{"output_type": "bad stream", "text": "x"}]}]}
                """;
        assertThat(problem(json)).isEqualTo("bad.ipynb: cell 1: output at line 3 has an unknown output_type 'bad stream'");
    }

    @Test
    void sourceThatIsANumberOrAListOfNonStrings() {
        String number = """
                {
                  "nbformat": 4,
                  "nbformat_minor": 5,
                  "cells": [
                    {
                      "cell_type": "code",
                      "source": 42
                    }
                  ]
                }
                """;
        assertThat(problem(number)).isEqualTo("bad.ipynb: cell 1 source at line 7 is a number, not text");
        assertThat(problem(number.replace("42", "[\"a\\n\", null]")))
                .isEqualTo("bad.ipynb: cell 1 source at line 7 is a list holding null, not strings");
    }

    @Test
    void textMimeDataThatIsAListOfNonStrings() {
        String json = """
                {"nbformat": 4, "nbformat_minor": 4, "cells": [{"cell_type": "code", "source": "", "outputs": [
                    {"output_type": "display_data", "metadata": {},
                      "data": {"text/plain": [1, 2]}}]}]}
                """;
        assertThat(problem(json)).isEqualTo("bad.ipynb: cell 1 output at line 3 is a list holding a number, not strings");
    }

    @Test
    void outputThatIsNotAnObject() {
        String json = "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"outputs\": [\n7]}]}";
        assertThat(problem(json)).isEqualTo("bad.ipynb: cell 1: an output at line 2 is not an object");
    }

    @Test
    void directoryPassedAsAFile() {
        assertThat(problem(dir)).isEqualTo(dir + ": is a directory, not a notebook file");
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("missing.ipynb");
        assertThat(problem(missing)).isEqualTo(missing + ": no such file");
    }

    @Test
    void fileOnDiskWithBadContentNamesThePath() throws Exception {
        Path file = dir.resolve("half.ipynb");
        Files.writeString(file, VALID.substring(0, VALID.length() / 2));
        assertThat(problem(file)).startsWith(file + ": is truncated: the JSON ends unexpectedly at line ");
    }

    @Test
    void unreadableFile() throws Exception {
        Path file = dir.resolve("secret.ipynb");
        Files.writeString(file, VALID);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(file), "the file stays readable (running as root)");
            assertThat(problem(file)).isEqualTo(file + ": cannot be read (permission denied)");
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
