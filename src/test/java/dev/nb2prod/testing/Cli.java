package dev.nb2prod.testing;

import dev.nb2prod.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the nb2prod command line in-process and captures its exit code and streams. */
public record Cli(int exitCode, String out, String err) {
    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Cli(code, out.toString(), err.toString());
    }
}
