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
from snapshots import Snapshot

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"

# Configuration keys of the input files, and their copies in tests/fixtures/.
INPUT_FILES: dict[str, str] = {
    "data_path": "customers.csv",
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
def set_random_seed_result(config: dict[str, Any]) -> dict[str, Any]:
    """What set_random_seed returns on the fixture data."""
    reset_random_state()
    set_random_seed(params=IngestionParams.from_config(config))
    return {}


@pytest.fixture(scope="session")
def load_customers_result(
    config: dict[str, Any],
    set_random_seed_result: dict[str, Any],
) -> dict[str, Any]:
    """What load_customers returns on the fixture data, after set_random_seed ran."""
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
        y_test=engineer_features_result["y_test"],
        params=TrainingParams.from_config(config),
    )
    return {"X_test_s": X_test_s, "lr": lr}


@pytest.fixture(scope="session")
def train_rf_result(
    config: dict[str, Any],
    engineer_features_result: dict[str, Any],
    train_logistic_regression_result: dict[str, Any],
) -> dict[str, Any]:
    """What train_rf returns on the fixture data, after train_logistic_regression ran."""
    reset_random_state()
    rf = train_rf(
        X_train=engineer_features_result["X_train"],
        y_train=engineer_features_result["y_train"],
        X_test=engineer_features_result["X_test"],
        y_test=engineer_features_result["y_test"],
        params=TrainingParams.from_config(config),
    )
    return {"rf": rf}


@pytest.fixture(scope="session")
def train_rf2_result(
    config: dict[str, Any],
    engineer_features_result: dict[str, Any],
    train_rf_result: dict[str, Any],
) -> dict[str, Any]:
    """What train_rf2 returns on the fixture data, after train_rf ran."""
    reset_random_state()
    df, rf2 = train_rf2(
        df=engineer_features_result["df"],
        X_train=engineer_features_result["X_train"],
        y_train=engineer_features_result["y_train"],
        params=TrainingParams.from_config(config),
    )
    return {"df": df, "rf2": rf2}


@pytest.fixture(scope="session")
def evaluate_model_result(
    train_rf_result: dict[str, Any],
    engineer_features_result: dict[str, Any],
    train_logistic_regression_result: dict[str, Any],
    train_rf2_result: dict[str, Any],
) -> dict[str, Any]:
    """What evaluate_model returns on the fixture data, after train_rf2 ran."""
    reset_random_state()
    acc, auc, lr_auc = evaluate_model(
        rf=train_rf_result["rf"],
        X_test=engineer_features_result["X_test"],
        y_test=engineer_features_result["y_test"],
        lr=train_logistic_regression_result["lr"],
        X_test_s=train_logistic_regression_result["X_test_s"],
    )
    return {"acc": acc, "auc": auc, "lr_auc": lr_auc}


@pytest.fixture(scope="session")
def plot_random_forest_top_10_features_result(
    config: dict[str, Any],
    train_rf_result: dict[str, Any],
    engineer_features_result: dict[str, Any],
    evaluate_model_result: dict[str, Any],
) -> dict[str, Any]:
    """What plot_random_forest_top_10_features returns on the fixture data, after evaluate_model ran."""
    reset_random_state()
    random_forest_top_10_features_figure = plot_random_forest_top_10_features(
        rf=train_rf_result["rf"],
        X=engineer_features_result["X"],
        params=ReportingParams.from_config(config),
    )
    return {
        "random_forest_top_10_features_figure": random_forest_top_10_features_figure,
    }


@pytest.fixture(scope="session")
def write_churn_by_region_result(
    config: dict[str, Any],
    train_rf2_result: dict[str, Any],
    evaluate_model_result: dict[str, Any],
    train_rf_result: dict[str, Any],
    engineer_features_result: dict[str, Any],
    plot_random_forest_top_10_features_result: dict[str, Any],
) -> dict[str, Any]:
    """What write_churn_by_region returns on the fixture data, after plot_random_forest_top_10_features ran."""
    reset_random_state()
    churn_by_region = write_churn_by_region(
        df=train_rf2_result["df"],
        acc=evaluate_model_result["acc"],
        auc=evaluate_model_result["auc"],
        rf=train_rf_result["rf"],
        X=engineer_features_result["X"],
        params=ReportingParams.from_config(config),
    )
    return {"churn_by_region": churn_by_region}
