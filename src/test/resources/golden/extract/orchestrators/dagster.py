"""Dagster assets for churn-analysis: one asset per pipeline step.

Each asset calls the same function as pipeline.py and returns its results by
name. Load with ``dagster dev -f pipelines/churn_analysis.py`` from the project
folder (the package must be installed: ``pip install -e .``).
"""

from __future__ import annotations

from typing import Any

from dagster import Definitions, asset

from churn_analysis.config import config_path, load_config, output_path
from churn_analysis.evaluation import evaluate
from churn_analysis.features import build_features
from churn_analysis.ingestion import load_data
from churn_analysis.preprocessing import clean_data
from churn_analysis.reporting import write_reports
from churn_analysis.training import train_models

CONFIG_FILE = "config.yaml"


@asset
def config() -> dict[str, Any]:
    """The configuration (config.yaml and CHURN_ANALYSIS_* variables)."""
    return load_config(CONFIG_FILE)


@asset
def load_data_result(config: dict[str, Any]) -> dict[str, Any]:
    """The results of load_data."""
    df = load_data(customers_file=config_path(config, "customers_file"))
    return {"df": df}


@asset
def clean_data_result(load_data_result: dict[str, Any]) -> dict[str, Any]:
    """The results of clean_data."""
    df = clean_data(df=load_data_result["df"])
    return {"df": df}


@asset
def build_features_result(
    config: dict[str, Any],
    clean_data_result: dict[str, Any],
) -> dict[str, Any]:
    """The results of build_features."""
    df, X, X_train, X_test, y_train, y_test = build_features(
        df=clean_data_result["df"],
        min_monthly_charges=config["min_monthly_charges"],
        test_size=config["test_size"],
        random_seed=config["random_seed"],
    )
    return {
        "df": df,
        "X": X,
        "X_train": X_train,
        "X_test": X_test,
        "y_train": y_train,
        "y_test": y_test,
    }


@asset
def train_models_result(
    config: dict[str, Any],
    build_features_result: dict[str, Any],
) -> dict[str, Any]:
    """The results of train_models."""
    model = train_models(
        X_train=build_features_result["X_train"],
        y_train=build_features_result["y_train"],
        n_estimators=config["model"]["n_estimators"],
        max_depth=config["model"]["max_depth"],
        random_seed=config["random_seed"],
    )
    return {"model": model}


@asset
def evaluate_result(
    train_models_result: dict[str, Any],
    build_features_result: dict[str, Any],
) -> dict[str, Any]:
    """The results of evaluate."""
    accuracy, roc_auc = evaluate(
        model=train_models_result["model"],
        X_test=build_features_result["X_test"],
        y_test=build_features_result["y_test"],
    )
    return {"accuracy": accuracy, "roc_auc": roc_auc}


@asset
def write_reports_result(
    config: dict[str, Any],
    build_features_result: dict[str, Any],
    train_models_result: dict[str, Any],
    evaluate_result: dict[str, Any],
) -> dict[str, Any]:
    """The results of write_reports."""
    importance_plot, region_report = write_reports(
        df=build_features_result["df"],
        X=build_features_result["X"],
        model=train_models_result["model"],
        accuracy=evaluate_result["accuracy"],
        roc_auc=evaluate_result["roc_auc"],
        reports_dir=output_path(config, "reports_dir"),
        send_to_crm=config["send_to_crm"],
        crm_url=config["crm_url"],
    )
    return {"importance_plot": importance_plot, "region_report": region_report}


defs = Definitions(assets=[config, load_data_result, clean_data_result, build_features_result, train_models_result, evaluate_result, write_reports_result])
