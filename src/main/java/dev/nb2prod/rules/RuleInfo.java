package dev.nb2prod.rules;

import java.util.Objects;

/**
 * A rule's metadata and documentation; the single source for {@code nb2prod rules}, docs/rules.md and SARIF.
 *
 * @param code stable code, e.g. {@code NB201}
 * @param name kebab-case name, e.g. {@code magic-number}
 * @param family the family the code belongs to
 * @param severity default severity
 * @param summary one sentence: what the rule detects
 * @param rationale why it hurts in production (markdown)
 * @param before an example that triggers the rule (Python)
 * @param after the same example, fixed (Python)
 * @param fix how {@code nb2prod extract} fixes it (markdown)
 */
public record RuleInfo(
    String code, String name, Family family, Severity severity, String summary, String rationale,
    String before, String after, String fix) {
    public RuleInfo {
        Objects.requireNonNull(code);
        if (!code.matches("NB[0-9]{3}") || !code.startsWith(family.prefix())) {
            throw new IllegalArgumentException("bad rule code " + code + " for family " + family);
        }
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("rule names are kebab-case: " + name);
        }
        before = before.strip();
        after = after.strip();
        rationale = rationale.strip();
        fix = fix.strip();
        summary = summary.strip();
    }
}
