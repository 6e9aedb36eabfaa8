"""Drift: how far today's input files are from the data the notebook was written on.

The reference profile, ``reference_profile.json`` next to this module, describes
each input file (by its configuration key) column by column::

    {"inputs": {"<config key>": {"file": "customers.csv", "rows": 1000,
        "columns": {
            "<numeric column>": {"type": "numeric", "null_rate": 0.0,
                "edges": [e0, ..., e10], "proportions": [p1, ..., p10]},
            "<categorical column>": {"type": "categorical", "null_rate": 0.0,
                "frequencies": {"<value>": 0.3, ..., "__other__": 0.1}}}}}}

``edges`` are the deciles of the reference values and ``proportions`` the share
of the non-null reference values in each bin; bin i holds the values v with
edges[i] <= v < edges[i + 1] (the last bin also holds edges[-1]), values below
edges[0] fall in the first bin and values above edges[-1] in the last. A
categorical value is its text (``str``); values not in ``frequencies`` count as
``__other__``.

Each run reads every CSV input the profile names and computes, per column, the
population stability index (PSI) of today's distribution against the reference,
``sum((a - e) * ln(a / e))`` over the bins (shares below EPSILON count as
EPSILON), and the change of the share of missing values. A column whose PSI is
above the threshold (``monitoring.psi_threshold`` in config.yaml) has drifted.
Checking drift never fails the run: what cannot be checked says why.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from .config import ConfigError, config_path

# The share a bin with no values counts as, so that the logarithm stays finite.
EPSILON = 1e-4
OTHER = "__other__"


def check_drift(config: dict[str, Any], profile_path: Path, threshold: float) -> dict[str, Any]:
    """Compare today's inputs with the reference profile.

    Args:
        config: the configuration, as returned by config.load_config.
        profile_path: the reference profile (JSON).
        threshold: the PSI above which a column has drifted.

    Returns:
        ``{"status": "checked", "threshold": ..., "inputs": {key: {"file": ...,
        "rows": ..., "columns": {column: {"psi": ..., "status": ...}}}},
        "drifted": ["key: column", ...]}``, or ``{"status": "not checked",
        "reason": ...}``.
    """
    if not profile_path.is_file():
        return {"status": "not checked", "reason": f"no reference profile ({profile_path.name})"}
    try:
        profile = json.loads(profile_path.read_text(encoding="utf-8"))
        references = profile["inputs"]
        if not isinstance(references, dict):
            raise TypeError("'inputs' is not a mapping")
    except (OSError, ValueError, KeyError, TypeError) as error:
        return {"status": "not checked", "reason": f"unreadable {profile_path.name}: {error}"}
    if not references:
        return {"status": "not checked", "reason": f"{profile_path.name} names no input"}
    inputs: dict[str, Any] = {}
    drifted: list[str] = []
    for key, reference in sorted(references.items()):
        inputs[key] = _check_input(config, key, reference, threshold)
        for column, result in inputs[key].get("columns", {}).items():
            if result["status"] != "ok":
                drifted.append(f"{key}: {column}")
    return {"status": "checked", "threshold": threshold, "inputs": inputs, "drifted": drifted}


def _check_input(
    config: dict[str, Any], key: str, reference: dict[str, Any], threshold: float
) -> dict[str, Any]:
    """The drift of one input file, column by column."""
    try:
        path = Path(config_path(config, key))
    except ConfigError:
        return {"status": "not checked", "reason": f"no configuration key {key!r}"}
    if path.suffix.lower() not in (".csv", ".tsv"):
        return {"status": "not checked", "reason": f"{path.name} is not a CSV file"}
    if not path.is_file():
        return {"status": "not checked", "reason": f"{path} does not exist"}
    columns = reference.get("columns") or {}
    import pandas as pd

    try:
        frame = pd.read_csv(
            path,
            sep=reference.get("delimiter", ","),
            skiprows=reference.get("skiprows", 0),
            usecols=lambda column: str(column).strip() in columns,
        )
        frame.columns = [str(column).strip() for column in frame.columns]
    except (OSError, ValueError) as error:
        return {"status": "not checked", "reason": f"cannot read {path.name}: {error}"}
    results = {}
    for column, expected in sorted(columns.items()):
        if column not in frame.columns:
            results[column] = {"status": "missing"}
            continue
        results[column] = _check_column(frame[column], expected, threshold)
    status = "drifted" if any(r["status"] != "ok" for r in results.values()) else "ok"
    return {"file": str(path), "rows": len(frame), "reference_rows": reference.get("rows"),
            "status": status, "columns": results}


def _check_column(values: Any, expected: dict[str, Any], threshold: float) -> dict[str, Any]:
    """PSI and null-rate change of one column against its reference."""
    null_rate = float(values.isna().mean()) if len(values) else 0.0
    reference_null_rate = float(expected.get("null_rate", 0.0))
    present = values.dropna()
    if expected.get("type") not in ("numeric", "categorical"):
        # free text, identifiers, personal data: watched for missing values only
        return {
            "null_rate": round(null_rate, 6),
            "null_rate_change": round(null_rate - reference_null_rate, 6),
            "status": "ok",
        }
    if expected.get("type") == "numeric":
        actual, wanted = _numeric_shares(present, expected["edges"], expected["proportions"])
    else:
        actual, wanted = _categorical_shares(present, expected["frequencies"])
    psi = population_stability_index(actual, wanted)
    return {
        "psi": round(psi, 6),
        "null_rate": round(null_rate, 6),
        "null_rate_change": round(null_rate - reference_null_rate, 6),
        "status": "drifted" if psi > threshold else "ok",
    }


def _numeric_shares(
    present: Any, edges: list[float], proportions: list[float]
) -> tuple[list[float], list[float]]:
    """Today's share of values per reference bin, and the reference shares."""
    import numpy as np
    import pandas as pd

    numbers = pd.to_numeric(present, errors="coerce").dropna().to_numpy(dtype=float)
    inner = np.asarray(edges[1:-1], dtype=float)
    bins = np.searchsorted(inner, numbers, side="right")
    counts = np.bincount(bins, minlength=len(proportions))[: len(proportions)]
    total = counts.sum()
    actual = [float(c) / total if total else 0.0 for c in counts]
    return actual, [float(p) for p in proportions]


def _categorical_shares(
    present: Any, frequencies: dict[str, float]
) -> tuple[list[float], list[float]]:
    """Today's share of each reference category (others as __other__), and the reference's."""
    labels = present.astype(str)
    labels = labels.where(labels.isin(list(frequencies)), OTHER)
    shares = labels.value_counts(normalize=True)
    names = sorted(set(frequencies) | {OTHER})
    actual = [float(shares.get(name, 0.0)) for name in names]
    wanted = [float(frequencies.get(name, 0.0)) for name in names]
    return actual, wanted


def population_stability_index(actual: list[float], expected: list[float]) -> float:
    """PSI of the shares ``actual`` against ``expected`` (shares below EPSILON count as it)."""
    total = 0.0
    for a, e in zip(actual, expected):
        a, e = max(a, EPSILON), max(e, EPSILON)
        total += (a - e) * math.log(a / e)
    return total
