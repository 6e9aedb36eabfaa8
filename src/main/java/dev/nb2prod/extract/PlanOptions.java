package dev.nb2prod.extract;

/**
 * What the user asked of the planner.
 *
 * @param packageName the import package name to use instead of one derived from the notebook, or null
 * @param keepExploratory true to keep the cells nothing essential depends on
 */
public record PlanOptions(String packageName, boolean keepExploratory) {
    public static final PlanOptions DEFAULTS = new PlanOptions(null, false);
}
