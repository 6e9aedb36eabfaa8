"""Comparisons of the pipeline's results with what the notebook showed.

The notebook's saved outputs are text: the ``text/plain`` of a displayed
value, or the lines a cell printed. A result matches when its text, as
Jupyter would show it, has the same words and the same numbers, a number
being equal when it agrees to the digits shown (or within a relative 1e-6).
"""

from __future__ import annotations

import math
import re
from typing import Any

REL_TOL = 1e-6
_NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
_TOKEN = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|[^\s\d]+")
# NumPy 2 shows np.float64(0.5) where NumPy 1 showed 0.5
_NUMPY_SCALAR = re.compile(r"np\.(?:float|int|uint|bool|complex|str)_?\d*\(([^()]*)\)")


def shown_text(value: Any) -> str:
    """The value as Jupyter's text/plain shows it: IPython's pretty printer when it is installed
    (``bool`` for a class, sorted dict keys), pandas with its notebook display options."""
    module = type(value).__module__.split(".")[0]
    if module == "pandas":
        import pandas as pd

        with pd.option_context("display.max_columns", 20, "display.width", 80):
            return repr(value)
    try:
        from IPython.lib.pretty import pretty
    except ImportError:
        return repr(value)
    return pretty(value)


def compare_shown(value: Any, saved: str) -> str | None:
    """Why the value does not match the saved text/plain output, or None when it does."""
    actual = _NUMPY_SCALAR.sub(r"\1", shown_text(value))
    expected = _NUMPY_SCALAR.sub(r"\1", saved)
    left, right = _TOKEN.findall(expected), _TOKEN.findall(actual)
    for position, (want, got) in enumerate(zip(left, right)):
        if not _same_token(want, got):
            return f"token {position + 1}: the notebook showed {want!r}, the pipeline gives {got!r}"
    if len(left) != len(right):
        return (
            f"the notebook showed {len(left)} words and numbers, the pipeline gives "
            f"{len(right)}:\n{actual}"
        )
    return None


def compare_printed(value: Any, saved: str) -> str | None:
    """Why a number does not appear in the saved printed output, or None when it does."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return f"{value!r} is not a number"
    for match in _NUMBER.finditer(saved):
        text = match.group()
        percent = saved[match.end() : match.end() + 1] == "%"
        if _same_number(text, number * 100 if percent else number):
            return None
    return f"the notebook printed {saved.strip()!r}, which does not show {number!r}"


def _same_token(want: str, got: str) -> bool:
    if want == got:
        return True
    if _NUMBER.fullmatch(want) and _NUMBER.fullmatch(got):
        return _same_number(want, float(got), _half_unit(got))
    return False


def _half_unit(text: str) -> float:
    """Half a unit of the last digit shown; 0 for a whole number (shown exactly)."""
    mantissa = re.split("[eE]", text)[0]
    if "." not in mantissa:
        return 0.0
    return 0.5 * 10.0 ** -len(mantissa.split(".")[1])


def _same_number(text: str, number: float, slack: float = 0.0) -> bool:
    """True when the number, rounded as the text is, equals it (within the tolerance)."""
    want = float(text)
    if math.isnan(number) or math.isnan(want):
        return math.isnan(number) and math.isnan(want)
    if math.isclose(want, number, rel_tol=REL_TOL, abs_tol=1e-12):
        return True
    if re.search("[eE]", text):
        return False
    return abs(want - number) <= (_half_unit(text) + slack) * (1 + 1e-9)
