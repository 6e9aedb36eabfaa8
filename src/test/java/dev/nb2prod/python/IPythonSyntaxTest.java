package dev.nb2prod.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.CellNames;
import dev.nb2prod.python.names.NameAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cells using IPython's escapes parse into the AST of the Python IPython runs, with positions in the cell as written:
 * {@code /f a b} reads {@code f}, {@code a} and {@code b} where they are written.
 */
class IPythonSyntaxTest {

    private final PythonFrontEnd frontEnd = new SonarPythonFrontEnd();
    private final NameAnalyzer analyzer = new NameAnalyzer();

    private Module parse(String src) {
        ParsedCell r = frontEnd.parse(src);
        assertThat(r).as("parse of %s", src).isInstanceOf(ParsedCell.Parsed.class);
        return ((ParsedCell.Parsed) r).module();
    }

    private SyntaxError error(String src) {
        ParsedCell r = frontEnd.parse(src);
        assertThat(r).as("parse of %s", src).isInstanceOf(ParsedCell.Failed.class);
        return ((ParsedCell.Failed) r).error();
    }

    private CellNames names(String src) {
        return analyzer.analyze(parse(src));
    }

    private static Expr value(Stmt s) {
        return ((Stmt.ExprStmt) s).value();
    }

    @Test
    void autoCallReadsTheFunctionAndItsArgumentsWhereTheyAreWritten() {
        Module m = parse("/f a b");
        Expr.Call call = (Expr.Call) value(m.body().get(0));
        assertThat(call.func()).isEqualTo(new Expr.Name("f", new Span(1, 1, 1, 2)));
        assertThat(call.args()).extracting(Arg::value).containsExactly(new Expr.Name("a", new Span(1, 3, 1, 4)),
                new Expr.Name("b", new Span(1, 5, 1, 6)));
        assertThat(call.span()).isEqualTo(new Span(1, 1, 1, 6));
        CellNames names = names("/f a b");
        assertThat(names.uses()).containsExactly("a", "b", "f");
        assertThat(names.firstUse().get("b")).isEqualTo(new Span(1, 5, 1, 6));
        assertThat(names("x = 1\n/print x\n").uses()).isEmpty();
        assertThat(names("/f").uses()).containsExactly("f");
    }

    @Test
    void autoCallSplitsOnWhitespaceLikeIPython() {
        // IPython runs f(a,, b): a syntax error, reported on the line written
        SyntaxError e = error("x = 1\n/f a, b\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isBetween(5, 7);
        assertThat(names("/lambda: 1").uses()).isEmpty();
    }

    @Test
    void autoQuoteCallsWithStrings() {
        Expr.Call split = (Expr.Call) value(parse(",f a  b").body().get(0));
        assertThat(split.func()).isEqualTo(new Expr.Name("f", new Span(1, 1, 1, 2)));
        assertThat(split.args()).extracting(Arg::value).containsExactly(new Expr.Str("a", "", new Span(1, 3, 1, 4)),
                new Expr.Str("b", "", new Span(1, 6, 1, 7)));
        Expr.Call whole = (Expr.Call) value(parse(";f a  b").body().get(0));
        assertThat(whole.args()).extracting(Arg::value).containsExactly(new Expr.Str("a  b", "", new Span(1, 3, 1, 7)));
        assertThat(names(";load data/x.csv now").uses()).containsExactly("load");
        assertThat(names(",ls -l /tmp").uses()).containsExactly("ls");
        assertThat(value(parse(", f a").body().get(0))).isInstanceOf(Expr.TupleExpr.class);
    }

    @Test
    void aLoneSemicolonIsAnEmptyStringAndTheCellStillParses() {
        Module m = parse("import matplotlib.pyplot as plt\nplt.plot(x)\n;\n");
        assertThat(m.body()).hasSize(3);
        assertThat(m.body().get(2)).isEqualTo(new Stmt.ExprStmt(new Expr.Str("", "", new Span(3, 0, 3, 1)),
                new Span(3, 0, 3, 1)));
        CellNames names = names("import matplotlib.pyplot as plt\nplt.plot(x)\n;\n");
        assertThat(names.defines()).containsExactly("plt");
        assertThat(names.uses()).containsExactly("x");
        assertThat(parse(";").body()).hasSize(1);
    }

    @Test
    void indentedEscapesBelongToTheirBlock() {
        Module m = parse("for i in items:\n    show(i)\n    ;\nif ok:\n    /log i\n\t\n;");
        Stmt.For loop = (Stmt.For) m.body().get(0);
        assertThat(loop.body()).hasSize(2);
        assertThat(loop.body().get(1).span()).isEqualTo(new Span(3, 4, 3, 5));
        Stmt.If branch = (Stmt.If) m.body().get(1);
        assertThat(value(branch.body().get(0))).isInstanceOf(Expr.Call.class);
        assertThat(m.body()).hasSize(3);
        CellNames names = names("for i in items:\n    show(i)\n    ;\nif ok:\n    /log i\n");
        assertThat(names.defines()).containsExactly("i");
        assertThat(names.uses()).containsExactly("items", "log", "ok", "show");
        assertThat(names.firstUse().get("log")).isEqualTo(new Span(5, 5, 5, 8));
    }

    @Test
    void escapeCharactersInsideStringsBracketsAndContinuationsAreLeftAlone() {
        Stmt.Assign s = (Stmt.Assign) parse("s = '''\n;\n,f x\n'''").body().get(0);
        assertThat(((Expr.Str) s.value()).value()).isEqualTo("\n;\n,f x\n");
        Stmt.Assign list = (Stmt.Assign) parse("x = [1\n     ,2]").body().get(0);
        assertThat(((Expr.ListExpr) list.value()).elts()).hasSize(2);
        Stmt.Assign division = (Stmt.Assign) parse("y = (10\n     / n)").body().get(0);
        assertThat(division.value()).isInstanceOf(Expr.BinOp.class);
        assertThat(parse("x = 1 \\\n;").body()).hasSize(1);
        assertThat(error("x = (1\n;2)").line()).isEqualTo(2);
        assertThat(names("f(a);\n# ;g b\n").uses()).containsExactly("a", "f");
    }

    @Test
    void continuedEscapesSpanTheirLines() {
        Module m = parse(";f a \\\n   b\nc = 1");
        assertThat(m.body()).hasSize(2);
        Expr.Call call = (Expr.Call) value(m.body().get(0));
        assertThat(call.args().get(0).value()).isEqualTo(new Expr.Str("a     b", "", new Span(1, 3, 2, 4)));
        assertThat(m.body().get(1).span()).isEqualTo(new Span(3, 0, 3, 5));
        Expr.Call paren = (Expr.Call) value(parse("/f a \\\n  b").body().get(0));
        assertThat(paren.args().get(1).value()).isEqualTo(new Expr.Name("b", new Span(2, 2, 2, 3)));
    }

    @Test
    void helpLinesReadNothing() {
        Stmt.ObjectInfo info = (Stmt.ObjectInfo) parse("x = a?").body().get(0);
        assertThat(info).isEqualTo(new Stmt.ObjectInfo("x = a?", new Span(1, 0, 1, 6)));
        assertThat(names("x = a?\nnp.*load*?\n?a.b c\n??").defines()).isEmpty();
        assertThat(names("x = a?\nnp.*load*?\n?a.b c\n??").uses()).isEmpty();
        assertThat(((Stmt.ObjectInfo) parse("df.head?").body().get(0)).text()).isEqualTo("df.head?");
        Module helpFirst = parse("%%timeit?\nx = y");
        assertThat(helpFirst.body()).hasSize(2);
        assertThat(analyzer.analyze(helpFirst).uses()).containsExactly("y");
    }

    @Test
    void indentedCellsAndPastedPromptsKeepTheirColumns() {
        Module m = parse("  x = 1\n  y = x + z");
        assertThat(m.body().get(1).span()).isEqualTo(new Span(2, 2, 2, 11));
        assertThat(names("  x = 1\n  y = x + z").uses()).containsExactly("z");
        Module pasted = parse(">>> for i in r:\n...     f(i)");
        Stmt.For loop = (Stmt.For) pasted.body().get(0);
        assertThat(loop.target()).isEqualTo(new Expr.Name("i", new Span(1, 8, 1, 9)));
        assertThat(value(loop.body().get(0)).span()).isEqualTo(new Span(2, 8, 2, 12));
        assertThat(names("In [3]: total = price * n").defines()).containsExactly("total");
        assertThat(error("  x = 1\n y = 2").line()).isEqualTo(2);
    }

    @Test
    void pythonCellMagicBodiesAndTimingCodeAreTransformed() {
        Stmt.CellMagic time = (Stmt.CellMagic) parse("%%time\n  r = f(a)\n  ;").body().get(0);
        assertThat(time.parsedBody().body()).hasSize(2);
        assertThat(time.parsedBody().body().get(0).span()).isEqualTo(new Span(2, 2, 2, 10));
        assertThat(names("%%capture out\n/g b").uses()).containsExactly("b", "g");
        Expr.Magic magic = (Expr.Magic) value(parse("%time ;f a").body().get(0));
        Expr.Call call = (Expr.Call) value(magic.parsedArgs().body().get(0));
        assertThat(call.func()).isEqualTo(new Expr.Name("f", new Span(1, 7, 1, 8)));
        assertThat(names("%timeit -n1 /f a b").uses()).containsExactly("a", "b", "f");
        assertThat(names("%%bash\n;ls\n/usr/bin/env").uses()).isEmpty();
    }

    @Test
    void windowsLineBreaksAndTabs() {
        Module m = parse("x = 1\r\n;\r\nif x:\r\n\t/f x\r\n");
        assertThat(m.body()).hasSize(3);
        assertThat(m.body().get(1).span()).isEqualTo(new Span(2, 0, 2, 1));
        assertThat(((Stmt.If) m.body().get(2)).body().get(0).span()).isEqualTo(new Span(4, 2, 4, 5));
    }

    @Test
    void syntaxErrorsPointIntoTheCellAsWritten() {
        SyntaxError indent = error("x = 1\n  ;");
        assertThat(indent.line()).isEqualTo(2);
        SyntaxError quote = error("if x:\n    ;f a\"b\n");
        assertThat(quote.line()).isEqualTo(2);
        assertThat(quote.column()).isBetween(5, 10);
        SyntaxError prompt = error(">>> x = = 1");
        assertThat(prompt).isEqualTo(new SyntaxError("invalid syntax", 1, 9));
        for (String cell : List.of("/f a, b", ",f \"a b\"", ";f a\"b", "x = 1 + \\\n/2")) {
            SyntaxError e = error(cell);
            assertThat(e.line()).as(cell).isBetween(1, (int) cell.lines().count());
            assertThat(e.column()).as(cell).isBetween(1, cell.lines().mapToInt(String::length).max().orElse(0) + 1);
        }
    }
}
