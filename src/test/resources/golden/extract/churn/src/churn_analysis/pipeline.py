"""Customer churn analysis – Q2 2024: the pipeline.

Every step of the notebook in order, from the raw data to the artifacts.
"""

from __future__ import annotations

from typing import Any

from .config import config_path, output_path
from .evaluation import evaluate
from .features import build_features
from .ingestion import load_data
from .preprocessing import clean_data
from .reporting import write_reports
from .training import train_models


def run_pipeline(config: dict[str, Any]) -> dict[str, object]:
    """Run every step in order and return the artifacts.

    Args:
        config: the configuration, as returned by config.load_config.

    Returns:
        The artifacts by name: model, accuracy, roc_auc, importance_plot, region_report.
    """
    df = load_data(customers_file=config_path(config, "customers_file"))
    df = clean_data(df=df)
    df, X, X_train, X_test, y_train, y_test = build_features(
        df=df,
        min_monthly_charges=config["min_monthly_charges"],
        test_size=config["test_size"],
        random_seed=config["random_seed"],
    )
    model = train_models(
        X_train=X_train,
        y_train=y_train,
        n_estimators=config["model"]["n_estimators"],
        max_depth=config["model"]["max_depth"],
        random_seed=config["random_seed"],
    )
    accuracy, roc_auc = evaluate(model=model, X_test=X_test, y_test=y_test)
    importance_plot, region_report = write_reports(
        df=df,
        X=X,
        model=model,
        accuracy=accuracy,
        roc_auc=roc_auc,
        reports_dir=output_path(config, "reports_dir"),
        send_to_crm=config["send_to_crm"],
        crm_url=config["crm_url"],
    )
    return {
        "model": model,
        "accuracy": accuracy,
        "roc_auc": roc_auc,
        "importance_plot": importance_plot,
        "region_report": region_report,
    }
