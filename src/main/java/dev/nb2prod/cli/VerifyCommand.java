package dev.nb2prod.cli;

import dev.nb2prod.rules.Secrets;
import dev.nb2prod.verify.ArtifactResult;
import dev.nb2prod.verify.VerificationException;
import dev.nb2prod.verify.VerificationReport;
import dev.nb2prod.verify.Verifier;
import dev.nb2prod.verify.VerifyOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb2prod verify}: proves that a generated package does what its notebook did. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Run a notebook and the package generated from it, and compare the results of the package's "
        + "nb2prod.json by name, each captured right after its cell ran: displayed values, metrics, models "
        + "(by predictions), written files, figures and saved models.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:equivalent: every result is the same, and at least one was compared by value, content or predictions",
        "1:not equivalent (a result differs, is missing or is not reproducible, the package fails), or "
            + "inconclusive (nothing to compare, or only weak comparisons)",
        "2:cannot verify: bad arguments, no interpreter, a missing Python package, a notebook that does not run, "
            + "a timeout"})
final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "The notebook (.ipynb).")
    private Path notebook;

    @Parameters(index = "1", paramLabel = "PACKAGE_DIR", description = "The package nb2prod extract generated.")
    private Path packageDir;

    @Option(names = "--python", paramLabel = "PATH", defaultValue = VerifyOptions.DEFAULT_PYTHON,
        description = "The Python interpreter with the notebook's packages (default: ${DEFAULT-VALUE} on the PATH).")
    private String python;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
        description = "The longest each run may take, in seconds (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Option(names = "--tolerance", paramLabel = "REL", defaultValue = "1e-6",
        description = "Relative tolerance for floating-point values (default: ${DEFAULT-VALUE}).")
    private double tolerance;

    @Override
    public Integer call() throws InterruptedException {
        return AnalysisThreads.call(this::run);
    }

    private Integer run() {
        PrintWriter err = spec.commandLine().getErr();
        VerifyOptions options;
        try {
            options = new VerifyOptions(python, Duration.ofSeconds(timeoutSeconds), tolerance);
        } catch (IllegalArgumentException e) {
            err.println("nb2prod: " + Secrets.redact(e.getMessage()));
            return ExitCodes.USAGE;
        }
        VerificationReport report;
        try {
            report = new Verifier(options).verify(notebook, packageDir);
        } catch (VerificationException e) {
            err.println("nb2prod: " + Secrets.redact(e.getMessage()));
            return ExitCodes.USAGE;
        }
        print(spec.commandLine().getOut(), report);
        return report.equivalent() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private void print(PrintWriter out, VerificationReport report) {
        out.println("verify " + notebook + " against " + packageDir);
        if (report.packageFailure().isPresent()) {
            for (String note : report.notes()) {
                out.println("  note: " + Secrets.redact(note));
            }
            out.println("  the package fails: " + Secrets.redact(report.packageFailure().get()));
            out.println("not equivalent: the package does not run");
            return;
        }
        int width = report.artifacts().stream().mapToInt(a -> a.name().length()).max().orElse(0);
        for (ArtifactResult artifact : report.artifacts()) {
            String detail = artifact.detail().isEmpty() ? ""
                : artifact.status() == ArtifactResult.Status.SAME ? " (" + artifact.detail() + ")"
                : ": " + artifact.detail();
            out.println("  " + pad(Secrets.redact(artifact.name()), width) + "  " + artifact.status().label()
                + Secrets.redact(detail));
        }
        for (String note : report.notes()) {
            out.println("  note: " + Secrets.redact(note));
        }
        out.println("  " + report.summary().line());
        long unreproducible = report.count(ArtifactResult.Status.NOT_REPRODUCIBLE);
        switch (report.verdict()) {
            case EQUIVALENT -> out.println("equivalent");
            case INCONCLUSIVE -> out.println(report.nothingToCompare()
                ? "inconclusive: nothing to compare (no result the package returns is a value, a model or a file, "
                    + "no figure could be compared by what it draws, and the notebook writes no file); verify proves "
                    + "nothing for it"
                : "inconclusive: every comparison is weak (by type, parameters or existence only); verify proves "
                    + "little for it");
            case NOT_EQUIVALENT -> {
                if (unreproducible > 0) {
                    out.println("  hint: two runs of the notebook itself give different values; seed its randomness "
                        + "(see NB604: nb2prod rules NB604), extract again and verify again");
                }
                out.println("not equivalent (" + report.count(ArtifactResult.Status.DIFFERENT) + " different, "
                    + report.count(ArtifactResult.Status.MISSING) + " missing, "
                    + (unreproducible > 0 ? unreproducible + " not reproducible by the notebook itself, " : "")
                    + "of " + report.artifacts().size() + ")");
            }
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
