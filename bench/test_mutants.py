"""Self-test of bench/mutants.py on a toy package (run by hand: python3 -m pytest bench/)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import mutants  # noqa: E402

STAGE = '''"""A toy stage."""

import logging

logger = logging.getLogger(__name__)


def clip(values: list[int], limit: int = 10) -> list[int]:
    """Values above the limit become the limit."""
    logger.info("clipping %d values", len(values))
    out = []
    for value in values:
        if value > limit:
            value = limit
        out.append(value)
    return out


def is_small(value: int) -> bool:
    """True below 3."""
    return value < 3
'''

STRONG_TESTS = '''from toy.stage import clip, is_small


def test_clip() -> None:
    assert clip([1, 12, 10]) == [1, 10, 10]
    assert clip([5], limit=4) == [4]


def test_is_small() -> None:
    assert is_small(2) and not is_small(3)
'''

WEAK_TESTS = '''from toy.stage import clip


def test_clip() -> None:
    assert isinstance(clip([1]), list)
'''


def toy_package(root: Path, tests: str) -> Path:
    """A package laid out as nb2prod writes one, with the given tests."""
    (root / "src" / "toy").mkdir(parents=True)
    (root / "tests").mkdir()
    (root / "src" / "toy" / "__init__.py").write_text("")
    (root / "src" / "toy" / "config.py").write_text("LIMIT = 10\n")
    (root / "src" / "toy" / "stage.py").write_text(STAGE)
    (root / "tests" / "test_stage.py").write_text(tests)
    (root / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\ntestpaths = ["tests"]\npythonpath = ["src"]\n')
    return root


def test_sites_cover_the_three_operators_and_skip_what_is_not_behaviour() -> None:
    found = mutants.mutants_of("stage", STAGE)
    described = {(m.operator, m.description) for m in found}
    assert ("delete", "delete `value = limit`") in described
    assert ("delete", "delete `out.append(value)`") in described
    assert ("compare", "`>` -> `<=` in `value > limit`") in described
    assert ("compare", "`<` -> `>=` in `value < 3`") in described
    assert ("number", "10 -> 20") in described
    assert ("number", "3 -> 6") in described
    texts = " ".join(m.description for m in found)
    assert "logger" not in texts and "return" not in texts and "toy stage" not in texts
    for mutant in found:
        compile(mutant.source, "stage.py", "exec")
        assert mutant.source != mutants.round_trip(STAGE)


def test_zero_becomes_one_and_booleans_are_left_alone() -> None:
    found = mutants.mutants_of("m", "def f(x):\n    return x[0] if True else 0.0\n")
    assert sorted(m.description for m in found) == ["0 -> 1", "0.0 -> 1.0"]


def test_sampling_is_deterministic_and_bounded() -> None:
    found = mutants.mutants_of("stage", STAGE)
    first = mutants.sample(found, 3, 7, "stage")
    assert len(first) == 3
    assert first == mutants.sample(found, 3, 7, "stage")
    assert [m.site for m in first] == sorted(m.site for m in first)
    assert mutants.sample(found, 100, 7, "stage") == found


def test_round_trip_keeps_the_tree() -> None:
    assert ast.dump(ast.parse(mutants.round_trip(STAGE))) == ast.dump(ast.parse(STAGE))


def test_outcomes() -> None:
    assert mutants.RunResult(1, 0, 1.0, False, "").outcome == mutants.CAUGHT
    assert mutants.RunResult(2, 0, 1.0, False, "").outcome == mutants.CAUGHT
    assert mutants.RunResult(None, 0, 9.0, True, "").outcome == mutants.CAUGHT
    assert mutants.RunResult(0, 4, 1.0, False, "").outcome == mutants.SURVIVED
    assert mutants.RunResult(0, 0, 1.0, False, "").outcome == mutants.NOT_RUN
    assert mutants.RunResult(5, 0, 1.0, False, "").outcome == mutants.NOT_RUN


def test_stage_modules_leave_out_the_generated_plumbing(tmp_path: Path) -> None:
    package = toy_package(tmp_path, STRONG_TESTS)
    assert mutants.stage_modules(package) == [Path("src/toy/stage.py")]


def test_strong_tests_catch_every_mutant_weak_ones_do_not(tmp_path: Path) -> None:
    strong = mutants.measure(toy_package(tmp_path / "strong", STRONG_TESTS), timeout=60)
    assert strong.count(mutants.SURVIVED) == 0
    assert strong.count(mutants.CAUGHT) == len(mutants.mutants_of("stage", STAGE))
    weak = mutants.measure(toy_package(tmp_path / "weak", WEAK_TESTS), timeout=60)
    assert weak.count(mutants.SURVIVED) > weak.count(mutants.CAUGHT)
    assert "survivors" in mutants.render(weak)
    assert (tmp_path / "weak" / "src" / "toy" / "stage.py").read_text() == STAGE


def test_a_failing_suite_is_refused(tmp_path: Path) -> None:
    package = toy_package(tmp_path, "def test_no() -> None:\n    assert False\n")
    with pytest.raises(mutants.MeasurementError, match="do not pass"):
        mutants.measure(package, timeout=60)
