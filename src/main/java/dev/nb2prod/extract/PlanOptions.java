package dev.nb2prod.extract;

/**
 * What the user asked of the planner.
 *
 * @param packageName the import package name to use instead of one derived from the notebook, or null
 * @param keepExploratory true to keep the cells no result depends on
 * @param dropUnparsed true to go on without the cells that ran but do not parse (said in the plan and the README)
 * @param figures true to keep the notebook's figures (drawn by the reporting stage and saved under
 *     {@code output_root/figures/}), false to drop the drawing code
 */
public record PlanOptions(String packageName, boolean keepExploratory, boolean dropUnparsed, boolean figures) {
    public static final PlanOptions DEFAULTS = new PlanOptions(null, false, false, true);

    public PlanOptions withKeepExploratory(boolean value) {
        return new PlanOptions(packageName, value, dropUnparsed, figures);
    }

    public PlanOptions withDropUnparsed(boolean value) {
        return new PlanOptions(packageName, keepExploratory, value, figures);
    }

    public PlanOptions withFigures(boolean value) {
        return new PlanOptions(packageName, keepExploratory, dropUnparsed, value);
    }

    public PlanOptions withPackageName(String value) {
        return new PlanOptions(value, keepExploratory, dropUnparsed, figures);
    }
}
