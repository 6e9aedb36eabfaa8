package dev.nb2prod.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotebookReaderTest {
    private final NotebookReader reader = new NotebookReader();

    private Notebook read(String json) throws NotebookReadException, IOException {
        return reader.read("nb.ipynb", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The 1-based line of {@code json} holding {@code marker}, which must occur on exactly one line. */
    private static int lineOf(String json, String marker) {
        List<String> lines = json.lines().toList();
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                assertThat(found).as("marker %s occurs once", marker).isEqualTo(-1);
                found = i + 1;
            }
        }
        assertThat(found).as("marker %s occurs", marker).isPositive();
        return found;
    }

    private static final String V4 = """
            {
              "cells": [
                {
                  "cell_type": "markdown",
                  "id": "intro",
                  "metadata": {"tags": ["doc"]},
                  "source": [
                    "# Churn\\n",
                    "\\n",
                    "Reads the data."
                  ]
                },
                {
                  "cell_type": "code",
                  "execution_count": 3,
                  "id": "load",
                  "metadata": {"tags": ["parameters", "setup"], "collapsed": false},
                  "outputs": [],
                  "source": [
                    "import pandas as pd\\n",
                    "df = pd.read_csv(\\"data.csv\\")\\n",
                    "df.head()"
                  ]
                },
                {
                  "cell_type": "code",
                  "execution_count": null,
                  "id": "string-form",
                  "metadata": {},
                  "outputs": [],
                  "source": "x = 1\\ny = 2\\nprint(x + y)\\n"
                },
                {
                  "cell_type": "raw",
                  "id": "raw-1",
                  "metadata": {},
                  "source": "raw text"
                }
              ],
              "metadata": {
                "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                "language_info": {"name": "python", "version": "3.11.4"}
              },
              "nbformat": 4,
              "nbformat_minor": 5
            }
            """;

    @Test
    void readsNbformat45CellsWithIdsTagsAndTypes() throws Exception {
        Notebook notebook = read(V4);

        assertThat(notebook.path()).isEqualTo("nb.ipynb");
        assertThat(notebook.nbformat()).isEqualTo(4);
        assertThat(notebook.nbformatMinor()).isEqualTo(5);
        assertThat(notebook.formatVersion()).isEqualTo("4.5");
        assertThat(notebook.cells()).extracting(Cell::type).containsExactly("markdown", "code", "code", "raw");
        assertThat(notebook.cells()).extracting(Cell::index).containsExactly(0, 1, 2, 3);
        assertThat(notebook.cells()).extracting(Cell::id).containsExactly("intro", "load", "string-form", "raw-1");
        assertThat(notebook.cells().get(0).tags()).containsExactly("doc");
        assertThat(notebook.cells().get(1).tags()).containsExactly("parameters", "setup");
        assertThat(notebook.cells().get(2).tags()).isEmpty();
        assertThat(notebook.codeCells()).extracting(Cell::id).containsExactly("load", "string-form");
        assertThat(notebook.cells().get(3)).isInstanceOf(RawCell.class);
        assertThat(notebook.cells().get(3).source().text()).isEqualTo("raw text");
    }

    @Test
    void aLoneCarriageReturnInASourceEndsALineAsInPython() throws Exception {
        // found by RulesFuzzTest: the parser ended a line at "\r", the model did not, so findings pointed past the cell
        Notebook notebook = read("""
                {"nbformat": 4, "nbformat_minor": 5, "cells": [
                  {"cell_type": "code", "source": ["a = 1\\rb = 2\\r\\n", "c = 3"], "outputs": []},
                  {"cell_type": "markdown", "source": "x\\ry"}]}
                """);
        assertThat(notebook.cells().get(0).source()).isEqualTo(new SourceText("a = 1\nb = 2\r\nc = 3", List.of(2, 2, 2)));
        assertThat(notebook.cells().get(1).source()).isEqualTo(new SourceText("x\ny", List.of(3, 3)));
    }

    @Test
    void anExecutionCountOfZeroWithoutOutputsIsNoRun() throws Exception {
        // Jupyter numbers runs from 1; some tools reset counts to 0 and clear the outputs
        Notebook notebook = read("""
                {"nbformat": 4, "nbformat_minor": 5, "cells": [
                  {"cell_type": "code", "source": "a = 1", "execution_count": 0, "outputs": []},
                  {"cell_type": "code", "source": "a", "execution_count": 0, "outputs": [
                    {"output_type": "execute_result", "execution_count": 0, "data": {"text/plain": "1"}, "metadata": {}}]},
                  {"cell_type": "code", "source": "b = 2", "execution_count": 3, "outputs": []}]}
                """);
        assertThat(notebook.codeCells()).extracting(CodeCell::executionCount)
            .containsExactly(Optional.empty(), Optional.of(0), Optional.of(3));
    }

    @Test
    void cellFileLineIsWhereTheCellObjectStarts() throws Exception {
        Notebook notebook = read(V4);
        // each cell object opens with "{" on the line before its "cell_type"
        assertThat(notebook.cells().get(0).fileLine()).isEqualTo(lineOf(V4, "\"id\": \"intro\"") - 2);
        assertThat(notebook.cells().get(1).fileLine()).isEqualTo(lineOf(V4, "\"id\": \"load\"") - 3);
        assertThat(notebook.cells().get(0).fileLine()).isEqualTo(3);
    }

    @Test
    void listSourceIsJoinedAndEachLineMapsToItsOwnFileLine() throws Exception {
        Notebook notebook = read(V4);
        SourceText source = notebook.cells().get(1).source();

        assertThat(source.text()).isEqualTo("import pandas as pd\ndf = pd.read_csv(\"data.csv\")\ndf.head()");
        assertThat(source.lines()).containsExactly("import pandas as pd", "df = pd.read_csv(\"data.csv\")", "df.head()");
        assertThat(source.lineCount()).isEqualTo(3);
        int first = lineOf(V4, "import pandas as pd");
        assertThat(first).isEqualTo(20);
        assertThat(source.fileLines()).containsExactly(first, first + 1, first + 2);
        assertThat(source.fileLine(1)).isEqualTo(first);
        assertThat(source.fileLine(2)).isEqualTo(lineOf(V4, "read_csv"));
        assertThat(source.fileLine(3)).isEqualTo(lineOf(V4, "df.head()"));

        SourceText markdown = notebook.cells().get(0).source();
        assertThat(markdown.lines()).containsExactly("# Churn", "", "Reads the data.");
        assertThat(markdown.fileLines()).containsExactly(8, 9, 10);
    }

    @Test
    void stringSourceMapsEveryLineToTheStringsLine() throws Exception {
        Notebook notebook = read(V4);
        SourceText source = notebook.cells().get(2).source();
        int line = lineOf(V4, "x = 1\\ny = 2");

        assertThat(source.text()).isEqualTo("x = 1\ny = 2\nprint(x + y)\n");
        assertThat(source.lines()).containsExactly("x = 1", "y = 2", "print(x + y)");
        assertThat(source.lineCount()).isEqualTo(3);
        for (int textLine = 1; textLine <= source.lineCount(); textLine++) {
            assertThat(source.fileLine(textLine)).as("text line %d", textLine).isEqualTo(line);
        }
        assertThat(source.fileLines()).containsOnly(line);
    }

    @Test
    void listElementsWithSeveralOrNoNewlinesMapToWhereEachLineStarts() throws Exception {
        String json = """
                {
                  "cells": [
                    {
                      "cell_type": "code",
                      "metadata": {},
                      "outputs": [],
                      "source": [
                        "a = 1\\nb = 2\\n",
                        "c = ",
                        "3\\n",
                        "",
                        "d = 4"
                      ]
                    }
                  ],
                  "metadata": {},
                  "nbformat": 4,
                  "nbformat_minor": 2
                }
                """;
        SourceText source = read(json).cells().get(0).source();

        assertThat(source.lines()).containsExactly("a = 1", "b = 2", "c = 3", "d = 4");
        // both lines of the first element sit on its line; "c = 3" starts on the line of "c = "
        assertThat(source.fileLines()).containsExactly(8, 8, 9, 12);
    }

    @Test
    void emptySourcesHaveNoLinesButAFileLine() throws Exception {
        String json = """
                {
                  "cells": [
                    {"cell_type": "code", "metadata": {}, "outputs": [], "source": []},
                    {"cell_type": "markdown", "metadata": {}, "source": ""}
                  ],
                  "metadata": {},
                  "nbformat": 4,
                  "nbformat_minor": 4
                }
                """;
        Notebook notebook = read(json);
        for (Cell cell : notebook.cells()) {
            assertThat(cell.source().text()).isEmpty();
            assertThat(cell.source().lineCount()).isZero();
            assertThat(cell.source().lines()).isEmpty();
            assertThat(cell.source().fileLine(1)).isEqualTo(cell.fileLine());
        }
    }

    @Test
    void executionCountIsEmptyWhenNullOrMissing() throws Exception {
        String json = """
                {
                  "cells": [
                    {"cell_type": "code", "execution_count": 7, "metadata": {}, "outputs": [], "source": "a"},
                    {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": "b"},
                    {"cell_type": "code", "source": "c"},
                    {"cell_type": "code", "execution_count": 2.5, "source": "d"},
                    {"cell_type": "code", "execution_count": "3", "source": "e"}
                  ],
                  "metadata": {},
                  "nbformat": 4,
                  "nbformat_minor": 4
                }
                """;
        assertThat(read(json).codeCells()).extracting(CodeCell::executionCount)
                .containsExactly(Optional.of(7), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void missingOptionalFieldsGiveEmptyValues() throws Exception {
        String json = """
                {
                  "cells": [
                    {"cell_type": "code", "source": "print(1)"},
                    {"cell_type": "markdown", "source": "text"},
                    {"cell_type": "code", "metadata": {"tags": "not-a-list"}, "source": "x"}
                  ],
                  "nbformat": 4,
                  "nbformat_minor": 0
                }
                """;
        Notebook notebook = read(json);

        CodeCell code = notebook.codeCells().get(0);
        assertThat(code.id()).isEmpty();
        assertThat(code.tags()).isEmpty();
        assertThat(code.outputs()).isEmpty();
        assertThat(code.executionCount()).isEmpty();
        assertThat(code.source().text()).isEqualTo("print(1)");
        assertThat(notebook.cells().get(1).id()).isEmpty();
        assertThat(notebook.cells().get(2).tags()).isEmpty();
        assertThat(notebook.metadata()).isEqualTo(new NotebookMetadata("", "", "", ""));
        assertThat(notebook.metadata().languageOrUnknown()).isEqualTo("unknown");
        assertThat(notebook.isPython()).isTrue();
    }

    @Test
    void missingNbformatMinorIsZero() throws Exception {
        Notebook notebook = read("{\"nbformat\": 4, \"cells\": []}");
        assertThat(notebook.formatVersion()).isEqualTo("4.0");
        assertThat(notebook.cells()).isEmpty();
    }

    private static final String PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk-PNGFOR-TEST";
    private static final String JPEG_PART_1 = "/9j/4AAQSkZJRgABAQAAAQABAAD-JPEG-PART-ONE\\n";
    private static final String JPEG_PART_2 = "2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U-PART-TWO";

    private static final String OUTPUTS = """
            {
              "cells": [
                {
                  "cell_type": "code",
                  "execution_count": 4,
                  "metadata": {},
                  "outputs": [
                    {
                      "name": "stdout",
                      "output_type": "stream",
                      "text": [
                        "loaded 10 rows\\n",
                        "done\\n"
                      ]
                    },
                    {
                      "name": "stderr",
                      "output_type": "stream",
                      "text": "warning: slow\\n"
                    },
                    {
                      "data": {
                        "image/png": "%s",
                        "image/jpeg": [
                          "%s",
                          "%s"
                        ],
                        "text/plain": [
                          "<Figure size 640x480 with 1 Axes>"
                        ]
                      },
                      "metadata": {"image/png": {"width": 640}},
                      "output_type": "display_data"
                    },
                    {
                      "data": {
                        "application/json": {"a": [1, 2]},
                        "text/html": [
                          "<table>\\n",
                          "<tr><td>1</td></tr>\\n",
                          "</table>"
                        ],
                        "text/plain": "   a\\n0  1"
                      },
                      "execution_count": 4,
                      "metadata": {},
                      "output_type": "execute_result"
                    },
                    {
                      "ename": "ZeroDivisionError",
                      "evalue": "division by zero",
                      "output_type": "error",
                      "traceback": [
                        "\\u001b[0;31m---------------------------------------------------------------------------\\u001b[0m",
                        "\\u001b[0;31mZeroDivisionError\\u001b[0m: division by zero"
                      ]
                    }
                  ],
                  "source": ["df"]
                }
              ],
              "metadata": {},
              "nbformat": 4,
              "nbformat_minor": 4
            }
            """.formatted(PNG_BASE64, JPEG_PART_1, JPEG_PART_2);

    @Test
    void readsStreamOutputs() throws Exception {
        List<Output> outputs = read(OUTPUTS).codeCells().get(0).outputs();
        assertThat(outputs).hasSize(5);

        Output.Stream stdout = (Output.Stream) outputs.get(0);
        assertThat(stdout.name()).isEqualTo("stdout");
        assertThat(stdout.text().text()).isEqualTo("loaded 10 rows\ndone\n");
        assertThat(stdout.text().fileLines()).containsExactly(lineOf(OUTPUTS, "loaded 10 rows"), lineOf(OUTPUTS, "done\\n"));
        assertThat(stdout.fileLine()).isEqualTo(lineOf(OUTPUTS, "\"name\": \"stdout\"") - 1);
        assertThat(stdout.texts()).containsExactly(stdout.text());

        Output.Stream stderr = (Output.Stream) outputs.get(1);
        assertThat(stderr.name()).isEqualTo("stderr");
        assertThat(stderr.text().lines()).containsExactly("warning: slow");
    }

    @Test
    void displayDataKeepsTextMimeTypesAndOnlyTheSizeOfBinaryOnes() throws Exception {
        Notebook notebook = read(OUTPUTS);
        Output.DisplayData display = (Output.DisplayData) notebook.codeCells().get(0).outputs().get(2);

        assertThat(display.data().text()).containsOnlyKeys("text/plain");
        assertThat(display.data().get("text/plain")).map(SourceText::text).contains("<Figure size 640x480 with 1 Axes>");
        assertThat(display.data().get("text/plain").orElseThrow().fileLines())
                .containsExactly(lineOf(OUTPUTS, "<Figure size"));
        assertThat(display.data().get("image/png")).isEmpty();
        int jpegSize = JPEG_PART_1.length() - 1 + JPEG_PART_2.length(); // "\\n" in the Java text is one char in JSON
        assertThat(display.data().binarySizes()).containsExactly(
                org.assertj.core.api.Assertions.entry("image/png", PNG_BASE64.length()),
                org.assertj.core.api.Assertions.entry("image/jpeg", jpegSize));
        assertThat(display.texts()).extracting(SourceText::text).containsExactly("<Figure size 640x480 with 1 Axes>");
        assertThat(display.fileLine()).isEqualTo(lineOf(OUTPUTS, "\"image/png\": \"") - 2);
    }

    @Test
    void binaryPayloadsAreNeverKeptAsText() throws Exception {
        Notebook notebook = read(OUTPUTS);
        // every record's toString includes all its components: the payloads must appear nowhere in the model
        assertThat(notebook.toString()).doesNotContain(PNG_BASE64).doesNotContain("JPEG-PART-ONE")
                .doesNotContain("PART-TWO");
        for (Output output : notebook.codeCells().get(0).outputs()) {
            assertThat(output.texts()).extracting(SourceText::text)
                    .noneMatch(text -> text.contains("iVBORw0KGgo") || text.contains("/9j/4AAQ"));
        }
    }

    @Test
    void executeResultKeepsCountAndEveryTextMimeType() throws Exception {
        Output.ExecuteResult result = (Output.ExecuteResult) read(OUTPUTS).codeCells().get(0).outputs().get(3);

        assertThat(result.executionCount()).contains(4);
        assertThat(result.data().text()).containsOnlyKeys("application/json", "text/html", "text/plain");
        assertThat(result.data().binarySizes()).isEmpty();
        SourceText html = result.data().get("text/html").orElseThrow();
        assertThat(html.lines()).containsExactly("<table>", "<tr><td>1</td></tr>", "</table>");
        assertThat(html.fileLines()).containsExactly(lineOf(OUTPUTS, "<table>"), lineOf(OUTPUTS, "<tr><td>"),
                lineOf(OUTPUTS, "</table>"));
        assertThat(result.data().get("text/plain").orElseThrow().lines()).containsExactly("   a", "0  1");
        // a JSON value that is not text keeps only its place
        SourceText json = result.data().get("application/json").orElseThrow();
        assertThat(json.text()).isEmpty();
        assertThat(json.fileLines()).containsExactly(lineOf(OUTPUTS, "application/json"));
    }

    @Test
    void errorKeepsNameValueAndTracebackLines() throws Exception {
        Output.Error error = (Output.Error) read(OUTPUTS).codeCells().get(0).outputs().get(4);

        assertThat(error.ename()).isEqualTo("ZeroDivisionError");
        assertThat(error.evalue()).isEqualTo("division by zero");
        assertThat(error.traceback().lines()).hasSize(2);
        assertThat(error.traceback().lines().get(1)).isEqualTo("\u001b[0;31mZeroDivisionError\u001b[0m: division by zero");
        assertThat(error.traceback().fileLines())
                .containsExactly(lineOf(OUTPUTS, "-----"), lineOf(OUTPUTS, "mZeroDivisionError"));
        assertThat(error.texts()).containsExactly(error.traceback());
    }

    private static final String V3 = """
            {
              "metadata": {
                "name": "",
                "signature": "sha256:abc"
              },
              "nbformat": 3,
              "nbformat_minor": 0,
              "worksheets": [
                {
                  "cells": [
                    {
                      "cell_type": "heading",
                      "level": 2,
                      "metadata": {},
                      "source": [
                        "Old notebook"
                      ]
                    },
                    {
                      "cell_type": "markdown",
                      "metadata": {},
                      "source": [
                        "Some *text*"
                      ]
                    },
                    {
                      "cell_type": "code",
                      "collapsed": false,
                      "input": [
                        "print 'hi'\\n",
                        "1 + 1"
                      ],
                      "language": "python",
                      "metadata": {},
                      "outputs": [
                        {
                          "output_type": "stream",
                          "stream": "stdout",
                          "text": [
                            "hi\\n"
                          ]
                        },
                        {
                          "metadata": {},
                          "output_type": "pyout",
                          "prompt_number": 5,
                          "text": [
                            "2"
                          ],
                          "html": [
                            "<b>2</b>"
                          ],
                          "png": "iVBORw0KGgoV3PNGPAYLOAD"
                        },
                        {
                          "ename": "NameError",
                          "evalue": "name 'x' is not defined",
                          "output_type": "pyerr",
                          "traceback": [
                            "NameError: name 'x' is not defined"
                          ]
                        }
                      ],
                      "prompt_number": 5
                    },
                    {
                      "cell_type": "code",
                      "collapsed": false,
                      "input": [],
                      "language": "python",
                      "metadata": {},
                      "outputs": []
                    }
                  ],
                  "metadata": {}
                },
                {
                  "metadata": {}
                },
                {
                  "cells": [
                    {
                      "cell_type": "raw",
                      "metadata": {},
                      "source": "second worksheet"
                    }
                  ],
                  "metadata": {}
                }
              ]
            }
            """;

    @Test
    void readsNbformat3WorksheetsAndCells() throws Exception {
        Notebook notebook = read(V3);

        assertThat(notebook.formatVersion()).isEqualTo("3.0");
        // the worksheet without cells adds nothing; the others are concatenated in order
        assertThat(notebook.cells()).extracting(Cell::type).containsExactly("markdown", "markdown", "code", "code", "raw");
        assertThat(notebook.cells()).extracting(Cell::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(notebook.cells().get(4).source().text()).isEqualTo("second worksheet");
        assertThat(notebook.metadata().language()).isEqualTo("python");
        assertThat(notebook.isPython()).isTrue();
    }

    @Test
    void nbformat3HeadingBecomesAMarkdownHeadingOnTheSourceLine() throws Exception {
        Cell heading = read(V3).cells().get(0);

        assertThat(heading).isInstanceOf(MarkdownCell.class);
        assertThat(heading.source().text()).isEqualTo("## Old notebook");
        assertThat(heading.source().fileLines()).containsExactly(lineOf(V3, "\"Old notebook\""));
    }

    @Test
    void nbformat3CodeCellReadsInputPromptNumberAndShortOutputKeys() throws Exception {
        CodeCell code = read(V3).codeCells().get(0);

        assertThat(code.source().lines()).containsExactly("print 'hi'", "1 + 1");
        assertThat(code.source().fileLines()).containsExactly(lineOf(V3, "print 'hi'"), lineOf(V3, "1 + 1"));
        assertThat(code.executionCount()).contains(5);
        assertThat(code.outputs()).hasSize(3);

        Output.Stream stream = (Output.Stream) code.outputs().get(0);
        assertThat(stream.name()).isEqualTo("stdout");
        assertThat(stream.text().text()).isEqualTo("hi\n");

        Output.ExecuteResult pyout = (Output.ExecuteResult) code.outputs().get(1);
        assertThat(pyout.executionCount()).contains(5);
        assertThat(pyout.data().text()).containsOnlyKeys("text/plain", "text/html");
        assertThat(pyout.data().get("text/plain")).map(SourceText::text).contains("2");
        assertThat(pyout.data().get("text/html")).map(SourceText::text).contains("<b>2</b>");
        assertThat(pyout.data().binarySizes()).containsExactly(
                org.assertj.core.api.Assertions.entry("image/png", "iVBORw0KGgoV3PNGPAYLOAD".length()));

        Output.Error pyerr = (Output.Error) code.outputs().get(2);
        assertThat(pyerr.ename()).isEqualTo("NameError");
        assertThat(pyerr.traceback().lines()).containsExactly("NameError: name 'x' is not defined");

        CodeCell empty = read(V3).codeCells().get(1);
        assertThat(empty.source().lineCount()).isZero();
        assertThat(empty.executionCount()).isEmpty();
    }

    @Test
    void nbformat3PayloadIsNotKept() throws Exception {
        assertThat(read(V3).toString()).doesNotContain("V3PNGPAYLOAD");
    }

    @Test
    void nbformat3WithoutWorksheetsHasNoCells() throws Exception {
        Notebook notebook = read("{\"metadata\": {}, \"nbformat\": 3, \"nbformat_minor\": 0}");
        assertThat(notebook.cells()).isEmpty();
        assertThat(notebook.metadata().language()).isEmpty();
    }

    @Test
    void languageComesFromKernelspecThenLanguageInfo() throws Exception {
        String both = """
                {"cells": [], "nbformat": 4, "nbformat_minor": 2, "metadata": {
                    "kernelspec": {"name": "ir", "display_name": "R", "language": "R"},
                    "language_info": {"name": "python", "version": "4.3.1"}}}
                """;
        Notebook r = read(both);
        assertThat(r.metadata()).isEqualTo(new NotebookMetadata("ir", "R", "R", "4.3.1"));
        assertThat(r.isPython()).isFalse();

        String infoOnly = """
                {"cells": [], "nbformat": 4, "nbformat_minor": 2, "metadata": {
                    "kernelspec": {"name": "python3", "display_name": "Python 3"},
                    "language_info": {"name": "python", "version": "3.8.5"}}}
                """;
        Notebook python = read(infoOnly);
        assertThat(python.metadata().language()).isEqualTo("python");
        assertThat(python.metadata().languageVersion()).isEqualTo("3.8.5");
        assertThat(python.metadata().kernelName()).isEqualTo("python3");
        assertThat(python.metadata().kernelDisplayName()).isEqualTo("Python 3");
        assertThat(python.isPython()).isTrue();

        String julia = """
                {"cells": [], "nbformat": 4, "nbformat_minor": 2, "metadata": {"language_info": {"name": "julia"}}}
                """;
        assertThat(read(julia).metadata().languageOrUnknown()).isEqualTo("julia");
        assertThat(read(julia).isPython()).isFalse();
    }

    @Test
    void futureMinorVersionToleratesUnknownCellAndOutputTypes() throws Exception {
        String json = """
                {
                  "cells": [
                    {"cell_type": "future cell", "id": "f1", "metadata": {}},
                    {"cell_type": "code", "id": "c1", "metadata": {}, "execution_count": 1, "source": "a = 1",
                      "outputs": [{"output_type": "future output", "data": {}},
                                              {"output_type": "stream", "name": "stdout", "text": "ok"}]}
                  ],
                  "metadata": {},
                  "nbformat": 4,
                  "nbformat_minor": 99
                }
                """;
        Notebook notebook = read(json);

        assertThat(notebook.formatVersion()).isEqualTo("4.99");
        assertThat(notebook.cells()).hasSize(2);
        assertThat(notebook.cells().get(0)).isInstanceOf(RawCell.class);
        assertThat(notebook.cells().get(0).id()).isEqualTo("f1");
        assertThat(notebook.cells().get(0).source().text()).isEmpty();
        assertThat(notebook.codeCells().get(0).outputs()).singleElement().isInstanceOf(Output.Stream.class);
    }

    @Test
    void acceptsAUtf8ByteOrderMarkAndNonAsciiText() throws Exception {
        String json = "\uFEFF{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"caf\u00e9 \\u00e9 \u2713\"}],"
                + " \"nbformat\": 4, \"nbformat_minor\": 4}";
        assertThat(read(json).cells().get(0).source().text()).isEqualTo("caf\u00e9 \u00e9 \u2713");
    }

    @Test
    void acceptsWhatPythonsJsonModuleWrites() throws Exception {
        // nbformat writes with Python's json module: NaN and Infinity, and integers of any length, can occur
        String json = """
                {
                  "cells": [
                    {"cell_type": "code", "execution_count": 1, "metadata": {}, "source": "x = float('nan')",
                      "outputs": [{"output_type": "execute_result", "execution_count": 1, "metadata": {},
                                                "data": {"application/json": [NaN, Infinity, -Infinity, %s], "text/plain": "nan"}}]}
                  ],
                  "metadata": {},
                  "nbformat": 4,
                  "nbformat_minor": 4
                }
                """.formatted("9".repeat(3_000));
        Output.ExecuteResult result = (Output.ExecuteResult) read(json).codeCells().get(0).outputs().get(0);
        assertThat(result.data().get("text/plain")).map(SourceText::text).contains("nan");
        assertThat(result.data().get("application/json")).map(SourceText::text).contains("");
    }

    @Test
    void jsonMimeTypesMayHoldAnyJsonValue() throws Exception {
        String json = """
                {
                  "cells": [
                    {"cell_type": "code", "execution_count": 1, "metadata": {}, "source": "display(JSON([1, 2]))",
                      "outputs": [{"output_type": "display_data", "metadata": {},
                                                "data": {"application/json": [1, 2],
                                                                  "application/vnd.vegalite.v5+json": ["a", {"b": 1}],
                                                                  "application/vnd.custom+json": "plain string",
                                                                  "text/plain": ["<IPython.core.display.JSON object>"]}}]}
                  ],
                  "metadata": {},
                  "nbformat": 4,
                  "nbformat_minor": 4
                }
                """;
        Output.DisplayData display = (Output.DisplayData) read(json).codeCells().get(0).outputs().get(0);

        assertThat(display.data().text()).containsOnlyKeys("application/json", "application/vnd.vegalite.v5+json",
                "application/vnd.custom+json", "text/plain");
        assertThat(display.data().get("application/json").orElseThrow())
                .isEqualTo(new SourceText("", List.of(lineOf(json, "\"application/json\""))));
        assertThat(display.data().get("application/vnd.vegalite.v5+json")).map(SourceText::text).contains("");
        assertThat(display.data().get("application/vnd.custom+json")).map(SourceText::text).contains("plain string");
        assertThat(display.data().get("text/plain")).map(SourceText::text).contains("<IPython.core.display.JSON object>");
    }

    @Test
    void readsAFileFromDisk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("my notebook.ipynb");
        java.nio.file.Files.writeString(file, V4);
        Notebook notebook = reader.read(file);
        assertThat(notebook.path()).isEqualTo(file.toString());
        assertThat(notebook.cells()).hasSize(4);
    }
}
