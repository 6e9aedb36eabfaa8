"""Tests of the reporting step on the fixture data (see conftest.py)."""

from __future__ import annotations

from typing import Any


def test_write_reports(write_reports_result: dict[str, Any]) -> None:
    """write_reports keeps its output contract on the fixture data."""
    importance_plot = write_reports_result["importance_plot"]
    assert isinstance(importance_plot, str) and importance_plot
    region_report = write_reports_result["region_report"]
    assert isinstance(region_report, str) and region_report
