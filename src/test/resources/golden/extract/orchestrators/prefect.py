"""Prefect flow for churn-analysis: one task per pipeline step.

Each task calls the same function as pipeline.py. Run with
``python pipelines/churn_analysis.py`` from the project folder (the package must be
installed: ``pip install -e .``).
"""

from __future__ import annotations

from typing import Any

from prefect import flow, task

from churn_analysis.config import (
    FeaturesParams,
    IngestionParams,
    ReportingParams,
    TrainingParams,
    load_config,
)
from churn_analysis.evaluation import evaluate_models
from churn_analysis.features import (
    compute_segment_churn_plan,
    engineer_features,
)
from churn_analysis.ingestion import load_customers
from churn_analysis.preprocessing import clean_data
from churn_analysis.reporting import (
    plot_churn_rate_by_region,
    plot_feature_importance,
    send_results,
    write_churn_by_region,
)
from churn_analysis.training import (
    train_logistic_regression,
    train_random_forest,
)



@task
def load_customers_task(config: dict[str, Any]) -> dict[str, Any]:
    """Run load_customers."""
    df = load_customers(params=IngestionParams.from_config(config))
    return {"df": df}


@task
def clean_data_task(load_customers_result: dict[str, Any]) -> dict[str, Any]:
    """Run clean_data."""
    df = clean_data(df=load_customers_result["df"])
    return {"df": df}


@task
def plot_churn_rate_by_region_task(
    config: dict[str, Any],
    clean_data_result: dict[str, Any],
) -> dict[str, Any]:
    """Run plot_churn_rate_by_region."""
    churn_rate_by_region_figure = plot_churn_rate_by_region(
        df=clean_data_result["df"],
        params=ReportingParams.from_config(config),
    )
    return {"churn_rate_by_region_figure": churn_rate_by_region_figure}


@task
def compute_segment_churn_plan_task(
    clean_data_result: dict[str, Any],
) -> dict[str, Any]:
    """Run compute_segment_churn_plan."""
    segment_churn_plan = compute_segment_churn_plan(df=clean_data_result["df"])
    return {"segment_churn_plan": segment_churn_plan}


@task
def engineer_features_task(
    config: dict[str, Any],
    clean_data_result: dict[str, Any],
) -> dict[str, Any]:
    """Run engineer_features."""
    result = engineer_features(
        df=clean_data_result["df"],
        params=FeaturesParams.from_config(config),
    )
    return result._asdict()


@task
def train_logistic_regression_task(
    config: dict[str, Any],
    engineer_features_result: dict[str, Any],
) -> dict[str, Any]:
    """Run train_logistic_regression."""
    X_test_s, lr = train_logistic_regression(
        X_train=engineer_features_result["X_train"],
        X_test=engineer_features_result["X_test"],
        y_train=engineer_features_result["y_train"],
        params=TrainingParams.from_config(config),
    )
    return {"X_test_s": X_test_s, "lr": lr}


@task
def train_random_forest_task(
    config: dict[str, Any],
    engineer_features_result: dict[str, Any],
) -> dict[str, Any]:
    """Run train_random_forest."""
    rf = train_random_forest(
        X_train=engineer_features_result["X_train"],
        y_train=engineer_features_result["y_train"],
        params=TrainingParams.from_config(config),
    )
    return {"rf": rf}


@task
def evaluate_models_task(
    train_random_forest_result: dict[str, Any],
    train_logistic_regression_result: dict[str, Any],
    engineer_features_result: dict[str, Any],
) -> dict[str, Any]:
    """Run evaluate_models."""
    acc, auc, lr_auc = evaluate_models(
        rf=train_random_forest_result["rf"],
        lr=train_logistic_regression_result["lr"],
        X_test=engineer_features_result["X_test"],
        X_test_s=train_logistic_regression_result["X_test_s"],
        y_test=engineer_features_result["y_test"],
    )
    return {"acc": acc, "auc": auc, "lr_auc": lr_auc}


@task
def plot_feature_importance_task(
    config: dict[str, Any],
    train_random_forest_result: dict[str, Any],
    engineer_features_result: dict[str, Any],
) -> dict[str, Any]:
    """Run plot_feature_importance."""
    feature_importance_figure = plot_feature_importance(
        rf=train_random_forest_result["rf"],
        X=engineer_features_result["X"],
        params=ReportingParams.from_config(config),
    )
    return {"feature_importance_figure": feature_importance_figure}


@task
def write_churn_by_region_task(
    config: dict[str, Any],
    engineer_features_result: dict[str, Any],
) -> dict[str, Any]:
    """Run write_churn_by_region."""
    churn_by_region = write_churn_by_region(
        df=engineer_features_result["df"],
        params=ReportingParams.from_config(config),
    )
    return {"churn_by_region": churn_by_region}


@task
def send_results_task(
    config: dict[str, Any],
    evaluate_models_result: dict[str, Any],
    train_random_forest_result: dict[str, Any],
    engineer_features_result: dict[str, Any],
) -> dict[str, Any]:
    """Run send_results."""
    send_results(
        acc=evaluate_models_result["acc"],
        auc=evaluate_models_result["auc"],
        rf=train_random_forest_result["rf"],
        X=engineer_features_result["X"],
        params=ReportingParams.from_config(config),
    )
    return {}


@flow(name="churn-analysis")
def churn_analysis_flow(config_file: str = "config.yaml") -> dict[str, object]:
    """Run every step in order and return the artifacts."""
    config = load_config(config_file)
    load_customers_result = load_customers_task(config)
    clean_data_result = clean_data_task(load_customers_result)
    plot_churn_rate_by_region_result = plot_churn_rate_by_region_task(
        config,
        clean_data_result,
    )
    compute_segment_churn_plan_result = compute_segment_churn_plan_task(
        clean_data_result,
    )
    engineer_features_result = engineer_features_task(
        config,
        clean_data_result,
    )
    train_logistic_regression_result = train_logistic_regression_task(
        config,
        engineer_features_result,
    )
    train_random_forest_result = train_random_forest_task(
        config,
        engineer_features_result,
    )
    evaluate_models_result = evaluate_models_task(
        train_random_forest_result,
        train_logistic_regression_result,
        engineer_features_result,
    )
    plot_feature_importance_result = plot_feature_importance_task(
        config,
        train_random_forest_result,
        engineer_features_result,
    )
    write_churn_by_region_result = write_churn_by_region_task(
        config,
        engineer_features_result,
    )
    send_results_task(
        config,
        evaluate_models_result,
        train_random_forest_result,
        engineer_features_result,
    )
    return {
        "churn_rate_by_region_figure": plot_churn_rate_by_region_result["churn_rate_by_region_figure"],
        "segment_churn_plan": compute_segment_churn_plan_result["segment_churn_plan"],
        "lr": train_logistic_regression_result["lr"],
        "rf": train_random_forest_result["rf"],
        "acc": evaluate_models_result["acc"],
        "auc": evaluate_models_result["auc"],
        "lr_auc": evaluate_models_result["lr_auc"],
        "feature_importance_figure": plot_feature_importance_result["feature_importance_figure"],
        "churn_by_region": write_churn_by_region_result["churn_by_region"],
    }


if __name__ == "__main__":
    churn_analysis_flow()
