"""Tests of the preprocessing step on the fixture data (see conftest.py)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from snapshots import Snapshot


def test_clean_data(clean_data_result: dict[str, Any]) -> None:
    """clean_data keeps its output contract on the fixture data."""
    df = clean_data_result["df"]
    assert isinstance(df, pd.DataFrame)
    assert not df.empty


def test_clean_data_matches_snapshot(
    clean_data_result: dict[str, Any],
    snapshot: Snapshot,
) -> None:
    """The results match their snapshot, tests/golden/clean_data.json."""
    snapshot.check("clean_data", clean_data_result)
