package dev.nb2prod.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.python.ast.Alias;
import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Param;
import dev.nb2prod.python.ast.Pattern;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

class SonarPythonFrontEndTest {

    private final PythonFrontEnd frontEnd = new SonarPythonFrontEnd();

    private Module parse(String src) {
        ParsedCell r = frontEnd.parse(src);
        assertThat(r).as("parse of %s", src).isInstanceOf(ParsedCell.Parsed.class);
        return ((ParsedCell.Parsed) r).module();
    }

    private SyntaxError fail(String src) {
        ParsedCell r = frontEnd.parse(src);
        assertThat(r).as("parse of %s", src).isInstanceOf(ParsedCell.Failed.class);
        return ((ParsedCell.Failed) r).error();
    }

    private Stmt first(String src) {
        return parse(src).body().get(0);
    }

    private Expr value(String src) {
        return ((Stmt.ExprStmt) first(src)).value();
    }

    @Test
    void assignmentWithSpans() {
        Stmt.Assign a = (Stmt.Assign) first("x = y + 1\n");
        assertThat(a.span()).isEqualTo(new Span(1, 0, 1, 9));
        assertThat(a.targets()).containsExactly(new Expr.Name("x", new Span(1, 0, 1, 1)));
        Expr.BinOp op = (Expr.BinOp) a.value();
        assertThat(op.op()).isEqualTo("+");
        assertThat(op.left()).isEqualTo(new Expr.Name("y", new Span(1, 4, 1, 5)));
        assertThat(op.right()).isEqualTo(new Expr.Num("1", new Span(1, 8, 1, 9)));
    }

    @Test
    void chainedAndUnpackingAssignment() {
        Stmt.Assign a = (Stmt.Assign) first("a = b, *c = d");
        assertThat(a.targets()).hasSize(2);
        Expr.TupleExpr t = (Expr.TupleExpr) a.targets().get(1);
        assertThat(t.elts().get(1)).isInstanceOf(Expr.Starred.class);
    }

    @Test
    void augmentedAndAnnotatedAssignment() {
        Stmt.AugAssign aug = (Stmt.AugAssign) first("x //= 2");
        assertThat(aug.op()).isEqualTo("//");
        Stmt.AnnAssign ann = (Stmt.AnnAssign) first("x: int");
        assertThat(ann.value()).isNull();
        assertThat(ann.annotation()).isEqualTo(new Expr.Name("int", new Span(1, 3, 1, 6)));
    }

    @Test
    void comparisonsAndBooleanOperatorsAreFlattened() {
        Expr.Compare c = (Expr.Compare) value("a < b <= c not in d is not e");
        assertThat(c.left()).isInstanceOf(Expr.Name.class);
        assertThat(c.ops()).containsExactly("<", "<=", "not in", "is not");
        assertThat(c.comparators()).hasSize(4);
        Expr.BoolOp b = (Expr.BoolOp) value("a and b and (c or d)");
        assertThat(b.op()).isEqualTo("and");
        assertThat(b.values()).hasSize(3);
        assertThat(b.values().get(2)).isInstanceOf(Expr.BoolOp.class);
    }

    @Test
    void constants() {
        assertThat(value("True")).isInstanceOf(Expr.BoolLit.class);
        assertThat(value("None")).isInstanceOf(Expr.NoneLit.class);
        assertThat(value("...")).isInstanceOf(Expr.EllipsisLit.class);
        assertThat(((Expr.Num) value("1_000")).text()).isEqualTo("1_000");
        Expr.Str s = (Expr.Str) value("r'a\\d' 'b'");
        assertThat(s.value()).isEqualTo("a\\db");
        assertThat(s.prefix()).isEqualTo("r");
        Expr.FString f = (Expr.FString) value("f'{x!r:>{width}} and {y.z}'");
        assertThat(f.values()).extracting(Node -> Node.getClass().getSimpleName())
                .containsExactly("Name", "Name", "Attribute");
    }

    @Test
    void multiLineStringEndsOnItsLastLine() {
        Stmt s = first("x = '''a\nbc'''\n");
        assertThat(s.span()).isEqualTo(new Span(1, 0, 2, 5));
    }

    @Test
    void callArguments() {
        Expr.Call c = (Expr.Call) value("f(a, b=1, *c, **d)");
        assertThat(c.args()).extracting(Arg::kind)
                .containsExactly(Arg.Kind.POSITIONAL, Arg.Kind.KEYWORD, Arg.Kind.STAR, Arg.Kind.DOUBLE_STAR);
        assertThat(c.keyword("b")).isEqualTo(new Expr.Num("1", new Span(1, 7, 1, 8)));
    }

    @Test
    void subscriptsAndSlices() {
        Expr.Subscript s = (Expr.Subscript) value("x[1:2, ::3]");
        Expr.TupleExpr t = (Expr.TupleExpr) s.slice();
        assertThat(t.elts()).allMatch(e -> e instanceof Expr.Slice);
        Expr.Subscript loc = (Expr.Subscript) value("df.loc[df.a > 1, 'b']");
        assertThat(loc.value()).isInstanceOf(Expr.Attribute.class);
        assertThat(loc.slice()).isInstanceOf(Expr.TupleExpr.class);
    }

    @Test
    void displaysAndComprehensions() {
        Expr.DictExpr d = (Expr.DictExpr) value("{'a': 1, **b}");
        assertThat(d.items().get(1).key()).isNull();
        Expr.ListComp lc = (Expr.ListComp) value("[x for x in xs if x for y in x]");
        assertThat(lc.generators()).hasSize(2);
        assertThat(lc.generators().get(0).ifs()).hasSize(1);
        assertThat(value("{k: v for k, v in d}")).isInstanceOf(Expr.DictComp.class);
        assertThat(value("{x for x in s}")).isInstanceOf(Expr.SetComp.class);
        assertThat(value("sum(x for x in s)")).isInstanceOf(Expr.Call.class);
        assertThat(value("(y := 3)")).isInstanceOf(Expr.NamedExpr.class);
        assertThat(value("lambda a, b=2: a")).isInstanceOf(Expr.Lambda.class);
        assertThat(value("a if b else c")).isInstanceOf(Expr.IfExp.class);
        assertThat(value("not a")).isEqualTo(new Expr.UnaryOp("not", new Expr.Name("a", new Span(1, 4, 1, 5)),
                new Span(1, 0, 1, 5)));
    }

    @Test
    void imports() {
        Stmt.Import i = (Stmt.Import) first("import a.b.c as d, e");
        assertThat(i.names()).extracting(Alias::name).containsExactly("a.b.c", "e");
        assertThat(i.names().get(0).asname()).isEqualTo("d");
        Stmt.ImportFrom f = (Stmt.ImportFrom) first("from ..m.n import (x as y, z)");
        assertThat(f.module()).isEqualTo("m.n");
        assertThat(f.level()).isEqualTo(2);
        assertThat(f.names()).extracting(Alias::name).containsExactly("x", "z");
        Stmt.ImportFrom star = (Stmt.ImportFrom) first("from pylab import *");
        assertThat(star.star()).isTrue();
        Stmt.ImportFrom dot = (Stmt.ImportFrom) first("from . import x");
        assertThat(dot.module()).isNull();
        assertThat(dot.level()).isEqualTo(1);
    }

    @Test
    void functionDefinition() {
        Stmt.FunctionDef f = (Stmt.FunctionDef) first(
                "@dec\nasync def f(a, /, b: int = 1, *args, c, d=2, **kw) -> str:\n    return a\n");
        assertThat(f.name()).isEqualTo("f");
        assertThat(f.async()).isTrue();
        assertThat(f.decorators()).hasSize(1);
        assertThat(f.span()).isEqualTo(new Span(2, 0, 3, 12));
        assertThat(f.params()).extracting(Param::name).containsExactly("a", "b", "args", "c", "d", "kw");
        assertThat(f.params()).extracting(Param::kind).containsExactly(Param.Kind.POSITIONAL_ONLY,
                Param.Kind.POSITIONAL_OR_KEYWORD, Param.Kind.VAR_POSITIONAL, Param.Kind.KEYWORD_ONLY,
                Param.Kind.KEYWORD_ONLY, Param.Kind.VAR_KEYWORD);
        assertThat(f.params().get(1).annotation()).isNotNull();
        assertThat(f.returns()).isInstanceOf(Expr.Name.class);
        assertThat(f.body().get(0)).isInstanceOf(Stmt.Return.class);
    }

    @Test
    void classDefinition() {
        Stmt.ClassDef c = (Stmt.ClassDef) first("class A(B, metaclass=M):\n    x = 1\n");
        assertThat(c.bases()).extracting(Arg::kind).containsExactly(Arg.Kind.POSITIONAL, Arg.Kind.KEYWORD);
        assertThat(c.body()).hasSize(1);
    }

    @Test
    void compoundStatements() {
        Stmt.If i = (Stmt.If) first("if a:\n    pass\nelif b:\n    pass\nelse:\n    x = 1\n");
        Stmt.If elif = (Stmt.If) i.orelse().get(0);
        assertThat(elif.orelse().get(0)).isInstanceOf(Stmt.Assign.class);
        Stmt.For f = (Stmt.For) first("for i, j in x:\n    break\nelse:\n    pass\n");
        assertThat(f.target()).isInstanceOf(Expr.TupleExpr.class);
        assertThat(f.orelse()).hasSize(1);
        Stmt.With w = (Stmt.With) first("with open(p) as f, g():\n    pass\n");
        assertThat(w.items()).hasSize(2);
        assertThat(w.items().get(1).target()).isNull();
        Stmt.Try t = (Stmt.Try) first("try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept C:\n    pass\n"
                + "else:\n    pass\nfinally:\n    pass\n");
        assertThat(t.handlers()).hasSize(2);
        assertThat(t.handlers().get(0).name()).isEqualTo("e");
        assertThat(t.handlers().get(0).type()).isInstanceOf(Expr.TupleExpr.class);
        assertThat(t.finalbody()).hasSize(1);
        assertThat(first("while x:\n    continue\n")).isInstanceOf(Stmt.While.class);
        assertThat(first("global a, b")).isEqualTo(new Stmt.Global(List.of("a", "b"), new Span(1, 0, 1, 11)));
        assertThat(first("del a[1], b")).isInstanceOf(Stmt.Delete.class);
        assertThat(first("raise E from e")).isInstanceOf(Stmt.Raise.class);
        assertThat(first("assert x, 'm'")).isInstanceOf(Stmt.Assert.class);
    }

    @Test
    void matchStatement() {
        Stmt.Match m = (Stmt.Match) first("""
                match cmd:
                    case [x, *rest]:
                        pass
                    case {"k": v, **others}:
                        pass
                    case Point(x=0, y=yy) | Color.RED as z if z:
                        pass
                    case 1 | None | "s":
                        pass
                    case _:
                        pass
                """);
        assertThat(m.cases()).hasSize(5);
        assertThat(m.cases().get(0).pattern()).isInstanceOf(Pattern.Sequence.class);
        Pattern.Mapping map = (Pattern.Mapping) m.cases().get(1).pattern();
        assertThat(map.rest()).isEqualTo("others");
        Pattern.As as = (Pattern.As) m.cases().get(2).pattern();
        assertThat(as.name()).isEqualTo("z");
        assertThat(m.cases().get(2).guard()).isNotNull();
        assertThat(m.cases().get(4).pattern()).isInstanceOf(Pattern.Wildcard.class);
        assertThat(AstWalker.find(m, Pattern.Keyword.class)).hasSize(2);
        assertThat(AstWalker.find(m, Pattern.Literal.class)).hasSize(5);
    }

    @Test
    void python2Statements() {
        Stmt.Print p = (Stmt.Print) first("print 'x', y");
        assertThat(p.values()).hasSize(2);
        Stmt.Exec e = (Stmt.Exec) first("exec code in ns");
        assertThat(e.globals()).isNotNull();
        Stmt.Assign r = (Stmt.Assign) first("s = `x`");
        assertThat(r.value()).isInstanceOf(Expr.Repr.class);
        Stmt.Try t = (Stmt.Try) first("try:\n    pass\nexcept ValueError, e:\n    pass\n");
        assertThat(t.handlers().get(0).name()).isEqualTo("e");
        assertThat(t.handlers().get(0).type()).isEqualTo(new Expr.Name("ValueError", new Span(3, 7, 3, 17)));
    }

    @Test
    void shellAssignmentAndLineMagics() {
        Stmt.Assign a = (Stmt.Assign) first("files = !ls -la\n");
        Expr.Magic m = (Expr.Magic) a.value();
        assertThat(m.kind()).isEqualTo(Expr.MagicKind.SHELL);
        assertThat(m.name()).isEqualTo("ls");
        assertThat(m.argsText()).isEqualTo("-la");
        assertThat(m.parsedArgs()).isNull();
        Expr.Magic mpl = (Expr.Magic) value("%matplotlib inline");
        assertThat(mpl.kind()).isEqualTo(Expr.MagicKind.LINE);
        assertThat(mpl.name()).isEqualTo("matplotlib");
        assertThat(mpl.argsText()).isEqualTo("inline");
        assertThat(mpl.span()).isEqualTo(new Span(1, 0, 1, 18));
    }

    @Test
    void timeMagicArgumentsAreParsedAtTheirCellPosition() {
        Module mod = parse("a = 1\n%time y = f(a, 'x')\n");
        Expr.Magic m = (Expr.Magic) ((Stmt.ExprStmt) mod.body().get(1)).value();
        assertThat(m.name()).isEqualTo("time");
        assertThat(m.argsText()).isEqualTo("y = f(a, 'x')");
        Stmt.Assign inner = (Stmt.Assign) m.parsedArgs().body().get(0);
        assertThat(inner.targets().get(0)).isEqualTo(new Expr.Name("y", new Span(2, 6, 2, 7)));
    }

    @Test
    void timeitOptionsAreSkipped() {
        Expr.Magic m = (Expr.Magic) value("%timeit -n 10 -r3 -q g(x)");
        Expr.Call call = (Expr.Call) ((Stmt.ExprStmt) m.parsedArgs().body().get(0)).value();
        assertThat(call.func()).isEqualTo(new Expr.Name("g", new Span(1, 21, 1, 22)));
        Expr.Magic prun = (Expr.Magic) value("%prun -s cumulative main()");
        assertThat(prun.parsedArgs().body()).hasSize(1);
    }

    @Test
    void indentedLineMagicOnLastLine() {
        Stmt.If i = (Stmt.If) first("if IS_COLAB:\n    %pip install -q -U urlextract");
        Expr.Magic m = (Expr.Magic) ((Stmt.ExprStmt) i.body().get(0)).value();
        assertThat(m.name()).isEqualTo("pip");
        assertThat(m.argsText()).isEqualTo("install -q -U urlextract");
    }

    @Test
    void pythonCellMagicBodyIsParsedRelativeToTheCell() {
        Stmt.CellMagic c = (Stmt.CellMagic) first("%%time\nx = 1\ny = x\n");
        assertThat(c.name()).isEqualTo("time");
        assertThat(c.bodyText()).isEqualTo("x = 1\ny = x\n");
        assertThat(c.parsedBody().body()).hasSize(2);
        assertThat(c.parsedBody().body().get(1).span()).isEqualTo(new Span(3, 0, 3, 5));
        Stmt.CellMagic cap = (Stmt.CellMagic) first("%%capture out --no-stderr\nprint(1)\n");
        assertThat(cap.argsText()).isEqualTo("out --no-stderr");
        assertThat(cap.parsedBody()).isNotNull();
    }

    @Test
    void otherCellMagicsKeepTextOnly() {
        Stmt.CellMagic c = (Stmt.CellMagic) first("%%bash\necho 'unbalanced\nls\n");
        assertThat(c.name()).isEqualTo("bash");
        assertThat(c.parsedBody()).isNull();
        assertThat(c.bodyText()).isEqualTo("echo 'unbalanced\nls\n");
    }

    @Test
    void brokenPythonCellMagicBodyIsASyntaxErrorOfTheCell() {
        SyntaxError e = fail("%%time\nx = 1\ny = (\n");
        assertThat(e.line()).isBetween(3, 4);
    }

    @Test
    void objectInfo() {
        Stmt.ObjectInfo o = (Stmt.ObjectInfo) first("df.head?\n");
        assertThat(o.text()).isEqualTo("df.head?");
    }

    @Test
    void syntaxErrorsCarryOneBasedPositions() {
        SyntaxError e = fail("x = 1\ny = = 2\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.message()).isEqualTo("invalid syntax");
        SyntaxError indent = fail("if x:\npass");
        assertThat(indent.line()).isEqualTo(2);
        assertThat(indent.column()).isEqualTo(1);
    }

    @Test
    void neverThrows() {
        assertThat(frontEnd.parse(null)).isInstanceOf(ParsedCell.Parsed.class);
        assertThat(frontEnd.parse("")).isInstanceOf(ParsedCell.Parsed.class);
        assertThat(frontEnd.parse("x = 'unterminated")).isInstanceOf(ParsedCell.Failed.class);
        String deep = "x = " + "(".repeat(5000) + "1" + ")".repeat(5000);
        ParsedCell r = frontEnd.parse(deep);
        if (r instanceof ParsedCell.Failed f) {
            assertThat(f.error().line()).isEqualTo(1);
        }
        String deepList = "x = " + "[".repeat(20000) + "]".repeat(20000);
        assertThat(frontEnd.parse(deepList)).isNotNull();
    }

    @Test
    void windowsLineEndingsAndTabs() {
        Module m = parse("x = 1\r\nif x:\r\n\ty = 2\r\n");
        assertThat(m.body()).hasSize(2);
        assertThat(m.body().get(1).span().startLine()).isEqualTo(2);
    }

    @Test
    void walkerVisitsEveryNodeInPreOrder() {
        Module m = parse("def f(a=b):\n    return [c for d in e]\n");
        List<String> names = AstWalker.find(m, Expr.Name.class).stream().map(Expr.Name::id).toList();
        assertThat(names).containsExactly("b", "c", "d", "e");
        assertThat(AstWalker.preOrder(m).get(0)).isSameAs(m);
        Module magic = parse("%time f(a)\n%%bash\nls\n");
        assertThat(AstWalker.find(magic, Expr.Name.class)).extracting(Expr.Name::id).containsExactly("f", "a");
    }
}
