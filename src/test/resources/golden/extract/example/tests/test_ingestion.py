"""Tests of the ingestion step on the fixture data (see conftest.py)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from snapshots import Snapshot


def test_set_random_seed(set_random_seed_result: dict[str, Any]) -> None:
    """set_random_seed runs on the fixture data."""
    assert set_random_seed_result == {}


def test_load_customers(load_customers_result: dict[str, Any]) -> None:
    """load_customers keeps its output contract on the fixture data."""
    df = load_customers_result["df"]
    assert isinstance(df, pd.DataFrame)
    assert not df.empty


def test_load_customers_matches_snapshot(
    load_customers_result: dict[str, Any],
    snapshot: Snapshot,
) -> None:
    """The results match their snapshot, tests/golden/load_customers.json."""
    snapshot.check("load_customers", load_customers_result)
