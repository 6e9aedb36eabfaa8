"""End-to-end test: run_pipeline on the fixture data returns every artifact."""

from __future__ import annotations

from typing import Any

from churn_analysis.pipeline import run_pipeline

OUTPUTS = (
    "churn_rate_by_region_figure",
    "segment_churn_plan",
    "lr",
    "lr_file",
    "rf",
    "rf_file",
    "rf2",
    "rf2_file",
    "acc",
    "auc",
    "lr_auc",
    "random_forest_top_10_features_figure",
    "feature_importance_path",
    "churn_by_region_path",
    "churn_by_region",
)


def test_run_pipeline_returns_every_output(config: dict[str, Any]) -> None:
    """Every artifact of the notebook is present and not None."""
    results = run_pipeline(config)
    for name in OUTPUTS:
        assert results.get(name) is not None, f"{name} is missing"
