"""Tests of the evaluation step on the fixture data (see conftest.py)."""

from __future__ import annotations

import numbers
from typing import Any

from snapshots import Snapshot


def test_evaluate_models(evaluate_models_result: dict[str, Any]) -> None:
    """evaluate_models keeps its output contract on the fixture data."""
    acc = evaluate_models_result["acc"]
    assert isinstance(acc, numbers.Real)
    auc = evaluate_models_result["auc"]
    assert isinstance(auc, numbers.Real)
    lr_auc = evaluate_models_result["lr_auc"]
    assert isinstance(lr_auc, numbers.Real)


def test_evaluate_models_matches_snapshot(
    evaluate_models_result: dict[str, Any],
    snapshot: Snapshot,
) -> None:
    """The results match their snapshot, tests/golden/evaluate_models.json."""
    snapshot.check("evaluate_models", evaluate_models_result)
