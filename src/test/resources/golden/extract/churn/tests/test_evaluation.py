"""Tests of the evaluation step on the fixture data (see conftest.py)."""

from __future__ import annotations

from typing import Any


def test_evaluate(evaluate_result: dict[str, Any]) -> None:
    """evaluate keeps its output contract on the fixture data."""
    accuracy = evaluate_result["accuracy"]
    assert isinstance(accuracy, (int, float))
    roc_auc = evaluate_result["roc_auc"]
    assert isinstance(roc_auc, (int, float))
