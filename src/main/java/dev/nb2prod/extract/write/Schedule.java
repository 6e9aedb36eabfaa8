package dev.nb2prod.extract.write;

/**
 * How a generated package is run on a schedule: a crontab line and its wrapper script ({@code cron}), a Makefile
 * called by that wrapper ({@code make}), a GitHub Actions workflow ({@code github}), the
 * {@code pipelines/<name>.py} of an orchestrator ({@code dagster}, {@code airflow}, {@code prefect}), or nothing.
 */
public enum Schedule {
    cron, make, github, dagster, airflow, prefect, none;

    /** True for the orchestrators, which get one asset or task per step in {@code pipelines/<name>.py}. */
    public boolean orchestrator() {
        return this == dagster || this == airflow || this == prefect;
    }
}
