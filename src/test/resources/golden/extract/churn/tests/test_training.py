"""Tests of the training step on the fixture data (see conftest.py)."""

from __future__ import annotations

from typing import Any

import numpy as np

from snapshots import Snapshot


def test_train_logistic_regression(train_logistic_regression_result: dict[str, Any]) -> None:
    """train_logistic_regression keeps its output contract on the fixture data."""
    X_test_s = train_logistic_regression_result["X_test_s"]
    assert isinstance(X_test_s, np.ndarray)
    assert X_test_s.size > 0
    lr = train_logistic_regression_result["lr"]
    assert hasattr(lr, "fit"), "lr is an estimator"


def test_train_logistic_regression_matches_snapshot(
    train_logistic_regression_result: dict[str, Any],
    snapshot: Snapshot,
) -> None:
    """The results match their snapshot, tests/golden/train_logistic_regression.json."""
    snapshot.check("train_logistic_regression", train_logistic_regression_result)


def test_train_random_forest(train_random_forest_result: dict[str, Any]) -> None:
    """train_random_forest keeps its output contract on the fixture data."""
    rf = train_random_forest_result["rf"]
    assert hasattr(rf, "fit"), "rf is an estimator"


def test_train_random_forest_matches_snapshot(
    train_random_forest_result: dict[str, Any],
    snapshot: Snapshot,
) -> None:
    """The results match their snapshot, tests/golden/train_random_forest.json."""
    snapshot.check("train_random_forest", train_random_forest_result)
