package dev.nb2prod.rules;

/**
 * One notebook anti-pattern check. Implementations are stateless: one instance checks any number of
 * notebooks, possibly in parallel. Each declares its metadata in {@link #info()}.
 */
public interface Rule {
    RuleInfo info();

    /** Reports every occurrence of the anti-pattern in the notebook of {@code context}. */
    void check(RuleContext context);
}
