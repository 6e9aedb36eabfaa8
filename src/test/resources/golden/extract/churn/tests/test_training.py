"""Tests of the training step on the fixture data (see conftest.py)."""

from __future__ import annotations

from typing import Any


def test_train_models(train_models_result: dict[str, Any]) -> None:
    """train_models keeps its output contract on the fixture data."""
    model = train_models_result["model"]
    assert model is not None
