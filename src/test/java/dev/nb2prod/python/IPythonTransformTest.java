package dev.nb2prod.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.python.ast.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Python text IPython's transformations make of a cell (compared with IPython 8.5's own output), and the edits. */
class IPythonTransformTest {

    private static String python(String cell) {
        return IPythonTransform.transform(cell).python();
    }

    /** The edits applied to the cell, back to front. */
    private static String applyEdits(String cell) {
        StringBuilder out = new StringBuilder(cell);
        List<TextEdit> edits = IPythonTransform.edits(cell);
        for (int i = edits.size() - 1; i >= 0; i--) {
            TextEdit e = edits.get(i);
            out.replace(e.start(), e.end(), e.text());
        }
        return out.toString();
    }

    @Test
    void autoCallEscapesBecomeIPythonsCalls() {
        // the right-hand sides are TransformerManager().transform_cell(...) of IPython 8.5 (without its final \n)
        assertThat(python("/f a b")).isEqualTo("f(a, b)");
        assertThat(python("/f a, b")).isEqualTo("f(a,, b)");
        assertThat(python("/f")).isEqualTo("f()");
        assertThat(python("/")).isEqualTo("()");
        assertThat(python("/f(a)")).isEqualTo("f(a)()");
        assertThat(python(",f a  b")).isEqualTo("f(\"a\", \"b\")");
        assertThat(python(",f")).isEqualTo("f(\"\")");
        assertThat(python(",")).isEqualTo("(\"\")");
        assertThat(python(",f\ta")).isEqualTo("f\ta(\"\")");
        assertThat(python(";f a  b")).isEqualTo("f(\"a  b\")");
        assertThat(python("; f a")).isEqualTo("(\"f a\")");
        assertThat(python(";")).isEqualTo("(\"\")");
        assertThat(python(";;")).isEqualTo("(\"\")(\"\")");
        assertThat(python(";f a   ")).isEqualTo("f(\"a\")");
    }

    @Test
    void automagicLinesThatCannotBePythonRunTheirMagic() {
        // IPython's prefilter (AutoMagicChecker, after transform_cell) runs these as %pip, %cd, %run ...
        assertThat(python("pip install algorithmia==0.9.3")).isEqualTo("%pip install algorithmia==0.9.3");
        assertThat(python("import os\ncd ../data\nrun helper.py;")).isEqualTo("import os\n%cd ../data\n%run helper.py;");
        assertThat(python("matplotlib inline")).isEqualTo("%matplotlib inline");
        assertThat(python("run -i script.py")).isEqualTo("%run -i script.py");
        // Python stays Python: a name alone, an attribute, a call, an assignment, an operator, a keyword
        for (String python : List.of("pwd", "time.sleep(1)", "run(x)", "run = 5", "cd if flag else other", "time -1",
            "env['A']", "x = [\n    run helper\n]")) {
            assertThat(python(python)).as(python).isEqualTo(python);
        }
        assertThat(new SonarPythonFrontEnd().parse("import os\ncd ../data\npip install x")).isInstanceOf(ParsedCell.Parsed.class);
    }

    @Test
    void aLoneSemicolonKeepsItsIndentationAndItsLine() {
        assertThat(python("plt.plot(x)\n;")).isEqualTo("plt.plot(x)\n(\"\")");
        assertThat(python("if x:\n    ;\ny = 1\n")).isEqualTo("if x:\n    (\"\")\ny = 1\n");
        assertThat(python("x = 1\r\n;\r\n")).isEqualTo("x = 1\r\n(\"\")\r\n");
    }

    @Test
    void continuedEscapesBecomeOneLineFollowedByEmptyOnes() {
        assertThat(python(";f a \\\n b\nc = 1")).isEqualTo("f(\"a   b\")\n\nc = 1");
        assertThat(python("/f a \\\n  b")).isEqualTo("f(a, b)\n");
    }

    @Test
    void escapeCharactersElsewhereAreNotEscapes() {
        for (String cell : List.of("x = [1\n     ,2]", "y = (10\n     / 2)", "x = (1\n;2)", "s = '''\n;\n,f x\n/g y\n'''",
                "s = \"a\\\n;b\"", "x = 1 \\\n;", "f(1);", "# ;f a\nx = 1  # ,g b", "x //= 2\ny /= 2", "a != b",
                "%%bash\n;ls\n/usr/bin/env", "x = !ls (\n", "!echo (\n")) {
            assertThat(python(cell)).as(cell).isEqualTo(cell);
            assertThat(IPythonTransform.edits(cell)).as(cell).isEmpty();
        }
    }

    @Test
    void magicsAndShellLinesAreNotScannedForBrackets() {
        assertThat(python("x = !ls (\n;")).isEqualTo("x = !ls (\n(\"\")");
        assertThat(python("!echo '(\n;")).isEqualTo("!echo '(\n(\"\")");
        assertThat(python("%time f(\n,g a")).isEqualTo("%time f(\ng(\"a\")");
    }

    @Test
    void helpLinesBecomeObjectInfoLinesOfTheSameLength() {
        assertThat(python("x = a?")).isEqualTo("?_____");
        assertThat(python("  if x:\n      np.*load*?")).isEqualTo("if x:\n    ?_________");
        assertThat(python("??")).isEqualTo("?_");
        assertThat(python(";f a?")).isEqualTo("?____");
        assertThat(python("%%timeit?\nx = 1")).isEqualTo("?________\nx = 1");
        // IPython's help syntax does not match these: left to the grammar
        for (String cell : List.of("print(a)?", "x = a? # c", "a ?", "a???", "a?\r\nb")) {
            assertThat(python(cell)).as(cell).isEqualTo(cell);
        }
    }

    @Test
    void cleanUpRemovesIndentationAndPromptsFromTheLineStarts() {
        assertThat(python("  x = 1\n  y = 2\n z")).isEqualTo("x = 1\ny = 2\n z");
        assertThat(python("\n\n    x = 1")).isEqualTo("\n\nx = 1");
        assertThat(python(">>> for i in r:\n...     f(i)")).isEqualTo("for i in r:\n    f(i)");
        assertThat(python("In [1]: x = 1\n   ...: y = 2")).isEqualTo("x = 1\ny = 2");
        assertThat(python("x = 1\n... ")).isEqualTo("x = 1\n");
        assertThat(python("  >>> x = 1")).isEqualTo("x = 1");
        assertThat(python("x = 1\ny = '...'")).isEqualTo("x = 1\ny = '...'");
    }

    @Test
    void pythonCellMagicBodiesAreTransformedAsCells() {
        assertThat(python("%%time\n;\n")).isEqualTo("%%time\n(\"\")\n");
        assertThat(python("%%capture out\n  /f a\n  ,g b")).isEqualTo("%%capture out\nf(a)\ng(\"b\")");
        assertThat(python("%%time\n%%capture c\n;f a")).isEqualTo("%%time\n%%capture c\nf(\"a\")");
        assertThat(python("%%writefile x.py\n;f a")).isEqualTo("%%writefile x.py\n;f a");
    }

    @Test
    void theCodeOfTimingMagicsIsTransformed() {
        assertThat(python("%time ;f a")).isEqualTo("%time f(\"a\")");
        assertThat(python("%timeit -n1 /f a b")).isEqualTo("%timeit -n1 f(a, b)");
        assertThat(python("%matplotlib ;x")).isEqualTo("%matplotlib ;x");
    }

    @Test
    void theEditsTurnTheCellIntoThePythonText() {
        assertThat(IPythonTransform.edits("/f a b")).containsExactly(new TextEdit(0, 1, ""), new TextEdit(2, 3, "("),
                new TextEdit(4, 5, ", "), new TextEdit(6, 6, ")"));
        // a quoted argument is one edit, where the AST puts its string literal
        assertThat(IPythonTransform.edits("x = 1\n;\ny = 2")).containsExactly(new TextEdit(6, 6, "("),
                new TextEdit(6, 7, "\"\""), new TextEdit(7, 7, ")"));
        assertThat(IPythonTransform.edits(";f ab c")).containsExactly(new TextEdit(0, 1, ""), new TextEdit(2, 3, "("),
                new TextEdit(3, 7, "\"ab c\""), new TextEdit(7, 7, ")"));
        assertThat(IPythonTransform.edits(",f ab c")).containsExactly(new TextEdit(0, 1, ""), new TextEdit(2, 3, "("),
                new TextEdit(3, 5, "\"ab\""), new TextEdit(5, 6, ", "), new TextEdit(6, 7, "\"c\""),
                new TextEdit(7, 7, ")"));
        for (String cell : List.of(";f a \\\n b\nc = 1", "  x = 1\n  if x:\n      ;", ">>> x = 1\n... y", "x = a?\n",
                "%%time\n  ,f a b\n", ",f a\u00a0b", "a = 1\r\n/f a\r\n;\r\n")) {
            assertThat(applyEdits(cell)).as(cell).isEqualTo(python(cell));
        }
    }

    @Test
    void positionsOfThePythonTextMapBackToTheCell() {
        TransformedCell cell = IPythonTransform.transform("x = 1\n  ;f ab  cd\n");
        // "  f(\"ab  cd\")": f at 2 stands for column 3, the string for "ab  cd"
        assertThat(cell.span(2, 2, 2, 3)).isEqualTo(new Span(2, 3, 2, 4));
        assertThat(cell.span(2, 4, 2, 12)).isEqualTo(new Span(2, 5, 2, 11));
        assertThat(cell.span(2, 2, 2, 13)).isEqualTo(new Span(2, 3, 2, 11));
        assertThat(cell.span(1, 0, 1, 5)).isEqualTo(new Span(1, 0, 1, 5));
        assertThat(cell.position(2, 1)).containsExactly(2, 1);
        TransformedCell indented = IPythonTransform.transform("    a = 1\n    b = a");
        assertThat(indented.span(2, 4, 2, 5)).isEqualTo(new Span(2, 8, 2, 9));
        assertThat(indented.sourceText(new Span(2, 4, 2, 9))).isEqualTo("b = a");
    }

    @Test
    void hostileLinesStayLinear() {
        String semicolons = ";".repeat(200_000);
        assertThat(python(semicolons)).startsWith(";".repeat(200_000 - 9)); // repeated escapes stop after a few
        String words = ",f " + "a ".repeat(100_000);
        assertThat(python(words)).endsWith("\"a\")");
        String help = "x = " + "a".repeat(200_000) + ")?";
        assertThat(python(help)).isEqualTo(help);
        // every %%time body is a cell of its own: the clean-up reads two lines of each unless it removes something
        String nested = "%%time\n".repeat(20_000) + "  ;";
        assertThat(python(nested)).isEqualTo("%%time\n".repeat(20_000) + "(\"\")");
    }
}
