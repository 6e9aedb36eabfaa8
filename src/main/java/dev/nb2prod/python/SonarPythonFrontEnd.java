package dev.nb2prod.python;

import com.sonar.sslr.api.AstNode;
import com.sonar.sslr.api.RecognitionException;
import com.sonar.sslr.impl.LexerException;
import dev.nb2prod.python.ast.Module;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.python.parser.PythonParser;
import org.sonar.python.tree.IPythonTreeMaker;

/**
 * {@link PythonFrontEnd} backed by SonarSource's IPython parser. Never throws: parser errors, tree-maker failures
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
        // parseAt handles every failure but a stack overflow, which BigStack retries on a large stack
        return BigStack.call("nb2prod-python-parser", () -> parseAt(source, 0, 0),
                () -> new ParsedCell.Failed(new SyntaxError("too deeply nested to parse", 1, 1)));
    }

    /** Parses {@code source} as if it started at line {@code lineOffset + 1}, column {@code colOffset} of the cell. */
    private ParsedCell parseAt(String source, int lineOffset, int colOffset) {
        var tooDeep = BraceNesting.check(source);
        if (tooDeep.isPresent()) {
            return failed("braces nested more than " + BraceNesting.LIMIT + " levels deep: too complex to parse",
                    tooDeep.get().line(), tooDeep.get().column(), source, lineOffset, colOffset);
        }
        try {
            // A trailing line break keeps the parser happy with an indented line magic on the last line.
            String text = source.endsWith("\n") ? source : source + "\n";
            AstNode node = parsers.get().parse(text);
            FileInput fileInput = new IPythonTreeMaker().fileInput(node);
            Module module = new SonarAstConverter(source, lineOffset, colOffset, this::parseAt).module(fileInput);
            return new ParsedCell.Parsed(module);
        } catch (RecognitionException e) {
            return failed("invalid syntax", e.getLine(), column(e.getMessage()), source, lineOffset, colOffset);
        } catch (SonarAstConverter.NestedSyntaxError e) {
            return new ParsedCell.Failed(e.error);
        } catch (LexerException e) {
            return failed("cannot split the cell into Python tokens", 1, 0, source, lineOffset, colOffset);
        } catch (StackOverflowError e) {
            // the overflow may have left this thread's parser half-way through: never reuse it (BigStack retries)
            parsers.remove();
            throw e;
        } catch (RuntimeException | LinkageError e) {
            // the parser's own messages quote the source (secrets, control characters): name the failure only
            return failed("cannot parse (" + e.getClass().getSimpleName() + " in the parser)", 1, 0, source,
                    lineOffset, colOffset);
        }
    }

    private static ParsedCell failed(String message, int line, int col0, String source, int lineOffset, int colOffset) {
        int lines = Math.max(1, (int) source.lines().count());
        int localLine = Math.max(1, Math.min(line, lines));
        int column = col0 + 1 + (localLine == 1 ? colOffset : 0);
        return new ParsedCell.Failed(new SyntaxError(message, localLine + lineOffset, Math.max(1, column)));
    }

    private static int column(String message) {
        if (message == null) {
            return 0;
        }
        Matcher m = COLUMN.matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
