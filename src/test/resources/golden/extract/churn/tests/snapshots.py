"""Snapshot tests: what each step returns, compared with tests/golden/.

A snapshot is a readable JSON description of a step's results on the fixture
data: the shape, columns, dtypes, leading rows and per-column summaries of a
frame, the values of an array, the parameters and fitted attributes of a
model, the axes of a figure. Numbers are compared with a relative tolerance of
1e-6, everything else exactly.

The first run writes the missing golden files and skips those tests (run the
tests again to compare). To record them again after an intended change, run
``UPDATE_SNAPSHOTS=1 python -m pytest`` and review the diff of tests/golden/.
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path
from typing import Any

import pytest

REL_TOL = 1e-6
ABS_TOL = 1e-9
# Frames and arrays up to this many cells are recorded whole; larger ones by
# their leading rows and per-column summaries.
MAX_CELLS = 2000
HEAD_ROWS = 10
MAX_ITEMS = 200
MAX_DEPTH = 4
# Fitted attributes that models compute on access rather than store.
FITTED_PROPERTIES = ("feature_importances_", "coef_", "intercept_")
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


class Snapshot:
    """Compares values with the golden files of one folder."""

    def __init__(self, folder: Path, roots: dict[str, str]) -> None:
        """Keep the folder and the paths written as placeholders.

        Args:
            folder: where the golden files are (tests/golden).
            roots: absolute folders (e.g. the temporary output folder) and the
                placeholder written instead of each, so that the golden files
                do not depend on where the tests ran.
        """
        self.folder = folder
        self.roots = sorted(roots.items(), key=lambda item: -len(item[0]))

    def check(self, name: str, results: dict[str, Any]) -> None:
        """Compare results with tests/golden/<name>.json, recording it when missing.

        Args:
            name: the step whose results these are.
            results: the step's results by name.
        """
        actual = {key: self.describe(value) for key, value in sorted(results.items())}
        golden = self.folder / f"{name}.json"
        if os.environ.get("UPDATE_SNAPSHOTS") or not golden.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            golden.write_text(to_json(actual) + "\n", encoding="utf-8")
            pytest.skip(f"recorded tests/golden/{golden.name}: run the tests again to compare")
        expected = json.loads(golden.read_text(encoding="utf-8"))
        difference = first_difference(expected, actual, name)
        assert difference is None, (
            f"{difference} (tests/golden/{golden.name}; if the change is intended, "
            "record again with UPDATE_SNAPSHOTS=1)"
        )

    def describe(self, value: Any, depth: int = 0) -> Any:
        """A JSON description of a value that is stable from run to run."""
        if value is None or isinstance(value, (bool, int)):
            return value
        if isinstance(value, float):
            return _number(value)
        if isinstance(value, (str, Path)):
            return self._path_or_text(str(value))
        kind = type(value).__module__.split(".")[0]
        if kind == "numpy":
            return self._numpy(value, depth)
        if kind == "pandas":
            return self._pandas(value)
        if kind in ("matplotlib", "seaborn"):
            return _figure(value)
        if depth >= MAX_DEPTH:
            return {"type": _type_name(value)}
        if isinstance(value, dict):
            items = sorted(value.items(), key=lambda item: str(item[0]))[:MAX_ITEMS]
            return {str(key): self.describe(item, depth + 1) for key, item in items}
        if isinstance(value, (list, tuple, set, frozenset)):
            items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
            described = [self.describe(item, depth + 1) for item in list(items)[:MAX_ITEMS]]
            return {"type": type(value).__name__, "length": len(value), "items": described}
        if hasattr(value, "get_params") and hasattr(value, "fit"):
            return self._model(value, depth)
        return {"type": _type_name(value)}

    def _path_or_text(self, text: str) -> Any:
        """Text; for a file a step wrote under a root, also what the file holds."""
        shown = self._text(text)
        if shown == text or len(text) > 4096 or "\n" in text:
            return shown
        path = Path(text)
        if not path.is_file():
            return shown
        suffix = path.suffix.lower()
        description: dict[str, Any] = {"path": shown}
        if suffix in (".csv", ".tsv"):
            import pandas as pd

            frame = pd.read_csv(path, sep="\t" if suffix == ".tsv" else ",")
            description["content"] = self._pandas(frame)
        elif suffix == ".png":
            header = path.read_bytes()[:24]
            description["width"] = int.from_bytes(header[16:20], "big")
            description["height"] = int.from_bytes(header[20:24], "big")
        elif suffix in (".json", ".txt", ".md", ".html", ".yaml", ".yml"):
            description["lines"] = len(path.read_text(encoding="utf-8", errors="replace").splitlines())
        return description

    def _text(self, text: str) -> str:
        for root, placeholder in self.roots:
            text = text.replace(root, placeholder)
        return _ADDRESS.sub("", text)

    def _numpy(self, value: Any, depth: int) -> Any:
        import numpy as np

        if isinstance(value, np.ndarray):
            description: dict[str, Any] = {
                "type": "ndarray",
                "shape": list(value.shape),
                "dtype": str(value.dtype),
            }
            if value.dtype == object and depth < MAX_DEPTH:
                flat = [self.describe(item, depth + 1) for item in value.flat[:MAX_ITEMS]]
                description["items"] = flat
            elif value.size <= MAX_CELLS:
                description["values"] = _plain(value.tolist())
            else:
                rows = value.reshape(value.shape[0], -1)[:HEAD_ROWS]
                description["head"] = _plain(rows.tolist())
                if np.issubdtype(value.dtype, np.number):
                    description["summary"] = _summary(value.astype(float).ravel())
            return description
        if isinstance(value, np.generic):
            return _plain(value.item())
        return {"type": _type_name(value)}

    def _pandas(self, value: Any) -> Any:
        import pandas as pd

        if isinstance(value, pd.Series):
            value = value.to_frame(name=value.name if value.name is not None else "values")
            kind = "Series"
        elif isinstance(value, pd.DataFrame):
            kind = "DataFrame"
        elif isinstance(value, pd.Index):
            values = _plain(value[:MAX_ITEMS].tolist())
            return {"type": "Index", "length": len(value), "values": values}
        else:
            return {"type": _type_name(value), "text": self._text(str(value))}
        rows, columns = value.shape
        description: dict[str, Any] = {
            "type": kind,
            "shape": [rows, columns],
            "columns": [self._text(str(column)) for column in value.columns[:MAX_ITEMS]],
            "dtypes": [str(dtype) for dtype in value.dtypes.iloc[:MAX_ITEMS]],
            "index": _plain(value.index[:HEAD_ROWS].tolist()),
        }
        if rows * columns <= MAX_CELLS:
            description["rows"] = _plain(value.to_numpy(dtype=object).tolist())
        else:
            head = value.iloc[:HEAD_ROWS, :MAX_ITEMS]
            description["head"] = _plain(head.to_numpy(dtype=object).tolist())
        description["summary"] = {
            self._text(str(column)): _column_summary(value.iloc[:, position])
            for position, column in enumerate(value.columns[:MAX_ITEMS])
        }
        return description

    def _model(self, model: Any, depth: int) -> dict[str, Any]:
        params = {
            key: self.describe(item, MAX_DEPTH - 1)
            for key, item in sorted(model.get_params(deep=False).items())
        }
        fitted: dict[str, Any] = {}
        names = {
            key
            for key in vars(model)
            if key.endswith("_") and not key.startswith("_") and "time" not in key
        }
        for key in sorted(names | set(FITTED_PROPERTIES)):
            try:
                item = getattr(model, key)
            except (AttributeError, ValueError, TypeError):
                continue
            if _is_simple(item):
                fitted[key] = self.describe(item, depth + 1)
        return {"type": _type_name(model), "params": params, "fitted": fitted}


def to_json(value: Any, indent: int = 0) -> str:
    """JSON with sorted keys, one line per row: lists of plain values stay on one line."""
    pad = " " * (indent + 1)
    if isinstance(value, dict) and value:
        items = [
            f"{pad}{json.dumps(key, ensure_ascii=False)}: {to_json(item, indent + 1)}"
            for key, item in sorted(value.items())
        ]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
        items = [pad + to_json(item, indent + 1) for item in value]
        return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"
    return json.dumps(value, ensure_ascii=False)


def first_difference(expected: Any, actual: Any, path: str) -> str | None:
    """Where two descriptions differ, or None when they agree within the tolerance."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        if sorted(expected) != sorted(actual):
            return f"{path}: keys {sorted(expected)} expected, {sorted(actual)} found"
        for key in sorted(expected):
            found = first_difference(expected[key], actual[key], f"{path}.{key}")
            if found is not None:
                return found
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return f"{path}: {len(expected)} items expected, {len(actual)} found"
        for position, (left, right) in enumerate(zip(expected, actual)):
            found = first_difference(left, right, f"{path}[{position}]")
            if found is not None:
                return found
        return None
    numbers = (int, float)
    if (
        isinstance(expected, numbers)
        and isinstance(actual, numbers)
        and not isinstance(expected, bool)
        and not isinstance(actual, bool)
    ):
        if math.isclose(expected, actual, rel_tol=REL_TOL, abs_tol=ABS_TOL):
            return None
        return f"{path}: {expected!r} expected, {actual!r} found"
    if expected != actual:
        return f"{path}: {_short(expected)} expected, {_short(actual)} found"
    return None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _type_name(value: Any) -> str:
    cls = type(value)
    return f"{cls.__module__}.{cls.__qualname__}"


def _number(value: float) -> float | str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def _plain(value: Any) -> Any:
    """Lists of Python values made JSON-safe (NaN, timestamps, NumPy scalars)."""
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return _number(value)
    item = getattr(value, "item", None)
    if callable(item) and type(value).__module__.split(".")[0] == "numpy":
        return _plain(item())
    return _ADDRESS.sub("", str(value))


def _is_simple(value: Any) -> bool:
    if value is None or isinstance(value, (bool, int, float, str)):
        return True
    if type(value).__module__.split(".")[0] == "numpy":
        return getattr(value, "dtype", None) is not None and value.dtype != object
    return isinstance(value, (list, tuple)) and all(
        isinstance(item, (bool, int, float, str)) for item in value
    )


def _summary(values: Any) -> dict[str, Any]:
    import numpy as np

    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return {"count": 0}
    return {
        "count": int(finite.size),
        "sum": _number(float(finite.sum())),
        "min": _number(float(finite.min())),
        "max": _number(float(finite.max())),
    }


def _column_summary(column: Any) -> dict[str, Any]:
    import pandas as pd

    nulls = int(column.isna().sum())
    if pd.api.types.is_bool_dtype(column):
        return {"nulls": nulls, "true": int(column.fillna(False).astype(bool).sum())}
    if pd.api.types.is_numeric_dtype(column):
        values = pd.to_numeric(column, errors="coerce").dropna().astype(float).to_numpy()
        return {"nulls": nulls, **_summary(values)}
    text = column.dropna().astype(str)
    return {
        "nulls": nulls,
        "distinct": int(text.nunique()),
        "first": _ADDRESS.sub("", str(text.min())) if len(text) else None,
        "last": _ADDRESS.sub("", str(text.max())) if len(text) else None,
    }


def _figure(value: Any) -> dict[str, Any]:
    """The axes of a figure: titles, labels, limits and what is drawn."""
    figure = getattr(value, "figure", None) or getattr(value, "fig", None)
    if hasattr(value, "get_axes"):
        figure = value
    if figure is None or not hasattr(figure, "get_axes"):
        return {"type": _type_name(value)}
    axes = []
    for ax in figure.get_axes():
        axes.append(
            {
                "title": ax.get_title(),
                "xlabel": ax.get_xlabel(),
                "ylabel": ax.get_ylabel(),
                "xlim": [_number(float(limit)) for limit in ax.get_xlim()],
                "ylim": [_number(float(limit)) for limit in ax.get_ylim()],
                "lines": len(ax.get_lines()),
                "patches": len(ax.patches),
                "collections": len(ax.collections),
                "xticklabels": [label.get_text() for label in ax.get_xticklabels()][:MAX_ITEMS],
                "yticklabels": [label.get_text() for label in ax.get_yticklabels()][:MAX_ITEMS],
            }
        )
    return {"type": "Figure", "axes": axes}
