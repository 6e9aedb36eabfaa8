"""Shared fixtures: the configuration pointed at the data in tests/fixtures/.

Each step of the pipeline runs once per test session on that data; the
tests of each stage check what its functions return, and compare it with
the snapshots in tests/golden/ (see snapshots.py).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import pytest

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
from snapshots import Snapshot

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"

# Configuration keys of the input files, and their copies in tests/fixtures/.
INPUT_FILES: dict[str, str] = {
    "ingestion.customers_path": "customers.csv",
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
def snapshot(config: dict[str, Any]) -> Snapshot:
    """The golden files of tests/golden/, with the temporary paths replaced."""
    roots = {str(config["output_root"]): "<output_root>", str(FIXTURES): "<fixtures>"}
    return Snapshot(GOLDEN, roots)


def reset_random_state() -> None:
    """Seed the global random generators, so each step's results do not depend on test order."""
    random.seed(0)
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed(0)


@pytest.fixture(scope="session")
def load_customers_result(config: dict[str, Any]) -> dict[str, Any]:
    """What load_customers returns on the fixture data."""
    reset_random_state()
    df = load_customers(params=IngestionParams.from_config(config))
    return {"df": df}


@pytest.fixture(scope="session")
def clean_data_result(load_customers_result: dict[str, Any]) -> dict[str, Any]:
    """What clean_data returns on the fixture data."""
    reset_random_state()
    df = clean_data(df=load_customers_result["df"])
    return {"df": df}


@pytest.fixture(scope="session")
def plot_churn_rate_by_region_result(
    config: dict[str, Any],
    clean_data_result: dict[str, Any],
) -> dict[str, Any]:
    """What plot_churn_rate_by_region returns on the fixture data."""
    reset_random_state()
    churn_rate_by_region_figure = plot_churn_rate_by_region(
        df=clean_data_result["df"],
        params=ReportingParams.from_config(config),
    )
    return {"churn_rate_by_region_figure": churn_rate_by_region_figure}


@pytest.fixture(scope="session")
def compute_segment_churn_plan_result(
    clean_data_result: dict[str, Any],
    plot_churn_rate_by_region_result: dict[str, Any],
) -> dict[str, Any]:
    """What compute_segment_churn_plan returns on the fixture data, after plot_churn_rate_by_region ran."""
    reset_random_state()
    segment_churn_plan = compute_segment_churn_plan(df=clean_data_result["df"])
    return {"segment_churn_plan": segment_churn_plan}


@pytest.fixture(scope="session")
def engineer_features_result(
    config: dict[str, Any],
    clean_data_result: dict[str, Any],
    compute_segment_churn_plan_result: dict[str, Any],
) -> dict[str, Any]:
    """What engineer_features returns on the fixture data, after compute_segment_churn_plan ran."""
    reset_random_state()
    result = engineer_features(
        df=clean_data_result["df"],
        params=FeaturesParams.from_config(config),
    )
    return result._asdict()


@pytest.fixture(scope="session")
def train_logistic_regression_result(
    config: dict[str, Any],
    engineer_features_result: dict[str, Any],
) -> dict[str, Any]:
    """What train_logistic_regression returns on the fixture data."""
    reset_random_state()
    X_test_s, lr = train_logistic_regression(
        X_train=engineer_features_result["X_train"],
        X_test=engineer_features_result["X_test"],
        y_train=engineer_features_result["y_train"],
        params=TrainingParams.from_config(config),
    )
    return {"X_test_s": X_test_s, "lr": lr}


@pytest.fixture(scope="session")
def train_random_forest_result(
    config: dict[str, Any],
    engineer_features_result: dict[str, Any],
    train_logistic_regression_result: dict[str, Any],
) -> dict[str, Any]:
    """What train_random_forest returns on the fixture data, after train_logistic_regression ran."""
    reset_random_state()
    rf = train_random_forest(
        X_train=engineer_features_result["X_train"],
        y_train=engineer_features_result["y_train"],
        params=TrainingParams.from_config(config),
    )
    return {"rf": rf}


@pytest.fixture(scope="session")
def evaluate_models_result(
    train_random_forest_result: dict[str, Any],
    train_logistic_regression_result: dict[str, Any],
    engineer_features_result: dict[str, Any],
) -> dict[str, Any]:
    """What evaluate_models returns on the fixture data."""
    reset_random_state()
    acc, auc, lr_auc = evaluate_models(
        rf=train_random_forest_result["rf"],
        lr=train_logistic_regression_result["lr"],
        X_test=engineer_features_result["X_test"],
        X_test_s=train_logistic_regression_result["X_test_s"],
        y_test=engineer_features_result["y_test"],
    )
    return {"acc": acc, "auc": auc, "lr_auc": lr_auc}


@pytest.fixture(scope="session")
def plot_feature_importance_result(
    config: dict[str, Any],
    train_random_forest_result: dict[str, Any],
    engineer_features_result: dict[str, Any],
    evaluate_models_result: dict[str, Any],
) -> dict[str, Any]:
    """What plot_feature_importance returns on the fixture data, after evaluate_models ran."""
    reset_random_state()
    feature_importance_figure = plot_feature_importance(
        rf=train_random_forest_result["rf"],
        X=engineer_features_result["X"],
        params=ReportingParams.from_config(config),
    )
    return {"feature_importance_figure": feature_importance_figure}


@pytest.fixture(scope="session")
def write_churn_by_region_result(
    config: dict[str, Any],
    engineer_features_result: dict[str, Any],
    plot_feature_importance_result: dict[str, Any],
) -> dict[str, Any]:
    """What write_churn_by_region returns on the fixture data, after plot_feature_importance ran."""
    reset_random_state()
    churn_by_region = write_churn_by_region(
        df=engineer_features_result["df"],
        params=ReportingParams.from_config(config),
    )
    return {"churn_by_region": churn_by_region}


@pytest.fixture(scope="session")
def send_results_result(
    config: dict[str, Any],
    evaluate_models_result: dict[str, Any],
    train_random_forest_result: dict[str, Any],
    engineer_features_result: dict[str, Any],
    write_churn_by_region_result: dict[str, Any],
) -> dict[str, Any]:
    """What send_results returns on the fixture data, after write_churn_by_region ran."""
    reset_random_state()
    send_results(
        acc=evaluate_models_result["acc"],
        auc=evaluate_models_result["auc"],
        rf=train_random_forest_result["rf"],
        X=engineer_features_result["X"],
        params=ReportingParams.from_config(config),
    )
    return {}
