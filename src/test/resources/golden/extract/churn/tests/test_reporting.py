"""Tests of the reporting step on the fixture data (see conftest.py)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from snapshots import Snapshot


def test_plot_churn_rate_by_region(plot_churn_rate_by_region_result: dict[str, Any]) -> None:
    """plot_churn_rate_by_region keeps its output contract on the fixture data."""
    churn_rate_by_region_figure = plot_churn_rate_by_region_result["churn_rate_by_region_figure"]
    assert isinstance(churn_rate_by_region_figure, str)


def test_plot_churn_rate_by_region_matches_snapshot(
    plot_churn_rate_by_region_result: dict[str, Any],
    snapshot: Snapshot,
) -> None:
    """The results match their snapshot, tests/golden/plot_churn_rate_by_region.json."""
    snapshot.check("plot_churn_rate_by_region", plot_churn_rate_by_region_result)


def test_plot_feature_importance(plot_feature_importance_result: dict[str, Any]) -> None:
    """plot_feature_importance keeps its output contract on the fixture data."""
    feature_importance_figure = plot_feature_importance_result["feature_importance_figure"]
    assert isinstance(feature_importance_figure, str)


def test_plot_feature_importance_matches_snapshot(
    plot_feature_importance_result: dict[str, Any],
    snapshot: Snapshot,
) -> None:
    """The results match their snapshot, tests/golden/plot_feature_importance.json."""
    snapshot.check("plot_feature_importance", plot_feature_importance_result)


def test_write_churn_by_region(write_churn_by_region_result: dict[str, Any]) -> None:
    """write_churn_by_region keeps its output contract on the fixture data."""
    churn_by_region = write_churn_by_region_result["churn_by_region"]
    assert isinstance(churn_by_region, pd.DataFrame)
    assert not churn_by_region.empty


def test_write_churn_by_region_matches_snapshot(
    write_churn_by_region_result: dict[str, Any],
    snapshot: Snapshot,
) -> None:
    """The results match their snapshot, tests/golden/write_churn_by_region.json."""
    snapshot.check("write_churn_by_region", write_churn_by_region_result)


def test_send_results(send_results_result: dict[str, Any]) -> None:
    """send_results runs on the fixture data."""
    assert send_results_result == {}
