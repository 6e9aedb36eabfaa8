package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schedule recommended for a pipeline by its shape, following the usual decision table: a single step runs
 * from cron; a linear pipeline (every step takes results of the step just before it at most) of fewer than
 * {@value #MAKE_LIMIT} steps gets a Makefile run from cron; anything else (a DAG, or a long chain) gets Dagster.
 *
 * @param schedule what to write
 * @param reason why, in a few words (for {@code --plan} and the README)
 */
public record ScheduleChoice(Schedule schedule, String reason) {
    /** A linear pipeline of this many steps or more gets an orchestrator rather than a Makefile. */
    public static final int MAKE_LIMIT = 5;

    /** The recommendation for the steps of a plan, chained as {@link Wiring#upstream} says. */
    public static ScheduleChoice of(Wiring wiring) {
        Map<String, List<String>> upstream = new LinkedHashMap<>();
        for (StageFunction function : wiring.plan().functions()) {
            upstream.put(function.name(), wiring.upstream(function).stream().map(StageFunction::name).toList());
        }
        return recommend(upstream);
    }

    /**
     * The recommendation for steps in pipeline order, each with the earlier steps whose results it takes.
     *
     * @param upstream by step name, in pipeline order: the names of the earlier steps it reads results of
     */
    public static ScheduleChoice recommend(Map<String, List<String>> upstream) {
        List<String> steps = List.copyOf(upstream.keySet());
        if (steps.size() <= 1) {
            return new ScheduleChoice(Schedule.cron, (steps.isEmpty() ? "no step" : "a single step")
                + ": a crontab line and a wrapper script");
        }
        for (int i = 0; i < steps.size(); i++) {
            String previous = i == 0 ? null : steps.get(i - 1);
            for (String producer : upstream.get(steps.get(i))) {
                if (!producer.equals(previous)) {
                    return new ScheduleChoice(Schedule.dagster, "a DAG of " + steps.size() + " steps ("
                        + steps.get(i) + " takes results of " + producer + ", not of the step just before it): "
                        + "one Dagster asset per step");
                }
            }
        }
        if (steps.size() >= MAKE_LIMIT) {
            return new ScheduleChoice(Schedule.dagster, "a linear pipeline of " + steps.size() + " steps ("
                + MAKE_LIMIT + " or more): one Dagster asset per step");
        }
        return new ScheduleChoice(Schedule.make, "a linear pipeline of " + steps.size() + " steps (fewer than "
            + MAKE_LIMIT + "): a Makefile run from cron");
    }
}
