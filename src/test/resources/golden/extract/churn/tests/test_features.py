"""Tests of the features step on the fixture data (see conftest.py)."""

from __future__ import annotations

from typing import Any

import pandas as pd


def test_build_features(build_features_result: dict[str, Any]) -> None:
    """build_features keeps its output contract on the fixture data."""
    df = build_features_result["df"]
    assert isinstance(df, pd.DataFrame)
    assert not df.empty
    X = build_features_result["X"]
    assert isinstance(X, pd.DataFrame)
    assert not X.empty
    X_train = build_features_result["X_train"]
    assert isinstance(X_train, pd.DataFrame)
    assert not X_train.empty
    X_test = build_features_result["X_test"]
    assert isinstance(X_test, pd.DataFrame)
    assert not X_test.empty
    y_train = build_features_result["y_train"]
    assert isinstance(y_train, pd.Series)
    assert not y_train.empty
    y_test = build_features_result["y_test"]
    assert isinstance(y_test, pd.Series)
    assert not y_test.empty
