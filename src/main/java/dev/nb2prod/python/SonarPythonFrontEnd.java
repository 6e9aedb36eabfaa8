package dev.nb2prod.python;

import com.sonar.sslr.api.AstNode;
import com.sonar.sslr.api.RecognitionException;
import com.sonar.sslr.impl.LexerException;
import dev.nb2prod.notebook.Limits;
import dev.nb2prod.python.ast.Module;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.python.parser.PythonParser;
import org.sonar.python.tree.IPythonTreeMaker;

/**
 * {@link PythonFrontEnd} backed by SonarSource's IPython parser. The cell is first put through IPython's input
 * transformations that the grammar does not cover ({@link IPythonTransform}: auto-call escapes, a lone {@code ;},
 * help lines, indented cells, pasted prompts); positions in the AST and in syntax errors point into the cell as
 * written. Never throws: parser errors, tree-maker failures
 * and stack overflows on deeply nested code all become {@link ParsedCell.Failed}. Each parse runs on its own
 * short-lived thread with a large stack, so long operator chains and deep nesting parse like CPython would.
 * Stateless and thread-safe.
 */
public final class SonarPythonFrontEnd implements PythonFrontEnd {

    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

    /** Building the grammar is costly: one parser per thread, reused (a parser is not safe to share). */
    private final ThreadLocal<PythonParser> parsers = ThreadLocal.withInitial(PythonParser::createIPythonParser);

    @Override
    public ParsedCell parse(String cellSource) {
        String source = cellSource == null ? "" : cellSource;
        TransformedCell cell;
        try {
            cell = IPythonTransform.transform(source);
        } catch (RuntimeException e) {
            return new ParsedCell.Failed(new SyntaxError("cannot apply IPython's input transformations ("
                    + e.getClass().getSimpleName() + ")", 1, 1));
        }
        // parseAt handles every failure but a stack overflow, which BigStack retries on a large stack
        return BigStack.call("nb2prod-python-parser", () -> parseAt(cell.python(), 0, 0, cell),
                () -> new ParsedCell.Failed(new SyntaxError("too deeply nested to parse", 1, 1)));
    }

    /**
     * Parses {@code source}, a part of the Python text of {@code cell}, as if it started at line
     * {@code lineOffset + 1}, column {@code colOffset} of that text.
     */
    private ParsedCell parseAt(String source, int lineOffset, int colOffset, TransformedCell cell) {
        BracketDepth.Position deep = BracketDepth.beyond(source, Limits.MAX_BRACKET_DEPTH, Limits.MAX_BRACE_DEPTH);
        if (deep != null) {
            String what = deep.brace() ? "braces" : "brackets";
            int limit = deep.brace() ? Limits.MAX_BRACE_DEPTH : Limits.MAX_BRACKET_DEPTH;
            return failed(what + " nested more than " + limit + " levels deep, nb2prod's limit (see docs/limits.md)",
                    deep.line(), deep.column(), source, lineOffset, colOffset, cell);
        }
        try {
            // A trailing line break keeps the parser happy with an indented line magic on the last line.
            String text = source.endsWith("\n") ? source : source + "\n";
            AstNode node = parsers.get().parse(text);
            FileInput fileInput = new IPythonTreeMaker().fileInput(node);
            Tree tooDeep = beyondDepth(fileInput, Limits.MAX_SYNTAX_DEPTH);
            if (tooDeep != null) {
                Token token = tooDeep.firstToken();
                return failed("nested more than " + Limits.MAX_SYNTAX_DEPTH + " levels deep, nb2prod's limit"
                        + " (see docs/limits.md)", token == null ? 1 : token.line(), token == null ? 0 : token.column(),
                        source, lineOffset, colOffset, cell);
            }
            Module module = new SonarAstConverter(source, lineOffset, colOffset,
                    (code, lines, cols) -> parseAt(code, lines, cols, cell), cell).module(fileInput);
            return new ParsedCell.Parsed(module);
        } catch (RecognitionException e) {
            return failed("invalid syntax", e.getLine(), column(e.getMessage()), source, lineOffset, colOffset, cell);
        } catch (SonarAstConverter.NestedSyntaxError e) {
            return new ParsedCell.Failed(e.error);
        } catch (LexerException e) {
            return failed("cannot split the cell into Python tokens", 1, 0, source, lineOffset, colOffset, cell);
        } catch (StackOverflowError e) {
            // the overflow may have left this thread's parser half-way through: never reuse it (BigStack retries)
            parsers.remove();
            throw e;
        } catch (RuntimeException | LinkageError e) {
            // the parser's own messages quote the source (secrets, control characters): name the failure only
            return failed("cannot parse (" + e.getClass().getSimpleName() + " in the parser)", 1, 0, source,
                    lineOffset, colOffset, cell);
        }
    }

    /**
     * The first node found deeper than {@code maxDepth} in the tree, or null. Iterative, so that it runs before
     * any recursive pass over the tree (the conversion below, the name analysis, the rules) meets that depth.
     */
    private static Tree beyondDepth(Tree root, int maxDepth) {
        Deque<Tree> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        while (!nodes.isEmpty()) {
            Tree tree = nodes.pop();
            int depth = depths.pop();
            if (depth > maxDepth) {
                return tree;
            }
            for (Tree child : tree.children()) {
                if (child != null) {
                    nodes.push(child);
                    depths.push(depth + 1);
                }
            }
        }
        return null;
    }

    private static ParsedCell failed(String message, int line, int col0, String source, int lineOffset, int colOffset,
                                     TransformedCell cell) {
        int lines = Math.max(1, (int) source.lines().count());
        int localLine = Math.max(1, Math.min(line, lines));
        int[] position = cell.position(localLine + lineOffset, Math.max(0, col0) + (localLine == 1 ? colOffset : 0));
        return new ParsedCell.Failed(new SyntaxError(message, position[0], position[1] + 1));
    }

    private static int column(String message) {
        if (message == null) {
            return 0;
        }
        Matcher m = COLUMN.matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
