"""Tests of the evaluation step on the fixture data (see conftest.py)."""

from __future__ import annotations

import numbers
from typing import Any

from snapshots import Snapshot


def test_evaluate_model(evaluate_model_result: dict[str, Any]) -> None:
    """evaluate_model keeps its output contract on the fixture data."""
    acc = evaluate_model_result["acc"]
    assert isinstance(acc, numbers.Real)
    auc = evaluate_model_result["auc"]
    assert isinstance(auc, numbers.Real)
    lr_auc = evaluate_model_result["lr_auc"]
    assert isinstance(lr_auc, numbers.Real)


def test_evaluate_model_matches_snapshot(
    evaluate_model_result: dict[str, Any],
    snapshot: Snapshot,
) -> None:
    """The results match their snapshot, tests/golden/evaluate_model.json."""
    snapshot.check("evaluate_model", evaluate_model_result)
