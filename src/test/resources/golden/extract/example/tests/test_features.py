"""Tests of the features step on the fixture data (see conftest.py)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from snapshots import Snapshot


def test_compute_segment_churn_plan(compute_segment_churn_plan_result: dict[str, Any]) -> None:
    """compute_segment_churn_plan keeps its output contract on the fixture data."""
    segment_churn_plan = compute_segment_churn_plan_result["segment_churn_plan"]
    assert segment_churn_plan is not None


def test_compute_segment_churn_plan_matches_snapshot(
    compute_segment_churn_plan_result: dict[str, Any],
    snapshot: Snapshot,
) -> None:
    """The results match their snapshot, tests/golden/compute_segment_churn_plan.json."""
    snapshot.check("compute_segment_churn_plan", compute_segment_churn_plan_result)


def test_engineer_features(engineer_features_result: dict[str, Any]) -> None:
    """engineer_features keeps its output contract on the fixture data."""
    df = engineer_features_result["df"]
    assert isinstance(df, pd.DataFrame)
    assert not df.empty
    X = engineer_features_result["X"]
    assert isinstance(X, pd.DataFrame)
    assert not X.empty
    X_train = engineer_features_result["X_train"]
    assert isinstance(X_train, pd.DataFrame)
    assert not X_train.empty
    X_test = engineer_features_result["X_test"]
    assert isinstance(X_test, pd.DataFrame)
    assert not X_test.empty
    y_train = engineer_features_result["y_train"]
    assert isinstance(y_train, pd.Series)
    assert not y_train.empty
    y_test = engineer_features_result["y_test"]
    assert isinstance(y_test, pd.Series)
    assert not y_test.empty


def test_engineer_features_matches_snapshot(
    engineer_features_result: dict[str, Any],
    snapshot: Snapshot,
) -> None:
    """The results match their snapshot, tests/golden/engineer_features.json."""
    snapshot.check("engineer_features", engineer_features_result)
