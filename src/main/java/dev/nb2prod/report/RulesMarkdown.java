package dev.nb2prod.report;

import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.RuleInfo;
import java.util.List;

/**
 * The documentation of the rules, from their {@link RuleInfo}: docs/rules.md, {@code nb2prod rules CODE} and the
 * help of SARIF rules all come from here.
 */
public final class RulesMarkdown {
    /** How to regenerate docs/rules.md (checked by a test). */
    public static final String REGENERATE = "./mvnw test -Dtest=RulesDocTest -Dnb2prod.updateGoldens=true";

    private RulesMarkdown() {}

    /** The whole of docs/rules.md. */
    public static String document(List<RuleInfo> rules) {
        StringBuilder out = new StringBuilder();
        out.append("# nb2prod rules\n\n");
        out.append("<!-- Generated from the rule metadata (dev.nb2prod.report.RulesMarkdown); do not edit by hand.\n")
            .append("     Regenerate with: ").append(REGENERATE).append(" -->\n\n");
        out.append("Every rule of `nb2prod assess`, by family. `nb2prod rules` lists them and `nb2prod rules CODE` prints\n")
            .append("one of these sections. Select, ignore, re-grade or tune them in the configuration (docs/configuration.md);\n")
            .append("silence one occurrence with `# nb2prod: ignore[CODE]` at the end of its line.\n\n");
        out.append("| Code | Name | Severity | Summary |\n|---|---|---|---|\n");
        for (RuleInfo rule : rules) {
            out.append("| [").append(rule.code()).append("](#").append(anchor(rule)).append(") | `").append(rule.name())
                .append("` | ").append(rule.severity().label()).append(" | ").append(rule.summary().replace("|", "\\|"))
                .append(" |\n");
        }
        for (Family family : Family.values()) {
            List<RuleInfo> members = rules.stream().filter(r -> r.family() == family).toList();
            if (members.isEmpty()) {
                continue;
            }
            out.append("\n## ").append(family.prefix()).append("xx: ").append(family.title()).append('\n');
            for (RuleInfo rule : members) {
                out.append('\n').append(rule(rule, "###"));
            }
        }
        return out.toString();
    }

    /** One rule as markdown, its title at the given heading level ({@code "###"}). */
    public static String rule(RuleInfo rule, String heading) {
        String sub = heading + "#";
        StringBuilder out = new StringBuilder();
        out.append(heading).append(' ').append(rule.code()).append(' ').append(rule.name()).append("\n\n");
        out.append(rule.summary()).append("\n\n");
        out.append("Default severity: **").append(rule.severity().label()).append("**. Family: ")
            .append(rule.family().title()).append(".\n\n");
        out.append(sub).append(" Why it matters\n\n").append(rule.rationale()).append("\n\n");
        out.append(sub).append(" Example\n\n```python\n").append(rule.before()).append("\n```\n\n");
        out.append(sub).append(" Fixed\n\n```python\n").append(rule.after()).append("\n```\n\n");
        out.append(sub).append(" How to fix\n\n").append(rule.fix()).append('\n');
        return out.toString();
    }

    /** The plain-text help of a rule (SARIF {@code help.text}). */
    static String helpText(RuleInfo rule) {
        return rule.summary() + "\n\n" + rule.rationale() + "\n\nExample:\n" + rule.before() + "\n\nFixed:\n" + rule.after()
            + "\n\nHow to fix: " + rule.fix();
    }

    private static String anchor(RuleInfo rule) {
        return (rule.code() + "-" + rule.name()).toLowerCase(java.util.Locale.ROOT);
    }
}
