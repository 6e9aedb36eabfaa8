package dev.nb2prod.cli;

import dev.nb2prod.notebook.Cell;
import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.notebook.MarkdownCell;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookFiles;
import dev.nb2prod.notebook.NotebookReadException;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.notebook.RawCell;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nb2prod assess}: reads notebooks and reports on them. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess notebooks: format, cells, syntax errors and notebook anti-patterns.")
final class AssessCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Notebooks (.ipynb) or directories to search for them.")
    private List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NotebookFiles.Expansion expansion = NotebookFiles.expand(paths);
        boolean inputError = !expansion.problems().isEmpty();
        expansion.problems().forEach(p -> err.println("nb2prod: " + p));
        NotebookReader reader = new NotebookReader();
        for (Path file : expansion.notebooks()) {
            try {
                Notebook notebook = reader.read(file);
                printSummary(out, notebook);
            } catch (NotebookReadException e) {
                inputError = true;
                err.println("nb2prod: " + e.getMessage());
            }
        }
        out.flush();
        err.flush();
        return inputError ? ExitCodes.USAGE : ExitCodes.OK;
    }

    private static void printSummary(PrintWriter out, Notebook notebook) {
        long code = notebook.cells().stream().filter(CodeCell.class::isInstance).count();
        long markdown = notebook.cells().stream().filter(MarkdownCell.class::isInstance).count();
        long raw = notebook.cells().stream().filter(RawCell.class::isInstance).count();
        int codeLines = notebook.codeCells().stream().mapToInt(c -> c.source().lineCount()).sum();
        out.printf("%s: nbformat %s, %s kernel, %d cells (%d code, %d markdown, %d raw), %d code lines%n",
                notebook.path(), notebook.formatVersion(), notebook.metadata().languageOrUnknown(),
                notebook.cells().size(), code, markdown, raw, codeLines);
    }

    static String cellLabel(Cell cell) {
        return "cell " + (cell.index() + 1);
    }
}
