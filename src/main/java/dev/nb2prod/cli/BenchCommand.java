package dev.nb2prod.cli;

import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookFiles;
import dev.nb2prod.notebook.NotebookReadException;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Rules;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nb2prod bench}: times each phase of assess (read, parse and names, cell graph, rules) over a set of
 * notebooks, single-threaded, after warm-up runs. The project's performance numbers come from here.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure how fast nb2prod reads, parses, graphs and assesses notebooks (one thread).")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Notebooks or directories.")
    private List<Path> paths;

    @Option(names = "--runs", defaultValue = "3", description = "Measured runs (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--warmup", defaultValue = "1", description = "Warm-up runs, not measured (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--per-rule", description = "Also time every rule on its own (one run).")
    private boolean perRule;

    /** Nanoseconds spent per phase in one run, and what was processed. */
    private record Timing(long read, long parse, long graph, long rules, int notebooks, int cells, int findings) {
        long total() {
            return read + parse + graph + rules;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = NotebookFiles.expand(paths).notebooks();
        if (files.isEmpty() || runs < 1 || warmup < 0) {
            spec.commandLine().getErr().println("nb2prod: bench needs at least one notebook and --runs >= 1");
            return ExitCodes.USAGE;
        }
        for (int i = 0; i < warmup; i++) {
            once(files);
        }
        List<Timing> timings = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            timings.add(once(files));
        }
        Timing best = timings.stream().min(java.util.Comparator.comparingLong(Timing::total)).orElseThrow();
        out.printf(Locale.ROOT, "%d notebooks, %d code cells, %d findings; best of %d runs after %d warm-up:%n",
            best.notebooks(), best.cells(), best.findings(), runs, warmup);
        row(out, "read", best.read(), best);
        row(out, "parse+names", best.parse(), best);
        row(out, "cell graph", best.graph(), best);
        row(out, "rules", best.rules(), best);
        row(out, "total", best.total(), best);
        out.printf(Locale.ROOT, "throughput: %.1f notebooks/s, %.0f cells/s; peak heap %d MB%n",
            best.notebooks() / seconds(best.total()), best.cells() / seconds(best.total()), peakHeapMegabytes());
        if (perRule) {
            perRule(out, files);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void perRule(PrintWriter out, List<Path> files) {
        NotebookReader reader = new NotebookReader();
        SonarPythonFrontEnd frontEnd = new SonarPythonFrontEnd();
        List<AnalyzedNotebook> analyzed = new ArrayList<>();
        List<CellGraph> graphs = new ArrayList<>();
        for (Path file : files) {
            try {
                AnalyzedNotebook one = AnalyzedNotebook.of(reader.read(file), frontEnd);
                analyzed.add(one);
                graphs.add(new CellGraphBuilder().build(one));
            } catch (NotebookReadException e) {
                // unreadable files are not part of the measurement
            }
        }
        out.println("per rule:");
        for (dev.nb2prod.rules.Rule rule : Rules.all()) {
            Assessor single = new Assessor(List.of(rule), AssessConfig.DEFAULTS);
            long start = System.nanoTime();
            for (int i = 0; i < analyzed.size(); i++) {
                single.assess(analyzed.get(i), graphs.get(i));
            }
            out.printf(Locale.ROOT, "  %s %-28s %7.0f ms%n", rule.info().code(), rule.info().name(), (System.nanoTime() - start) / 1e6);
        }
    }

    private static Timing once(List<Path> files) {
        NotebookReader reader = new NotebookReader();
        SonarPythonFrontEnd frontEnd = new SonarPythonFrontEnd();
        CellGraphBuilder builder = new CellGraphBuilder();
        Assessor assessor = new Assessor(Rules.all(), AssessConfig.DEFAULTS);
        long read = 0;
        long parse = 0;
        long graph = 0;
        long rules = 0;
        int notebooks = 0;
        int cells = 0;
        int findings = 0;
        for (Path file : files) {
            long t0 = System.nanoTime();
            Notebook notebook;
            try {
                notebook = reader.read(file);
            } catch (NotebookReadException e) {
                continue;
            }
            long t1 = System.nanoTime();
            AnalyzedNotebook analyzed = AnalyzedNotebook.of(notebook, frontEnd);
            long t2 = System.nanoTime();
            CellGraph cellGraph = builder.build(analyzed);
            long t3 = System.nanoTime();
            findings += assessor.assess(analyzed, cellGraph).size();
            long t4 = System.nanoTime();
            read += t1 - t0;
            parse += t2 - t1;
            graph += t3 - t2;
            rules += t4 - t3;
            notebooks++;
            cells += notebook.codeCells().size();
        }
        return new Timing(read, parse, graph, rules, notebooks, cells, findings);
    }

    private static void row(PrintWriter out, String phase, long nanos, Timing timing) {
        out.printf(Locale.ROOT, "  %-12s %8.0f ms  %6.2f ms/notebook%n", phase, nanos / 1e6, nanos / 1e6 / Math.max(1, timing.notebooks()));
    }

    private static double seconds(long nanos) {
        return Math.max(1e-9, nanos / 1e9);
    }

    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
