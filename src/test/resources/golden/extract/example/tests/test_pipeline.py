"""End-to-end tests of run_pipeline.

On the fixture data, every artifact of the notebook is returned. On the
notebook's own data (config.yaml as it is, when that data is there), each
result the notebook showed when it ran is what the pipeline gives now.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from churn_analysis.config import config_path, load_config
from churn_analysis.pipeline import run_pipeline
from evidence import compare_printed, compare_shown

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

ROOT = Path(__file__).resolve().parent.parent

# The input files run_pipeline reads, by configuration key.
INPUT_KEYS = (
    "data_path",
    "ingestion.customers_path",
)


@dataclass(frozen=True)
class Shown:
    """What the notebook showed of one result: its cell and saved output.

    Attributes:
        cell: the cell, numbered as Jupyter shows it.
        text: the saved output (text/plain of the value, or what the cell printed).
        printed: True when the text is what the cell printed.
        skip: why the comparison cannot be trusted, or "".
    """

    cell: int
    text: str
    printed: bool = False
    skip: str = ""


# The results the notebook showed, from its saved outputs.
SHOWN: dict[str, Shown] = {
    "segment_churn_plan": Shown(
        cell=14,
        text=(
            "plan\n"
            "month-to-month    1.52\n"
            "one-year          0.54\n"
            "two-year          0.14\n"
            "Name: churned, dtype: float64"
        ),
        skip=(
            "the notebook's cells ran out of order before cell 14, so "
            "its saved output may not come from the code as it reads"
        ),
    ),
    "acc": Shown(
        cell=19,
        text=(
            "accuracy: 0.710\n"
            "roc_auc:  0.707\n"
            "[[58 14]\n"
            " [13  8]]\n"
            "              precision    recall  f1-score   support\n"
            "\n"
            "           0       0.82      0.81      0.81        72\n"
            "           1       0.36      0.38      0.37        21\n"
            "\n"
            "    accuracy                           0.71        93\n"
            "   macro avg       0.59      0.59      0.59        93\n"
            "weighted avg       0.71      0.71      0.71        93\n"
            "\n"
        ),
        printed=True,
        skip=(
            "the notebook's cells ran out of order before cell 19, so "
            "its saved output may not come from the code as it reads"
        ),
    ),
    "auc": Shown(
        cell=19,
        text=(
            "accuracy: 0.710\n"
            "roc_auc:  0.707\n"
            "[[58 14]\n"
            " [13  8]]\n"
            "              precision    recall  f1-score   support\n"
            "\n"
            "           0       0.82      0.81      0.81        72\n"
            "           1       0.36      0.38      0.37        21\n"
            "\n"
            "    accuracy                           0.71        93\n"
            "   macro avg       0.59      0.59      0.59        93\n"
            "weighted avg       0.71      0.71      0.71        93\n"
            "\n"
        ),
        printed=True,
        skip=(
            "the notebook's cells ran out of order before cell 19, so "
            "its saved output may not come from the code as it reads"
        ),
    ),
    "churn_by_region": Shown(
        cell=23,
        text=(
            "         customers  churned  churn_rate  avg_monthly  many_calls\n"
            "region                                                          \n"
            "Central         47       18       0.383       60.216           4\n"
            "South           75       17       0.227       60.604          10\n"
            "East            81       18       0.222       60.699           7\n"
            "North           77       14       0.182       64.701           4\n"
            "West            90       16       0.178       67.080          12"
        ),
        skip=(
            "the notebook's cells ran out of order before cell 23, so "
            "its saved output may not come from the code as it reads"
        ),
    ),
}


def test_run_pipeline_returns_every_output(config: dict[str, Any]) -> None:
    """Every artifact of the notebook is present and not None."""
    results = run_pipeline(config)
    for name in OUTPUTS:
        assert results.get(name) is not None, f"{name} is missing"


@pytest.fixture(scope="module")
def notebook_data_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """run_pipeline on the notebook's own data, skipped when the data is not there."""
    outputs = tmp_path_factory.mktemp("notebook_data")
    config = load_config(ROOT / "config.yaml", [f"output_root={outputs}"])
    missing = [
        f"{config_path(config, key)} ({key})"
        for key in INPUT_KEYS
        if not Path(config_path(config, key)).exists()
    ]
    if missing:
        pytest.skip(
            "needs the notebook's data: "
            + ", ".join(missing)
            + " (copy it there, or set data_root in config.yaml)"
        )
    return run_pipeline(config)


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_result_matches_notebook(notebook_data_results: dict[str, Any], name: str) -> None:
    """run_pipeline gives what the notebook showed for this result when it ran."""
    shown = SHOWN[name]
    if shown.skip:
        pytest.skip(shown.skip)
    value = notebook_data_results[name]
    compare = compare_printed if shown.printed else compare_shown
    problem = compare(value, shown.text)
    assert problem is None, f"{name} (cell {shown.cell}): {problem}"
