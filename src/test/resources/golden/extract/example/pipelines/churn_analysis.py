"""Dagster assets for churn-analysis: one asset per pipeline step.

Each asset calls the same function as pipeline.py and returns its results by
name. Load with ``dagster dev -f pipelines/churn_analysis.py`` from the project
folder (the package must be installed: ``pip install -e .``).
"""

from __future__ import annotations

from typing import Any

from dagster import Definitions, asset

from churn_analysis.config import (
    FeaturesParams,
    IngestionParams,
    ReportingParams,
    TrainingParams,
    load_config,
)
from churn_analysis.evaluation import evaluate_model
from churn_analysis.features import (
    compute_segment_churn_plan,
    engineer_features,
)
from churn_analysis.ingestion import load_customers, set_random_seed
from churn_analysis.preprocessing import clean_data
from churn_analysis.reporting import (
    plot_churn_rate_by_region,
    plot_random_forest_top_10_features,
    write_churn_by_region,
)
from churn_analysis.training import (
    train_logistic_regression,
    train_rf,
    train_rf2,
)

CONFIG_FILE = "config.yaml"


@asset
def config() -> dict[str, Any]:
    """The configuration (config.yaml and CHURN_ANALYSIS_* variables)."""
    return load_config(CONFIG_FILE)


@asset
def set_random_seed_result(config: dict[str, Any]) -> dict[str, Any]:
    """The results of set_random_seed."""
    set_random_seed(params=IngestionParams.from_config(config))
    return {}


@asset
def load_customers_result(config: dict[str, Any]) -> dict[str, Any]:
    """The results of load_customers."""
    df = load_customers(params=IngestionParams.from_config(config))
    return {"df": df}


@asset
def clean_data_result(load_customers_result: dict[str, Any]) -> dict[str, Any]:
    """The results of clean_data."""
    df = clean_data(df=load_customers_result["df"])
    return {"df": df}


@asset
def plot_churn_rate_by_region_result(
    config: dict[str, Any],
    clean_data_result: dict[str, Any],
) -> dict[str, Any]:
    """The results of plot_churn_rate_by_region."""
    churn_rate_by_region_figure = plot_churn_rate_by_region(
        df=clean_data_result["df"],
        params=ReportingParams.from_config(config),
    )
    return {"churn_rate_by_region_figure": churn_rate_by_region_figure}


@asset
def compute_segment_churn_plan_result(
    clean_data_result: dict[str, Any],
) -> dict[str, Any]:
    """The results of compute_segment_churn_plan."""
    segment_churn_plan = compute_segment_churn_plan(df=clean_data_result["df"])
    return {"segment_churn_plan": segment_churn_plan}


@asset
def engineer_features_result(
    config: dict[str, Any],
    clean_data_result: dict[str, Any],
) -> dict[str, Any]:
    """The results of engineer_features."""
    result = engineer_features(
        df=clean_data_result["df"],
        params=FeaturesParams.from_config(config),
    )
    return result._asdict()


@asset
def train_logistic_regression_result(
    config: dict[str, Any],
    engineer_features_result: dict[str, Any],
) -> dict[str, Any]:
    """The results of train_logistic_regression."""
    X_test_s, lr = train_logistic_regression(
        X_train=engineer_features_result["X_train"],
        X_test=engineer_features_result["X_test"],
        y_train=engineer_features_result["y_train"],
        y_test=engineer_features_result["y_test"],
        params=TrainingParams.from_config(config),
    )
    return {"X_test_s": X_test_s, "lr": lr}


@asset
def train_rf_result(
    config: dict[str, Any],
    engineer_features_result: dict[str, Any],
) -> dict[str, Any]:
    """The results of train_rf."""
    rf = train_rf(
        X_train=engineer_features_result["X_train"],
        y_train=engineer_features_result["y_train"],
        X_test=engineer_features_result["X_test"],
        y_test=engineer_features_result["y_test"],
        params=TrainingParams.from_config(config),
    )
    return {"rf": rf}


@asset
def train_rf2_result(
    config: dict[str, Any],
    engineer_features_result: dict[str, Any],
) -> dict[str, Any]:
    """The results of train_rf2."""
    df, rf2 = train_rf2(
        df=engineer_features_result["df"],
        X_train=engineer_features_result["X_train"],
        y_train=engineer_features_result["y_train"],
        params=TrainingParams.from_config(config),
    )
    return {"df": df, "rf2": rf2}


@asset
def evaluate_model_result(
    train_rf_result: dict[str, Any],
    engineer_features_result: dict[str, Any],
    train_logistic_regression_result: dict[str, Any],
) -> dict[str, Any]:
    """The results of evaluate_model."""
    acc, auc, lr_auc = evaluate_model(
        rf=train_rf_result["rf"],
        X_test=engineer_features_result["X_test"],
        y_test=engineer_features_result["y_test"],
        lr=train_logistic_regression_result["lr"],
        X_test_s=train_logistic_regression_result["X_test_s"],
    )
    return {"acc": acc, "auc": auc, "lr_auc": lr_auc}


@asset
def plot_random_forest_top_10_features_result(
    config: dict[str, Any],
    train_rf_result: dict[str, Any],
    engineer_features_result: dict[str, Any],
) -> dict[str, Any]:
    """The results of plot_random_forest_top_10_features."""
    random_forest_top_10_features_figure = plot_random_forest_top_10_features(
        rf=train_rf_result["rf"],
        X=engineer_features_result["X"],
        params=ReportingParams.from_config(config),
    )
    return {
        "random_forest_top_10_features_figure": random_forest_top_10_features_figure,
    }


@asset
def write_churn_by_region_result(
    config: dict[str, Any],
    train_rf2_result: dict[str, Any],
    evaluate_model_result: dict[str, Any],
    train_rf_result: dict[str, Any],
    engineer_features_result: dict[str, Any],
) -> dict[str, Any]:
    """The results of write_churn_by_region."""
    churn_by_region = write_churn_by_region(
        df=train_rf2_result["df"],
        acc=evaluate_model_result["acc"],
        auc=evaluate_model_result["auc"],
        rf=train_rf_result["rf"],
        X=engineer_features_result["X"],
        params=ReportingParams.from_config(config),
    )
    return {"churn_by_region": churn_by_region}


defs = Definitions(assets=[config, set_random_seed_result, load_customers_result, clean_data_result, plot_churn_rate_by_region_result, compute_segment_churn_plan_result, engineer_features_result, train_logistic_regression_result, train_rf_result, train_rf2_result, evaluate_model_result, plot_random_forest_top_10_features_result, write_churn_by_region_result])
