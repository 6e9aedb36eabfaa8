"""Tests of the reporting step on the fixture data (see conftest.py)."""

from __future__ import annotations

from typing import Any

import pandas as pd


def test_plot_feature_importance(plot_feature_importance_result: dict[str, Any]) -> None:
    """plot_feature_importance runs on the fixture data."""
    assert plot_feature_importance_result == {}


def test_report_results(report_results_result: dict[str, Any]) -> None:
    """report_results keeps its output contract on the fixture data."""
    churn_by_region = report_results_result["churn_by_region"]
    assert isinstance(churn_by_region, pd.DataFrame)
    assert not churn_by_region.empty
