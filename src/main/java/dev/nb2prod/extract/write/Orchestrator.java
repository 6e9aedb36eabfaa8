package dev.nb2prod.extract.write;

/** The scheduler a generated {@code pipelines/<name>.py} targets, if any. */
public enum Orchestrator {
    none, dagster, airflow, prefect
}
