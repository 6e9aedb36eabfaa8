package dev.nb2prod.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nb2prod.notebook.Cell;
import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookReadException;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.notebook.Output;
import dev.nb2prod.notebook.SourceText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * The notebook reader over arbitrary bytes: it either returns a notebook whose cells and line numbers are
 * consistent with the file, or refuses it with a {@link NotebookReadException} whose message is one non-empty
 * line naming the file. Any other exception or error is a bug. Inputs: {@code NotebookReaderFuzzTestInputs/read/}.
 */
class NotebookReaderFuzzTest {
    private static final String NAME = "fuzzed.ipynb";

    @FuzzTest
    void read(byte[] bytes) throws IOException {
        Notebook first;
        try {
            first = new NotebookReader().read(NAME, new ByteArrayInputStream(bytes));
        } catch (NotebookReadException e) {
            assertCleanRefusal(e);
            return;
        }
        int fileLines = FuzzChecks.jsonLineCount(bytes);
        List<Cell> cells = first.cells();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            assertThat(cell.index()).as("cell index").isEqualTo(i);
            assertThat(cell.fileLine()).as("file line of cell %d", i).isBetween(1, fileLines);
            assertLinesInFile(cell.source(), fileLines);
            if (cell instanceof CodeCell code) {
                for (Output output : code.outputs()) {
                    assertThat(output.fileLine()).as("file line of an output").isBetween(1, fileLines);
                    output.texts().forEach(text -> assertLinesInFile(text, fileLines));
                }
            }
        }
        // the same bytes give the same notebook
        try {
            assertThat(new NotebookReader().read(NAME, new ByteArrayInputStream(bytes))).isEqualTo(first);
        } catch (NotebookReadException e) {
            throw new AssertionError("read once, refused the second time: " + e.getMessage(), e);
        }
    }

    private static void assertCleanRefusal(NotebookReadException e) {
        String message = e.getMessage();
        assertThat(message).as("message").startsWith(NAME + ": ");
        assertThat(message.substring(NAME.length() + 2)).as("problem").isNotBlank();
        assertThat(message.codePoints().filter(Character::isISOControl).toArray())
            .as("control characters (line breaks, escape sequences) in %s", message).isEmpty();
        assertThat(message.length()).as("message length").isLessThanOrEqualTo(400);
    }

    private static void assertLinesInFile(SourceText text, int fileLines) {
        assertThat(text.fileLines()).as("file lines of a text").isNotEmpty()
            .allSatisfy(line -> assertThat(line).isBetween(1, fileLines));
        // every line of the text has its file line (the list may hold one more for a trailing newline)
        assertThat(text.fileLines().size()).as("file lines of %s", abbreviate(text.text()))
            .isGreaterThanOrEqualTo(text.lineCount());
    }

    private static String abbreviate(String text) {
        String start = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return start.replace("\n", "\\n").replace("\r", "\\r");
    }
}
