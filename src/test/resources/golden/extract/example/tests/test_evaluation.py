"""Tests of the evaluation step on the fixture data (see conftest.py)."""

from __future__ import annotations

import numbers
from typing import Any


def test_evaluate_model(evaluate_model_result: dict[str, Any]) -> None:
    """evaluate_model keeps its output contract on the fixture data."""
    acc = evaluate_model_result["acc"]
    assert isinstance(acc, numbers.Real)
    auc = evaluate_model_result["auc"]
    assert isinstance(auc, numbers.Real)
    lr_auc = evaluate_model_result["lr_auc"]
    assert isinstance(lr_auc, numbers.Real)
