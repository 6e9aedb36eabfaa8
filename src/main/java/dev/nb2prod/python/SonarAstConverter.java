package dev.nb2prod.python;

import dev.nb2prod.python.ast.Alias;
import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.Comprehension;
import dev.nb2prod.python.ast.DictItem;
import dev.nb2prod.python.ast.ExceptHandler;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.MatchCase;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Node;
import dev.nb2prod.python.ast.Param;
import dev.nb2prod.python.ast.Pattern;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.ast.WithItem;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sonar.plugins.python.api.tree.AliasedName;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.AnyParameter;
import org.sonar.plugins.python.api.tree.ArgList;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.AsPattern;
import org.sonar.plugins.python.api.tree.AssertStatement;
import org.sonar.plugins.python.api.tree.AssignmentExpression;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.AwaitExpression;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.BreakStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.CapturePattern;
import org.sonar.plugins.python.api.tree.CaseBlock;
import org.sonar.plugins.python.api.tree.CellMagicStatement;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.ClassPattern;
import org.sonar.plugins.python.api.tree.CompoundAssignmentStatement;
import org.sonar.plugins.python.api.tree.ComprehensionClause;
import org.sonar.plugins.python.api.tree.ComprehensionExpression;
import org.sonar.plugins.python.api.tree.ComprehensionFor;
import org.sonar.plugins.python.api.tree.ComprehensionIf;
import org.sonar.plugins.python.api.tree.ConditionalExpression;
import org.sonar.plugins.python.api.tree.ContinueStatement;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.DelStatement;
import org.sonar.plugins.python.api.tree.DictCompExpression;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.DictionaryLiteralElement;
import org.sonar.plugins.python.api.tree.DottedName;
import org.sonar.plugins.python.api.tree.DoubleStarPattern;
import org.sonar.plugins.python.api.tree.DynamicObjectInfoStatement;
import org.sonar.plugins.python.api.tree.ElseClause;
import org.sonar.plugins.python.api.tree.EllipsisExpression;
import org.sonar.plugins.python.api.tree.ExceptClause;
import org.sonar.plugins.python.api.tree.ExecStatement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.ExpressionStatement;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.FinallyClause;
import org.sonar.plugins.python.api.tree.ForStatement;
import org.sonar.plugins.python.api.tree.FormatSpecifier;
import org.sonar.plugins.python.api.tree.FormattedExpression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.GlobalStatement;
import org.sonar.plugins.python.api.tree.GroupPattern;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.ImportFrom;
import org.sonar.plugins.python.api.tree.ImportName;
import org.sonar.plugins.python.api.tree.InExpression;
import org.sonar.plugins.python.api.tree.IsExpression;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.KeyValuePattern;
import org.sonar.plugins.python.api.tree.KeywordPattern;
import org.sonar.plugins.python.api.tree.LambdaExpression;
import org.sonar.plugins.python.api.tree.LineMagic;
import org.sonar.plugins.python.api.tree.ListLiteral;
import org.sonar.plugins.python.api.tree.LiteralPattern;
import org.sonar.plugins.python.api.tree.MappingPattern;
import org.sonar.plugins.python.api.tree.MatchStatement;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.NoneExpression;
import org.sonar.plugins.python.api.tree.NonlocalStatement;
import org.sonar.plugins.python.api.tree.NumericLiteral;
import org.sonar.plugins.python.api.tree.OrPattern;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.ParameterList;
import org.sonar.plugins.python.api.tree.ParenthesizedExpression;
import org.sonar.plugins.python.api.tree.PassStatement;
import org.sonar.plugins.python.api.tree.PrintStatement;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RaiseStatement;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.ReprExpression;
import org.sonar.plugins.python.api.tree.ReturnStatement;
import org.sonar.plugins.python.api.tree.SequencePattern;
import org.sonar.plugins.python.api.tree.SetLiteral;
import org.sonar.plugins.python.api.tree.SliceExpression;
import org.sonar.plugins.python.api.tree.SliceItem;
import org.sonar.plugins.python.api.tree.StarPattern;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.StatementList;
import org.sonar.plugins.python.api.tree.StringElement;
import org.sonar.plugins.python.api.tree.StringLiteral;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.TryStatement;
import org.sonar.plugins.python.api.tree.Tuple;
import org.sonar.plugins.python.api.tree.TupleParameter;
import org.sonar.plugins.python.api.tree.TypeAliasStatement;
import org.sonar.plugins.python.api.tree.TypeAnnotation;
import org.sonar.plugins.python.api.tree.UnaryExpression;
import org.sonar.plugins.python.api.tree.UnpackingExpression;
import org.sonar.plugins.python.api.tree.ValuePattern;
import org.sonar.plugins.python.api.tree.WhileStatement;
import org.sonar.plugins.python.api.tree.WildcardPattern;
import org.sonar.plugins.python.api.tree.WithStatement;
import org.sonar.plugins.python.api.tree.YieldExpression;
import org.sonar.plugins.python.api.tree.YieldStatement;

/**
 * Converts a Sonar Python tree into the nb2prod AST. The only class (with {@link SonarPythonFrontEnd}) that sees
 * Sonar types. Positions are shifted by {@code lineOffset} (all lines) and {@code colOffset} (first line only) so
 * that code parsed out of a magic keeps positions relative to the cell, then mapped from the Python text IPython's
 * transformations made of the cell back to the cell's source ({@link TransformedCell}).
 */
final class SonarAstConverter {

    /** Parses nested code (magic arguments/bodies) at a position of the cell. */
    interface NestedParser {
        ParsedCell parse(String source, int lineOffset, int colOffset);
    }

    /** Thrown when the Python body of a cell magic does not parse: the whole cell is then a syntax error. */
    static final class NestedSyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SyntaxError error;

        NestedSyntaxError(SyntaxError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    private static final Set<String> LAYOUT_TOKENS = Set.of("NEWLINE", "INDENT", "DEDENT", "EOF");

    private final String source;
    private final int[] lineStarts;
    private final int lineOffset;
    private final int colOffset;
    private final NestedParser nested;
    private final TransformedCell cell;

    /**
     * @param source the Python text parsed: the transformed cell, or a part of it (a magic's code)
     * @param cell the whole cell, to map positions of its Python text back to its source
     */
    SonarAstConverter(String source, int lineOffset, int colOffset, NestedParser nested, TransformedCell cell) {
        this.source = source;
        this.cell = cell;
        this.lineStarts = lineStarts(source);
        this.lineOffset = lineOffset;
        this.colOffset = colOffset;
        this.nested = nested;
    }

    Module module(FileInput fi) {
        List<Stmt> body = stmts(fi.statements());
        int lastLine = lineStarts.length;
        int lastCol = source.length() - lineStarts[lastLine - 1];
        return new Module(body, cellSpan(1, 0, lastLine, lastCol));
    }

    // ---------------------------------------------------------------- positions

    private static int[] lineStarts(String s) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Text of local line {@code line} (1-based) without its line break. */
    private String lineText(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : source.length();
        while (end > start && (source.charAt(end - 1) == '\n' || source.charAt(end - 1) == '\r')) {
            end--;
        }
        return source.substring(start, end);
    }

    private int offset(int line, int col) {
        if (line < 1 || line > lineStarts.length) {
            return source.length();
        }
        return Math.min(source.length(), lineStarts[line - 1] + col);
    }

    /** The source span of local positions (lines 1-based, columns 0-based) of the text parsed. */
    private Span cellSpan(int startLine, int startCol, int endLine, int endCol) {
        return cell.span(cellLine(startLine), cellCol(startLine, startCol), cellLine(endLine), cellCol(endLine, endCol));
    }

    private int cellLine(int localLine) {
        return localLine + lineOffset;
    }

    private int cellCol(int localLine, int col) {
        return localLine == 1 ? col + colOffset : col;
    }

    private static boolean isLayout(Token t) {
        return LAYOUT_TOKENS.contains(t.type().getName());
    }

    /**
     * The first and last significant tokens of every subtree asked for, remembered: a left-nested chain of
     * operators asks for them at every level, which without the memory is quadratic in the chain's length.
     */
    private final Map<Tree, Optional<Token>> firstTokens = new IdentityHashMap<>();
    private final Map<Tree, Optional<Token>> lastTokens = new IdentityHashMap<>();

    private Token firstSig(Tree t) {
        if (t instanceof Token tk) {
            return isLayout(tk) ? null : tk;
        }
        Optional<Token> known = firstTokens.get(t);
        if (known != null) {
            return known.orElse(null);
        }
        Token found = null;
        for (Tree c : t.children()) {
            if (c != null) {
                found = firstSig(c);
                if (found != null) {
                    break;
                }
            }
        }
        firstTokens.put(t, Optional.ofNullable(found));
        return found;
    }

    private Token lastSig(Tree t) {
        if (t instanceof Token tk) {
            return isLayout(tk) ? null : tk;
        }
        Optional<Token> known = lastTokens.get(t);
        if (known != null) {
            return known.orElse(null);
        }
        Token found = null;
        List<Tree> kids = t.children();
        for (int i = kids.size() - 1; i >= 0; i--) {
            Tree c = kids.get(i);
            if (c != null) {
                found = lastSig(c);
                if (found != null) {
                    break;
                }
            }
        }
        lastTokens.put(t, Optional.ofNullable(found));
        return found;
    }

    private Span span(Tree t) {
        Token f = firstSig(t);
        Token l = lastSig(t);
        if (f == null || l == null) {
            Token any = t.firstToken();
            if (any == null) {
                return cellSpan(1, 0, 1, 0);
            }
            f = any;
            l = any;
        }
        return span(f, l);
    }

    private Span span(Token first, Token last) {
        int endLine = last.line();
        String v = last.value();
        int nl = Math.max(v.lastIndexOf('\n'), v.lastIndexOf('\r'));
        int endCol;
        if (nl >= 0) {
            endLine += (int) v.chars().filter(ch -> ch == '\n').count();
            endCol = v.length() - nl - 1;
        } else {
            endCol = last.column() + v.length();
        }
        return cellSpan(first.line(), first.column(), endLine, endCol);
    }

    /** From the start of {@code first} to the end of {@code last}. */
    private Span span(Tree first, Tree last) {
        Span a = span(first);
        Span b = span(last);
        return new Span(a.startLine(), a.startCol(), b.endLine(), b.endCol());
    }

    // ---------------------------------------------------------------- statements

    private List<Stmt> stmts(StatementList list) {
        List<Stmt> out = new ArrayList<>();
        if (list != null) {
            for (Statement s : list.statements()) {
                out.add(stmt(s));
            }
        }
        return out;
    }

    private List<Stmt> elseBody(ElseClause e) {
        return e == null ? List.of() : stmts(e.body());
    }

    private Stmt stmt(Statement s) {
        Span sp = span(s);
        return switch (s) {
            case ExpressionStatement x -> new Stmt.ExprStmt(exprOrTuple(x.expressions(), sp), sp);
            case AssignmentStatement x -> {
                List<Expr> targets = new ArrayList<>();
                for (ExpressionList el : x.lhsExpressions()) {
                    targets.add(expr(el));
                }
                yield new Stmt.Assign(targets, expr(x.assignedValue()), sp);
            }
            case CompoundAssignmentStatement x -> {
                String op = x.compoundAssignmentToken().value();
                yield new Stmt.AugAssign(expr(x.lhsExpression()), op.substring(0, op.length() - 1),
                        expr(x.rhsExpression()), sp);
            }
            case AnnotatedAssignment x -> new Stmt.AnnAssign(expr(x.variable()), annotation(x.annotation()),
                    exprOrNull(x.assignedValue()), sp);
            case DelStatement x -> new Stmt.Delete(exprs(x.expressions()), sp);
            case ImportName x -> new Stmt.Import(x.modules().stream().map(this::alias).toList(), sp);
            case ImportFrom x -> importFrom(x, sp);
            case FunctionDef x -> functionDef(x);
            case ClassDef x -> new Stmt.ClassDef(x.name().name(), decorators(x.decorators()), args(x.args()),
                    stmts(x.body()), span(x.classKeyword(), x));
            case IfStatement x -> ifStmt(x, sp);
            case ForStatement x -> new Stmt.For(exprOrTuple(x.expressions(), sp), exprOrTuple(x.testExpressions(), sp),
                    stmts(x.body()), elseBody(x.elseClause()), x.isAsync(), sp);
            case WhileStatement x -> new Stmt.While(expr(x.condition()), stmts(x.body()), elseBody(x.elseClause()), sp);
            case WithStatement x -> new Stmt.With(x.withItems().stream()
                    .map(w -> new WithItem(expr(w.test()), exprOrNull(w.expression()), span(w))).toList(),
                    stmts(x.statements()), x.isAsync(), sp);
            case TryStatement x -> tryStmt(x, sp);
            case ReturnStatement x -> new Stmt.Return(x.expressions().isEmpty() ? null : exprOrTuple(x.expressions(), sp), sp);
            case RaiseStatement x -> new Stmt.Raise(x.expressions().isEmpty() ? null : exprOrTuple(x.expressions(), sp),
                    exprOrNull(x.fromExpression()), sp);
            case AssertStatement x -> new Stmt.Assert(expr(x.condition()), exprOrNull(x.message()), sp);
            case PassStatement x -> new Stmt.Pass(sp);
            case BreakStatement x -> new Stmt.Break(sp);
            case ContinueStatement x -> new Stmt.Continue(sp);
            case GlobalStatement x -> new Stmt.Global(x.variables().stream().map(Name::name).toList(), sp);
            case NonlocalStatement x -> new Stmt.Nonlocal(x.variables().stream().map(Name::name).toList(), sp);
            case MatchStatement x -> new Stmt.Match(expr(x.subjectExpression()),
                    x.caseBlocks().stream().map(this::caseBlock).toList(), sp);
            case TypeAliasStatement x -> new Stmt.TypeAlias(x.name().name(), expr(x.expression()), sp);
            case PrintStatement x -> new Stmt.Print(exprs(x.expressions()), sp);
            case ExecStatement x -> new Stmt.Exec(expr(x.expression()), exprOrNull(x.globalsExpression()),
                    exprOrNull(x.localsExpression()), sp);
            case YieldStatement x -> new Stmt.ExprStmt(expr(x.yieldExpression()), sp);
            case CellMagicStatement x -> cellMagic(x, sp);
            case DynamicObjectInfoStatement x -> new Stmt.ObjectInfo(cell.sourceText(sp).strip(), sp);
            default -> new Stmt.Other(s.getKind().name(), otherChildren(s), sp);
        };
    }

    private Stmt importFrom(ImportFrom x, Span sp) {
        int level = 0;
        for (Token t : x.dottedPrefixForModule()) {
            level += t.value().length();
        }
        String module = x.module() == null ? null : dotted(x.module());
        List<Alias> names = x.isWildcardImport() ? List.of() : x.importedNames().stream().map(this::alias).toList();
        return new Stmt.ImportFrom(module, level, names, x.isWildcardImport(), sp);
    }

    private Alias alias(AliasedName a) {
        return new Alias(dotted(a.dottedName()), a.alias() == null ? null : a.alias().name(), span(a));
    }

    private static String dotted(DottedName d) {
        return String.join(".", d.names().stream().map(Name::name).toList());
    }

    private Stmt functionDef(FunctionDef x) {
        Tree start = x.asyncKeyword() != null ? x.asyncKeyword() : x.defKeyword();
        Expr returns = x.returnTypeAnnotation() == null ? null : annotation(x.returnTypeAnnotation());
        return new Stmt.FunctionDef(x.name().name(), decorators(x.decorators()), params(x.parameters()), returns,
                stmts(x.body()), x.asyncKeyword() != null, span(start, x));
    }

    private List<Expr> decorators(List<Decorator> decorators) {
        return decorators.stream().map(d -> expr(d.expression())).toList();
    }

    private Expr annotation(TypeAnnotation a) {
        return a == null ? null : expr(a.expression());
    }

    private List<Param> params(ParameterList list) {
        List<Param> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        boolean keywordOnly = false;
        for (AnyParameter any : list.all()) {
            if (any instanceof TupleParameter tp) {
                flattenTupleParam(tp, out);
                continue;
            }
            if (!(any instanceof Parameter p)) {
                continue;
            }
            String star = p.starToken() == null ? "" : p.starToken().value();
            if (star.equals("/")) {
                for (int i = 0; i < out.size(); i++) {
                    Param q = out.get(i);
                    if (q.kind() == Param.Kind.POSITIONAL_OR_KEYWORD) {
                        out.set(i, new Param(q.name(), Param.Kind.POSITIONAL_ONLY, q.annotation(), q.defaultValue(),
                                q.span()));
                    }
                }
                continue;
            }
            if (p.name() == null) {
                keywordOnly = true;
                continue;
            }
            Param.Kind kind;
            if (star.equals("*")) {
                kind = Param.Kind.VAR_POSITIONAL;
                keywordOnly = true;
            } else if (star.equals("**")) {
                kind = Param.Kind.VAR_KEYWORD;
            } else {
                kind = keywordOnly ? Param.Kind.KEYWORD_ONLY : Param.Kind.POSITIONAL_OR_KEYWORD;
            }
            out.add(new Param(p.name().name(), kind, annotation(p.typeAnnotation()), exprOrNull(p.defaultValue()),
                    span(p)));
        }
        return out;
    }

    private void flattenTupleParam(TupleParameter tp, List<Param> out) {
        for (AnyParameter any : tp.parameters()) {
            if (any instanceof TupleParameter inner) {
                flattenTupleParam(inner, out);
            } else if (any instanceof Parameter p && p.name() != null) {
                out.add(new Param(p.name().name(), Param.Kind.POSITIONAL_OR_KEYWORD, null, exprOrNull(p.defaultValue()),
                        span(p)));
            }
        }
    }

    private Stmt ifStmt(IfStatement x, Span sp) {
        List<Stmt> orelse = elseBody(x.elseBranch());
        List<IfStatement> elifs = x.elifBranches();
        for (int i = elifs.size() - 1; i >= 0; i--) {
            IfStatement e = elifs.get(i);
            orelse = List.of(new Stmt.If(expr(e.condition()), stmts(e.body()), orelse, span(e)));
        }
        return new Stmt.If(expr(x.condition()), stmts(x.body()), orelse, sp);
    }

    private Stmt tryStmt(TryStatement x, Span sp) {
        List<ExceptHandler> handlers = new ArrayList<>();
        boolean star = false;
        for (ExceptClause c : x.exceptClauses()) {
            star |= c.starToken() != null;
            Expr type = exprOrNull(c.exception());
            String name = null;
            if (c.exceptionInstance() != null) {
                name = c.exceptionInstance() instanceof Name n ? n.name() : null;
                if (name == null) {
                    // Python 2 "except E, (a, b):" keeps the target as a child of the type.
                    type = new Expr.Other("EXCEPT_TARGET", List.of(type, expr(c.exceptionInstance())), span(c));
                }
            } else if (c.exception() instanceof Tuple t && t.leftParenthesis() == null && t.elements().size() == 2
                    && t.elements().get(1) instanceof Name n) {
                // Python 2 "except E, e:" is parsed as an unparenthesised tuple.
                type = expr(t.elements().get(0));
                name = n.name();
            }
            handlers.add(new ExceptHandler(type, name, stmts(c.body()), span(c)));
        }
        FinallyClause fin = x.finallyClause();
        return new Stmt.Try(stmts(x.body()), handlers, elseBody(x.elseClause()),
                fin == null ? List.of() : stmts(fin.body()), star, sp);
    }

    private MatchCase caseBlock(CaseBlock c) {
        return new MatchCase(pattern(c.pattern()), c.guard() == null ? null : expr(c.guard().condition()),
                stmts(c.body()), span(c));
    }

    // ---------------------------------------------------------------- magics

    private Stmt cellMagic(CellMagicStatement x, Span sp) {
        Token first = firstSig(x);
        int magicLine = first == null ? 1 : first.line();
        String header = lineText(magicLine);
        int col = first == null ? 0 : first.column();
        String afterPercent = header.substring(Math.min(header.length(), col)).replaceFirst("^%%", "");
        String name = firstWord(afterPercent);
        String args = afterPercent.substring(name.length()).strip();
        int bodyStart = magicLine < lineStarts.length ? lineStarts[magicLine] : source.length();
        String body = source.substring(bodyStart);
        Module parsed = null;
        if (MagicOptions.PYTHON_CELL_MAGICS.contains(name)) {
            ParsedCell r = nested.parse(body, lineOffset + magicLine, 0);
            switch (r) {
                case ParsedCell.Parsed p -> parsed = p.module();
                case ParsedCell.Failed f -> throw new NestedSyntaxError(f.error());
            }
        }
        int lastLine = lineStarts.length;
        int lastCol = source.length() - lineStarts[lastLine - 1];
        Span full = body.isEmpty() ? sp : Span.cover(sp, cellSpan(lastLine, lastCol, lastLine, lastCol));
        return new Stmt.CellMagic(name, args, body, parsed, full);
    }

    private Expr lineMagic(LineMagic x) {
        Span sp = span(x);
        Token first = firstSig(x);
        Token last = lastSig(x);
        if (first == null || last == null) {
            return new Expr.Magic(Expr.MagicKind.LINE, "", "", null, sp);
        }
        int start = offset(first.line(), first.column());
        int endLine = last.line();
        int end = offset(endLine, 0) + lineText(endLine).length();
        String raw = source.substring(start, Math.max(start, end));
        Expr.MagicKind kind = raw.startsWith("!") ? Expr.MagicKind.SHELL : Expr.MagicKind.LINE;
        int prefix = 0;
        while (prefix < raw.length() && (raw.charAt(prefix) == '!' || raw.charAt(prefix) == '%')) {
            prefix++;
        }
        String rest = raw.substring(prefix);
        String name = firstWord(rest);
        int argsIndex = name.length();
        String argsRaw = rest.substring(argsIndex);
        Module parsed = null;
        String argsText = argsRaw.strip();
        if (kind == Expr.MagicKind.LINE && MagicOptions.PYTHON_LINE_MAGICS.contains(name) && !argsText.isEmpty()) {
            int codeIdx = MagicOptions.codeStart(name, argsRaw);
            String code = argsRaw.substring(codeIdx);
            int codeCol = first.column() + prefix + argsIndex + codeIdx;
            if (!code.isBlank()) {
                ParsedCell r = nested.parse(code, lineOffset + first.line() - 1, cellCol(first.line(), codeCol));
                if (r instanceof ParsedCell.Parsed p) {
                    parsed = p.module();
                }
            }
        }
        int endCol = lineText(endLine).length();
        Span full = Span.cover(sp, cellSpan(endLine, endCol, endLine, endCol));
        return new Expr.Magic(kind, name, argsText, parsed, full);
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }

    // ---------------------------------------------------------------- expressions

    private List<Expr> exprs(List<? extends Expression> list) {
        List<Expr> out = new ArrayList<>();
        for (Expression e : list) {
            out.add(expr(e));
        }
        return out;
    }

    private Expr exprOrNull(Expression e) {
        return e == null ? null : expr(e);
    }

    private Expr exprOrTuple(List<? extends Expression> list, Span fallback) {
        if (list.size() == 1) {
            return expr(list.get(0));
        }
        if (list.isEmpty()) {
            return new Expr.TupleExpr(List.of(), fallback);
        }
        return new Expr.TupleExpr(exprs(list), span(list.get(0), list.get(list.size() - 1)));
    }

    Expr expr(Expression e) {
        Span sp = span(e);
        return switch (e) {
            case Name x -> switch (x.name()) {
                case "True" -> new Expr.BoolLit(true, sp);
                case "False" -> new Expr.BoolLit(false, sp);
                default -> new Expr.Name(x.name(), sp);
            };
            case NoneExpression x -> new Expr.NoneLit(sp);
            case EllipsisExpression x -> new Expr.EllipsisLit(sp);
            case NumericLiteral x -> new Expr.Num(x.firstToken().value(), sp);
            case StringLiteral x -> string(x, sp);
            case QualifiedExpression x -> new Expr.Attribute(expr(x.qualifier()), x.name().name(), sp);
            case CallExpression x -> new Expr.Call(expr(x.callee()), args(x.argumentList()), sp);
            case SubscriptionExpression x -> new Expr.Subscript(expr(x.object()), exprOrTuple(x.subscripts().expressions(), sp), sp);
            case SliceExpression x -> new Expr.Subscript(expr(x.object()), sliceList(x), sp);
            case InExpression x -> compare(x, sp);
            case IsExpression x -> compare(x, sp);
            case BinaryExpression x -> binary(x, sp);
            case UnaryExpression x -> new Expr.UnaryOp(x.operator().value(), expr(x.expression()), sp);
            case LambdaExpression x -> new Expr.Lambda(params(x.parameters()), expr(x.expression()), sp);
            case ConditionalExpression x -> new Expr.IfExp(expr(x.condition()), expr(x.trueExpression()),
                    expr(x.falseExpression()), sp);
            case ListLiteral x -> new Expr.ListExpr(exprs(x.elements().expressions()), sp);
            case Tuple x -> new Expr.TupleExpr(exprs(x.elements()), sp);
            case SetLiteral x -> new Expr.SetExpr(exprs(x.elements()), sp);
            case DictionaryLiteral x -> new Expr.DictExpr(x.elements().stream().map(this::dictItem).toList(), sp);
            case ComprehensionExpression x -> comprehension(x, sp);
            case DictCompExpression x -> new Expr.DictComp(expr(x.keyExpression()), expr(x.valueExpression()),
                    generators(x.comprehensionFor()), sp);
            case UnpackingExpression x -> new Expr.Starred(expr(x.expression()), sp);
            case AwaitExpression x -> new Expr.Await(expr(x.expression()), sp);
            case YieldExpression x -> x.fromKeyword() != null
                    ? new Expr.YieldFrom(exprOrTuple(x.expressions(), sp), sp)
                    : new Expr.Yield(x.expressions().isEmpty() ? null : exprOrTuple(x.expressions(), sp), sp);
            case AssignmentExpression x -> new Expr.NamedExpr(new Expr.Name(x.lhsName().name(), span(x.lhsName())),
                    expr(x.expression()), sp);
            case ReprExpression x -> new Expr.Repr(exprOrTuple(x.expressionList().expressions(), sp), sp);
            case ParenthesizedExpression x -> expr(x.expression());
            case ExpressionList x -> exprOrTuple(x.expressions(), sp);
            case LineMagic x -> lineMagic(x);
            default -> new Expr.Other(e.getKind().name(), otherChildren(e), sp);
        };
    }

    private List<Node> otherChildren(Tree t) {
        List<Node> out = new ArrayList<>();
        for (Tree c : t.children()) {
            if (c instanceof Expression ce) {
                out.add(expr(ce));
            } else if (c instanceof Statement cs) {
                out.add(stmt(cs));
            } else if (c != null && !(c instanceof Token)) {
                out.addAll(otherChildren(c));
            }
        }
        return out;
    }

    private Expr string(StringLiteral x, Span sp) {
        StringBuilder text = new StringBuilder();
        List<Expr> values = new ArrayList<>();
        boolean interpolated = false;
        for (StringElement el : x.stringElements()) {
            text.append(el.trimmedQuotesValue());
            if (el.isInterpolated()) {
                interpolated = true;
                for (FormattedExpression fe : el.formattedExpressions()) {
                    formatted(fe, values);
                }
            }
        }
        if (interpolated) {
            return new Expr.FString(text.toString(), values, sp);
        }
        String prefix = x.stringElements().isEmpty() ? "" : x.stringElements().get(0).prefix().toLowerCase(Locale.ROOT);
        return new Expr.Str(text.toString(), prefix, sp);
    }

    private void formatted(FormattedExpression fe, List<Expr> values) {
        values.add(expr(fe.expression()));
        FormatSpecifier spec = fe.formatSpecifier();
        if (spec != null) {
            for (FormattedExpression inner : spec.formatExpressions()) {
                formatted(inner, values);
            }
        }
    }

    private Expr sliceList(SliceExpression x) {
        List<Tree> slices = x.sliceList().slices();
        List<Expr> parts = new ArrayList<>();
        for (Tree t : slices) {
            if (t instanceof SliceItem si) {
                parts.add(new Expr.Slice(exprOrNull(si.lowerBound()), exprOrNull(si.upperBound()),
                        exprOrNull(si.stride()), span(si)));
            } else if (t instanceof Expression ex) {
                parts.add(expr(ex));
            }
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new Expr.TupleExpr(parts, span(x.sliceList()));
    }

    private Expr binary(BinaryExpression x, Span sp) {
        if (x.is(Tree.Kind.AND) || x.is(Tree.Kind.OR)) {
            List<Expr> values = new ArrayList<>();
            flattenBool(x, x.getKind(), values);
            return new Expr.BoolOp(x.operator().value(), values, sp);
        }
        if (x.is(Tree.Kind.COMPARISON)) {
            return compare(x, sp);
        }
        return new Expr.BinOp(expr(x.leftOperand()), x.operator().value(), expr(x.rightOperand()), sp);
    }

    private void flattenBool(Expression e, Tree.Kind kind, List<Expr> out) {
        if (e instanceof BinaryExpression b && b.getKind() == kind) {
            flattenBool(b.leftOperand(), kind, out);
            flattenBool(b.rightOperand(), kind, out);
        } else {
            out.add(expr(e));
        }
    }

    private static boolean isComparison(Expression e) {
        return e.is(Tree.Kind.COMPARISON, Tree.Kind.IN, Tree.Kind.IS);
    }

    private Expr compare(BinaryExpression x, Span sp) {
        List<String> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        Expression left = x;
        List<BinaryExpression> chain = new ArrayList<>();
        while (left instanceof BinaryExpression b && isComparison(b)) {
            chain.add(0, b);
            left = b.leftOperand();
        }
        for (BinaryExpression b : chain) {
            ops.add(compareOp(b));
            comparators.add(expr(b.rightOperand()));
        }
        return new Expr.Compare(expr(left), ops, comparators, sp);
    }

    private static String compareOp(BinaryExpression b) {
        if (b instanceof InExpression in && in.notToken() != null) {
            return "not in";
        }
        if (b instanceof IsExpression is && is.notToken() != null) {
            return "is not";
        }
        return b.operator().value();
    }

    private List<Arg> args(ArgList list) {
        List<Arg> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (Argument a : list.arguments()) {
            Span sp = span(a);
            if (a instanceof RegularArgument r) {
                if (r.keywordArgument() != null) {
                    out.add(new Arg(Arg.Kind.KEYWORD, r.keywordArgument().name(), expr(r.expression()), sp));
                } else {
                    out.add(new Arg(Arg.Kind.POSITIONAL, null, expr(r.expression()), sp));
                }
            } else if (a instanceof UnpackingExpression u) {
                Arg.Kind kind = u.starToken().value().equals("**") ? Arg.Kind.DOUBLE_STAR : Arg.Kind.STAR;
                out.add(new Arg(kind, null, expr(u.expression()), sp));
            }
        }
        return out;
    }

    private DictItem dictItem(DictionaryLiteralElement el) {
        if (el instanceof KeyValuePair kv) {
            return new DictItem(expr(kv.key()), expr(kv.value()), span(kv));
        }
        if (el instanceof UnpackingExpression u) {
            return new DictItem(null, expr(u.expression()), span(u));
        }
        return new DictItem(null, new Expr.Other(el.getKind().name(), otherChildren(el), span(el)), span(el));
    }

    private Expr comprehension(ComprehensionExpression x, Span sp) {
        Expr elt = expr(x.resultExpression());
        List<Comprehension> gens = generators(x.comprehensionFor());
        if (x.is(Tree.Kind.LIST_COMPREHENSION)) {
            return new Expr.ListComp(elt, gens, sp);
        }
        if (x.is(Tree.Kind.SET_COMPREHENSION)) {
            return new Expr.SetComp(elt, gens, sp);
        }
        return new Expr.GeneratorExp(elt, gens, sp);
    }

    private List<Comprehension> generators(ComprehensionFor first) {
        List<Comprehension> out = new ArrayList<>();
        ComprehensionClause clause = first;
        ComprehensionFor current = null;
        List<Expr> ifs = new ArrayList<>();
        while (clause != null) {
            if (clause instanceof ComprehensionFor f) {
                if (current != null) {
                    out.add(generator(current, ifs));
                }
                current = f;
                ifs = new ArrayList<>();
            } else if (clause instanceof ComprehensionIf i) {
                ifs.add(expr(i.condition()));
            }
            clause = clause.nestedClause();
        }
        if (current != null) {
            out.add(generator(current, ifs));
        }
        return out;
    }

    private Comprehension generator(ComprehensionFor f, List<Expr> ifs) {
        Token end = lastSig(f.iterable());
        Span sp = end == null ? span(f.forToken()) : span(f.asyncToken() != null ? f.asyncToken() : f.forToken(), end);
        return new Comprehension(expr(f.loopExpression()), expr(f.iterable()), ifs, f.asyncToken() != null, sp);
    }

    // ---------------------------------------------------------------- patterns

    private Pattern pattern(org.sonar.plugins.python.api.tree.Pattern p) {
        Span sp = span(p);
        return switch (p) {
            case CapturePattern x -> new Pattern.Capture(x.name().name(), sp);
            case WildcardPattern x -> new Pattern.Wildcard(sp);
            case ValuePattern x -> new Pattern.Value(expr(x.qualifiedExpression()), sp);
            case LiteralPattern x -> new Pattern.Literal(literal(x, sp), sp);
            case SequencePattern x -> new Pattern.Sequence(x.elements().stream().map(this::pattern).toList(), sp);
            case StarPattern x -> new Pattern.Star(x.pattern() instanceof CapturePattern c ? c.name().name() : null, sp);
            case MappingPattern x -> mapping(x, sp);
            case ClassPattern x -> new Pattern.ClassPattern(expr(x.targetClass()),
                    x.arguments().stream().map(this::pattern).toList(), sp);
            case KeywordPattern x -> new Pattern.Keyword(x.attributeName().name(), pattern(x.pattern()), sp);
            case AsPattern x -> new Pattern.As(pattern(x.pattern()), x.alias().name().name(), sp);
            case OrPattern x -> new Pattern.Or(x.patterns().stream().map(this::pattern).toList(), sp);
            case GroupPattern x -> new Pattern.Group(pattern(x.pattern()), sp);
            default -> new Pattern.Other(p.getKind().name(), otherChildren(p), sp);
        };
    }

    private Expr literal(LiteralPattern x, Span sp) {
        String text = x.valueAsString();
        return switch (x.getKind()) {
            case NONE_LITERAL_PATTERN -> new Expr.NoneLit(sp);
            case BOOLEAN_LITERAL_PATTERN -> new Expr.BoolLit("True".equals(text), sp);
            case STRING_LITERAL_PATTERN -> {
                List<Tree> kids = x.children();
                if (!kids.isEmpty() && kids.get(0) instanceof StringLiteral s) {
                    yield string(s, sp);
                }
                yield new Expr.Str(text, "", sp);
            }
            default -> new Expr.Num(text, sp);
        };
    }

    private Pattern mapping(MappingPattern x, Span sp) {
        List<Pattern> keys = new ArrayList<>();
        List<Pattern> values = new ArrayList<>();
        String rest = null;
        for (org.sonar.plugins.python.api.tree.Pattern el : x.elements()) {
            if (el instanceof KeyValuePattern kv) {
                keys.add(pattern(kv.key()));
                values.add(pattern(kv.value()));
            } else if (el instanceof DoubleStarPattern ds) {
                rest = ds.capturePattern().name().name();
            }
        }
        return new Pattern.Mapping(keys, values, rest, sp);
    }
}
