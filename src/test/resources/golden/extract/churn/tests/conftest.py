"""Shared fixtures: the configuration pointed at the data in tests/fixtures/.

Each step of the pipeline runs once per test session on that data; the
tests of each stage check what its functions return.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from churn_analysis.config import config_path, load_config, output_path
from churn_analysis.evaluation import evaluate
from churn_analysis.features import build_features
from churn_analysis.ingestion import load_data
from churn_analysis.preprocessing import clean_data
from churn_analysis.reporting import write_reports
from churn_analysis.training import train_models

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Configuration keys of the input files, and their copies in tests/fixtures/.
INPUT_FILES: dict[str, str] = {
    "customers_file": "customers.csv",
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
def load_data_result(config: dict[str, Any]) -> dict[str, Any]:
    """What load_data returns on the fixture data."""
    df = load_data(customers_file=config_path(config, "customers_file"))
    return {"df": df}


@pytest.fixture(scope="session")
def clean_data_result(load_data_result: dict[str, Any]) -> dict[str, Any]:
    """What clean_data returns on the fixture data."""
    df = clean_data(df=load_data_result["df"])
    return {"df": df}


@pytest.fixture(scope="session")
def build_features_result(
    config: dict[str, Any],
    clean_data_result: dict[str, Any],
) -> dict[str, Any]:
    """What build_features returns on the fixture data."""
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


@pytest.fixture(scope="session")
def train_models_result(
    config: dict[str, Any],
    build_features_result: dict[str, Any],
) -> dict[str, Any]:
    """What train_models returns on the fixture data."""
    model = train_models(
        X_train=build_features_result["X_train"],
        y_train=build_features_result["y_train"],
        n_estimators=config["model"]["n_estimators"],
        max_depth=config["model"]["max_depth"],
        random_seed=config["random_seed"],
    )
    return {"model": model}


@pytest.fixture(scope="session")
def evaluate_result(
    train_models_result: dict[str, Any],
    build_features_result: dict[str, Any],
) -> dict[str, Any]:
    """What evaluate returns on the fixture data."""
    accuracy, roc_auc = evaluate(
        model=train_models_result["model"],
        X_test=build_features_result["X_test"],
        y_test=build_features_result["y_test"],
    )
    return {"accuracy": accuracy, "roc_auc": roc_auc}


@pytest.fixture(scope="session")
def write_reports_result(
    config: dict[str, Any],
    build_features_result: dict[str, Any],
    train_models_result: dict[str, Any],
    evaluate_result: dict[str, Any],
) -> dict[str, Any]:
    """What write_reports returns on the fixture data."""
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
