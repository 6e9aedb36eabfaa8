package dev.nb2prod.cli;

import dev.nb2prod.rules.Secrets;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the nb2prod command line. */
@Command(
        name = "nb2prod",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Turns Jupyter notebooks into production Python: assess, graph, extract, verify.",
        subcommands = {AssessCommand.class, GraphCommand.class, ExtractCommand.class, VerifyCommand.class,
                RulesCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success (no findings at or above --fail-on)",
                "1:findings at or above --fail-on",
                "2:usage error or input that cannot be read",
                "3:internal error (a bug in nb2prod: please report it)"})
public final class Main implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // UTF-8 whatever the platform's encoding: JSON and SARIF must be, and the same input gives the same bytes
        System.exit(run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
            new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /** Runs the command line with the given streams and returns the exit code (used by tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("nb2prod: " + Secrets.redact(e.getMessage()));
            cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            cmd.getErr().flush();
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("nb2prod: internal error: " + Secrets.redact(String.valueOf(e)) + " (please report it)");
            cmd.getErr().flush();
            return ExitCodes.INTERNAL;
        });
        int code;
        try {
            code = commandLine.execute(args);
        } catch (StackOverflowError e) {
            err.println("nb2prod: internal error: the stack overflowed (please report it with the notebook)");
            code = ExitCodes.INTERNAL;
        } catch (OutOfMemoryError e) {
            err.println("nb2prod: out of memory: give Java a larger heap (-Xmx) or assess fewer notebooks at once"
                + " (--jobs 1)");
            code = ExitCodes.INTERNAL;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Without a command: the usage, on stderr, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
