"""Customer churn analysis – Q2 2024: the pipeline.

Every step of the notebook in order, from the raw data to the artifacts.
"""

from __future__ import annotations

from typing import Any

from .config import config_path, output_path
from .evaluation import evaluate_model
from .ingestion import load_data, set_random_seed
from .preprocessing import clean_data
from .reporting import plot_feature_importance, report_results
from .training import train_model


def run_pipeline(config: dict[str, Any]) -> dict[str, object]:
    """Run every step in order and return the artifacts.

    Args:
        config: the configuration, as returned by config.load_config.

    Returns:
        The artifacts by name: lr, rf, rf2, acc, auc, churn_by_region.
    """
    set_random_seed(random_seed=config["random_seed"])
    df = load_data(data_path=config_path(config, "data_path"))
    df = clean_data(df=df)
    df, X, X_test, y_test, lr, rf, rf2 = train_model(
        df=df,
        min_support_calls=config["min_support_calls"],
        min_last_login_days=config["min_last_login_days"],
        min_monthly_charges=config["min_monthly_charges"],
        max_tenure_months=config["max_tenure_months"],
        test_size=config["test_size"],
        logistic_regression_c=config["logistic_regression"]["c"],
        logistic_regression_max_iter=config["logistic_regression"]["max_iter"],
        random_forest_n_estimators=config["random_forest"]["n_estimators"],
        random_forest_max_depth=config["random_forest"]["max_depth"],
        random_forest_min_samples_leaf=config["random_forest"]["min_samples_leaf"],
    )
    acc, auc = evaluate_model(rf=rf, X_test=X_test, y_test=y_test)
    plot_feature_importance(
        rf=rf,
        X=X,
        feature_importance_path=output_path(config, "feature_importance_path"),
    )
    churn_by_region = report_results(
        df=df,
        acc=acc,
        auc=auc,
        rf=rf,
        X=X,
        churn_by_region_path=output_path(config, "churn_by_region_path"),
        min_predict_proba=config["min_predict_proba"],
        data_path=config_path(config, "data_path"),
        send_to_crm=config["send_to_crm"],
        example_crm_url=config["example_crm_url"],
    )
    return {
        "lr": lr,
        "rf": rf,
        "rf2": rf2,
        "acc": acc,
        "auc": auc,
        "churn_by_region": churn_by_region,
    }
