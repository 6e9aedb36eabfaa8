"""Tests of the training step on the fixture data (see conftest.py)."""

from __future__ import annotations

from typing import Any

import pandas as pd


def test_train_model(train_model_result: dict[str, Any]) -> None:
    """train_model keeps its output contract on the fixture data."""
    df = train_model_result["df"]
    assert isinstance(df, pd.DataFrame)
    assert not df.empty
    X = train_model_result["X"]
    assert isinstance(X, pd.DataFrame)
    assert not X.empty
    X_test = train_model_result["X_test"]
    assert isinstance(X_test, pd.DataFrame)
    assert not X_test.empty
    y_test = train_model_result["y_test"]
    assert isinstance(y_test, pd.Series)
    assert not y_test.empty
    lr = train_model_result["lr"]
    assert lr is not None
    rf = train_model_result["rf"]
    assert rf is not None
    rf2 = train_model_result["rf2"]
    assert rf2 is not None
