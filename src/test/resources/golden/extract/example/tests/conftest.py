"""Shared fixtures: the configuration pointed at the data in tests/fixtures/.

Each step of the pipeline runs once per test session on that data; the
tests of each stage check what its functions return.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from churn_analysis.config import config_path, load_config, output_path
from churn_analysis.evaluation import evaluate_model
from churn_analysis.ingestion import load_data, set_random_seed
from churn_analysis.preprocessing import clean_data
from churn_analysis.reporting import plot_feature_importance, report_results
from churn_analysis.training import train_model

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Configuration keys of the input files, and their copies in tests/fixtures/.
INPUT_FILES: dict[str, str] = {
    "data_path": "customers.csv",
}


@pytest.fixture(scope="session")
def config(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """config.yaml, reading the fixtures and writing into a temporary folder."""
    outputs = tmp_path_factory.mktemp("outputs")
    overrides = [f"output_root={outputs}"]
    for key, name in INPUT_FILES.items():
        fixture = FIXTURES / name
        if not fixture.exists():
            pytest.skip(f"tests/fixtures/{name} is missing: put a small sample there")
        overrides.append(f"{key}={fixture}")
    return load_config(ROOT / "config.yaml", overrides)


@pytest.fixture(scope="session")
def set_random_seed_result(config: dict[str, Any]) -> dict[str, Any]:
    """What set_random_seed returns on the fixture data."""
    set_random_seed(random_seed=config["random_seed"])
    return {}


@pytest.fixture(scope="session")
def load_data_result(config: dict[str, Any]) -> dict[str, Any]:
    """What load_data returns on the fixture data."""
    df = load_data(data_path=config_path(config, "data_path"))
    return {"df": df}


@pytest.fixture(scope="session")
def clean_data_result(load_data_result: dict[str, Any]) -> dict[str, Any]:
    """What clean_data returns on the fixture data."""
    df = clean_data(df=load_data_result["df"])
    return {"df": df}


@pytest.fixture(scope="session")
def train_model_result(
    config: dict[str, Any],
    clean_data_result: dict[str, Any],
) -> dict[str, Any]:
    """What train_model returns on the fixture data."""
    df, X, X_test, y_test, lr, rf, rf2 = train_model(
        df=clean_data_result["df"],
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
    return {
        "df": df,
        "X": X,
        "X_test": X_test,
        "y_test": y_test,
        "lr": lr,
        "rf": rf,
        "rf2": rf2,
    }


@pytest.fixture(scope="session")
def evaluate_model_result(
    train_model_result: dict[str, Any],
) -> dict[str, Any]:
    """What evaluate_model returns on the fixture data."""
    acc, auc = evaluate_model(
        rf=train_model_result["rf"],
        X_test=train_model_result["X_test"],
        y_test=train_model_result["y_test"],
    )
    return {"acc": acc, "auc": auc}


@pytest.fixture(scope="session")
def plot_feature_importance_result(
    config: dict[str, Any],
    train_model_result: dict[str, Any],
) -> dict[str, Any]:
    """What plot_feature_importance returns on the fixture data."""
    plot_feature_importance(
        rf=train_model_result["rf"],
        X=train_model_result["X"],
        feature_importance_path=output_path(config, "feature_importance_path"),
    )
    return {}


@pytest.fixture(scope="session")
def report_results_result(
    config: dict[str, Any],
    train_model_result: dict[str, Any],
    evaluate_model_result: dict[str, Any],
) -> dict[str, Any]:
    """What report_results returns on the fixture data."""
    churn_by_region = report_results(
        df=train_model_result["df"],
        acc=evaluate_model_result["acc"],
        auc=evaluate_model_result["auc"],
        rf=train_model_result["rf"],
        X=train_model_result["X"],
        churn_by_region_path=output_path(config, "churn_by_region_path"),
        min_predict_proba=config["min_predict_proba"],
        data_path=config_path(config, "data_path"),
        send_to_crm=config["send_to_crm"],
        example_crm_url=config["example_crm_url"],
    )
    return {"churn_by_region": churn_by_region}
