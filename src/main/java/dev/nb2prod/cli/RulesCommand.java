package dev.nb2prod.cli;

import dev.nb2prod.report.RulesMarkdown;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Rules;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nb2prod rules [CODE]}: the list of rules, or the documentation of one. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "List every rule (code, name, default severity, summary), or document one rule.")
final class RulesCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CODE", description = "A rule code (e.g. NB001) or name (syntax-error).")
    private String code;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<RuleInfo> rules = Rules.all().stream().map(Rule::info).toList();
        if (code == null) {
            out.print(table(rules));
            out.flush();
            return ExitCodes.OK;
        }
        String wanted = code.strip();
        Optional<RuleInfo> rule = rules.stream()
            .filter(r -> r.code().equals(wanted.toUpperCase(Locale.ROOT)) || r.name().equals(wanted.toLowerCase(Locale.ROOT)))
            .findFirst();
        if (rule.isEmpty()) {
            spec.commandLine().getErr().println("nb2prod: unknown rule '" + wanted + "'; run 'nb2prod rules' for the list");
            return ExitCodes.USAGE;
        }
        out.print(RulesMarkdown.rule(rule.get(), "#"));
        out.flush();
        return ExitCodes.OK;
    }

    static String table(List<RuleInfo> rules) {
        int name = rules.stream().mapToInt(r -> r.name().length()).max().orElse(4);
        StringBuilder out = new StringBuilder();
        String format = "%-6s %-" + name + "s %-8s %s\n";
        out.append(String.format(Locale.ROOT, format, "CODE", "NAME", "SEVERITY", "SUMMARY"));
        for (RuleInfo rule : rules) {
            out.append(String.format(Locale.ROOT, format, rule.code(), rule.name(), rule.severity().label(), rule.summary()));
        }
        return out.toString();
    }
}
