"""Tests of the ingestion step on the fixture data (see conftest.py)."""

from __future__ import annotations

from typing import Any

import pandas as pd


def test_load_customers(load_customers_result: dict[str, Any]) -> None:
    """load_customers keeps its output contract on the fixture data."""
    df = load_customers_result["df"]
    assert isinstance(df, pd.DataFrame)
    assert not df.empty
