#!/usr/bin/env python3
"""Mutation testing of a package written by ``nb2prod extract`` (standard library only).

How much of the notebook's code do the generated tests really check?  This script changes the
code of the stage modules one small edit at a time (a *mutant*) and runs the package's tests on
each mutant.  A mutant the tests notice is *caught*; one they let through *survived*: the tests
would not have noticed that bug either.

Usage::

    python3 bench/mutants.py PACKAGE_DIR [--max-per-module N] [--seed S] [--timeout SECONDS]
                             [--json OUT] [--python PATH]

Stage modules are ``src/<pkg>/*.py`` except ``__init__``, ``__main__``, ``config``, ``pipeline``,
``artifacts``, ``monitoring``, ``drift`` and ``contracts`` (the code nb2prod writes around the
notebook's code).  Three mutation operators, each applied at one place at a time:

``delete``   a statement inside a function body becomes ``pass`` (docstrings, ``return``,
             ``pass`` itself, ``logger.info(...)``-style log calls, which change no result,
             and deletions that do not compile are skipped);
``compare``  one comparison operator flips: ``<``/``>=``, ``>``/``<=``, ``==``/``!=``,
             ``is``/``is not``, ``in``/``not in``;
``number``   one int or float literal doubles (``0`` becomes ``1``; booleans are left alone).

The mutated module is written back with ``ast.unparse`` (comments and layout are lost, which does
not change behaviour).  To be sure of that, the tests first run once with every stage module
unparsed but unmutated; a module whose round trip makes the tests fail is reported as "not
measurable" and gets no mutants.  At most N mutants per module (default 30) are drawn with a
fixed seed, so the same package and options always give the same mutants.

Each run happens in a private copy of the package (made once; the mutated file is swapped in and
restored) with ``python -m pytest -q -x -p no:cacheprovider``, bytecode caching off:

* caught     pytest exits with 1 (a test failed) or 2 (collection or import error), or the run
             exceeds the timeout (default 120 s);
* survived   pytest exits with 0 and at least one test passed;
* not run    no test ran (exit 5, or everything was skipped) or pytest itself broke (exit 3, 4).

The score is caught / (caught + survived).  The unmutated suite must pass first, otherwise the
score is meaningless and the script stops (exit code 2).  The interpreter is ``--python``, else
the environment variable ``NB2PROD_TEST_PYTHON``, else the one running this script; it needs
pytest and the package's dependencies.

Output: one row per module and operator (caught/total), the overall percentage, then every
survivor (``module:line operator description``) so a reader sees what the tests miss.
``--json OUT`` writes every mutant with its outcome.  Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

NOT_STAGE_MODULES = frozenset({
    "__init__", "__main__", "config", "pipeline", "artifacts", "monitoring", "drift", "contracts",
})
OPERATORS = ("delete", "compare", "number")
CAUGHT, SURVIVED, NOT_RUN = "caught", "survived", "not run"

FLIPPED_COMPARISONS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.GtE, ast.GtE: ast.Lt,
    ast.Gt: ast.LtE, ast.LtE: ast.Gt,
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot, ast.IsNot: ast.Is,
    ast.In: ast.NotIn, ast.NotIn: ast.In,
}
COMPARISON_SYMBOLS: dict[type[ast.cmpop], str] = {
    ast.Lt: "<", ast.GtE: ">=", ast.Gt: ">", ast.LtE: "<=", ast.Eq: "==", ast.NotEq: "!=",
    ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in",
}
LOGGER_NAMES = frozenset({"logger", "logging", "log"})
PASSED = re.compile(r"(\d+) passed")
DESCRIPTION_WIDTH = 72


class MeasurementError(Exception):
    """The package cannot be measured (no stage module, or its tests do not pass unmutated)."""


@dataclass(frozen=True)
class Mutant:
    """One small edit of one stage module."""

    module: str
    site: int
    line: int
    operator: str
    description: str
    source: str = field(repr=False, compare=False)


@dataclass(frozen=True)
class RunResult:
    """What one pytest run did."""

    exit_code: int | None
    passed: int
    seconds: float
    timed_out: bool
    tail: str

    @property
    def outcome(self) -> str:
        """caught, survived or not run (see the module docstring)."""
        if self.timed_out or self.exit_code in (1, 2):
            return CAUGHT
        if self.exit_code == 0 and self.passed > 0:
            return SURVIVED
        return NOT_RUN

    def summary(self) -> str:
        """The last line pytest printed, or the timeout."""
        if self.timed_out:
            return f"timed out after {self.seconds:.0f} s"
        lines = self.tail.strip().splitlines()
        return lines[-1] if lines else f"exit {self.exit_code}"


@dataclass
class Report:
    """Every mutant of one package and what the tests made of it."""

    package: str
    baseline: str
    modules: dict[str, str] = field(default_factory=dict)
    sites: dict[str, dict[str, int]] = field(default_factory=dict)
    results: list[tuple[Mutant, RunResult]] = field(default_factory=list)

    def count(self, outcome: str, module: str | None = None, operator: str | None = None) -> int:
        """How many mutants of the module and operator (None: any) had the outcome."""
        return sum(
            1 for mutant, result in self.results
            if result.outcome == outcome
            and module in (None, mutant.module)
            and operator in (None, mutant.operator)
        )

    def to_json(self) -> dict[str, object]:
        """The report as JSON-ready data."""
        return {
            "package": self.package,
            "baseline": self.baseline,
            "modules": self.modules,
            "sites": self.sites,
            "caught": self.count(CAUGHT),
            "survived": self.count(SURVIVED),
            "not_run": self.count(NOT_RUN),
            "mutants": [
                {
                    **{k: v for k, v in asdict(mutant).items() if k != "source"},
                    "outcome": result.outcome,
                    "seconds": round(result.seconds, 1),
                    "pytest": result.summary(),
                }
                for mutant, result in self.results
            ],
        }


# ---------------------------------------------------------------- mutation sites

@dataclass(frozen=True)
class Site:
    """A place in a module's tree where one operator applies; apply() edits the tree."""

    operator: str
    line: int
    description: str
    apply: Callable[[], None]


def shorten(text: str) -> str:
    """The first line of text, cut to DESCRIPTION_WIDTH characters."""
    lines = text.strip().splitlines() or [""]
    first = lines[0] + (" ..." if len(lines) > 1 else "")
    return first if len(first) <= DESCRIPTION_WIDTH else first[: DESCRIPTION_WIDTH - 3] + "..."


def is_bare_string(statement: ast.stmt) -> bool:
    """True for a docstring or any other string expression standing alone."""
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def is_log_call(statement: ast.stmt) -> bool:
    """True for ``logger.info(...)``, ``logging.warning(...)`` and the like standing alone."""
    if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)):
        return False
    function = statement.value.func
    return (
        isinstance(function, ast.Attribute)
        and isinstance(function.value, ast.Name)
        and function.value.id in LOGGER_NAMES
    )


def deletion_site(body: list[ast.stmt], index: int) -> Site | None:
    """Replacing body[index] with pass, unless it is a docstring, return, pass or log call."""
    statement = body[index]
    if isinstance(statement, (ast.Return, ast.Pass)) or is_bare_string(statement):
        return None
    if is_log_call(statement):
        return None  # only changes what is logged: no test of results can see it

    def apply() -> None:
        body[index] = ast.copy_location(ast.Pass(), statement)

    return Site("delete", statement.lineno, f"delete `{shorten(ast.unparse(statement))}`", apply)


def comparison_site(node: ast.Compare, index: int) -> Site:
    """Flipping the index-th operator of a comparison."""
    old = type(node.ops[index])
    new = FLIPPED_COMPARISONS[old]

    def apply() -> None:
        node.ops[index] = new()

    text = shorten(ast.unparse(node))
    description = f"`{COMPARISON_SYMBOLS[old]}` -> `{COMPARISON_SYMBOLS[new]}` in `{text}`"
    return Site("compare", node.lineno, description, apply)


def number_site(node: ast.Constant) -> Site:
    """Doubling a numeric literal (0 becomes 1)."""
    old = node.value
    new = type(old)(1) if old == 0 else old * 2

    def apply() -> None:
        node.value = new

    return Site("number", node.lineno, f"{old!r} -> {new!r}", apply)


def collect_sites(tree: ast.Module) -> list[Site]:
    """Every mutation site of the module, in a fixed order (the order of the source)."""
    sites: list[Site] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for name, value in ast.iter_fields(node):
            if in_function and name in ("body", "orelse", "finalbody") and isinstance(value, list):
                for index, child in enumerate(value):
                    if isinstance(child, ast.stmt):
                        site = deletion_site(value, index)
                        if site is not None:
                            sites.append(site)
            if name in ("returns", "annotation"):
                continue  # type hints are not behaviour
            children = value if isinstance(value, list) else [value]
            for child in children:
                if isinstance(child, ast.AST):
                    visit_node(child, in_function)

    def visit_node(node: ast.AST, in_function: bool) -> None:
        if isinstance(node, ast.Compare):
            sites.extend(comparison_site(node, index) for index in range(len(node.ops)))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, (int, float))
            and not isinstance(node.value, bool)
        ):
            sites.append(number_site(node))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                visit_node(decorator, in_function)
            visit_node(node.args, in_function)
            body = ast.Module(body=node.body, type_ignores=[])
            visit(body, True)
            return
        visit(node, in_function)

    visit(tree, False)
    return sites


def mutants_of(module: str, source: str) -> list[Mutant]:
    """Every mutant of the module that compiles, in source order."""
    count = len(collect_sites(ast.parse(source)))
    mutants = []
    for index in range(count):
        tree = ast.parse(source)
        site = collect_sites(tree)[index]
        site.apply()
        ast.fix_missing_locations(tree)
        mutated = ast.unparse(tree) + "\n"
        try:
            compile(mutated, f"{module}.py", "exec")
        except (SyntaxError, ValueError):
            continue
        mutants.append(Mutant(module, index, site.line, site.operator, site.description, mutated))
    return mutants


def sample(mutants: list[Mutant], limit: int, seed: int, module: str) -> list[Mutant]:
    """At most limit mutants, the same ones for the same seed and module, in source order."""
    if len(mutants) <= limit:
        return mutants
    chosen = random.Random(f"{seed}:{module}").sample(range(len(mutants)), limit)
    return [mutants[i] for i in sorted(chosen)]


def round_trip(source: str) -> str:
    """The module as ast.unparse writes it, with no mutation."""
    return ast.unparse(ast.parse(source)) + "\n"


# ---------------------------------------------------------------- running the tests

def stage_modules(package_dir: Path) -> list[Path]:
    """The stage modules of the package, relative to package_dir, sorted."""
    found = []
    for init in sorted((package_dir / "src").glob("*/__init__.py")):
        for module in sorted(init.parent.glob("*.py")):
            if module.stem not in NOT_STAGE_MODULES:
                found.append(module.relative_to(package_dir))
    return found


class Suite:
    """A private copy of the package in which the tests run, one module swapped at a time."""

    def __init__(self, package_dir: Path, workdir: Path, python: str, timeout: float) -> None:
        self.root = workdir / "package"
        shutil.copytree(
            package_dir, self.root,
            ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache", "*.pyc"),
        )
        self.python = python
        self.timeout = timeout
        self.env = dict(os.environ)
        self.env["PYTHONDONTWRITEBYTECODE"] = "1"  # a stale .pyc must never hide a mutant
        self.env["MPLBACKEND"] = "Agg"
        self.env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(self.root / "src"), os.environ.get("PYTHONPATH")]))

    def run(self) -> RunResult:
        """Runs pytest once in the copy."""
        command = [self.python, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"]
        start = time.monotonic()
        process = subprocess.Popen(
            command, cwd=self.root, env=self.env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True,
        )
        try:
            output, _ = process.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return RunResult(None, 0, time.monotonic() - start, True, "")
        tail = output[-2000:]
        lines = tail.strip().splitlines()
        passed = PASSED.search(lines[-1]) if lines else None
        return RunResult(process.returncode, int(passed.group(1)) if passed else 0,
                         time.monotonic() - start, False, tail)

    @contextmanager
    def swapped(self, files: dict[Path, str]) -> Iterator[None]:
        """The copy with the given files (relative paths) replaced, restored afterwards."""
        saved = {path: (self.root / path).read_bytes() for path in files}
        try:
            for path, text in files.items():
                (self.root / path).write_text(text, encoding="utf-8")
            yield
        finally:
            for path, data in saved.items():
                (self.root / path).write_bytes(data)


def log(message: str) -> None:
    """Progress, on stderr."""
    print(message, file=sys.stderr, flush=True)


def default_python() -> str:
    """NB2PROD_TEST_PYTHON, else the interpreter running this script."""
    return os.environ.get("NB2PROD_TEST_PYTHON") or sys.executable


def measure(package_dir: Path, max_per_module: int = 30, seed: int = 0, timeout: float = 120.0,
            python: str | None = None) -> Report:
    """Runs the unmutated suite, the round-trip check, then every sampled mutant."""
    package_dir = package_dir.resolve()
    modules = stage_modules(package_dir)
    if not modules:
        raise MeasurementError(f"{package_dir}: no stage module under src/<package>/")
    with tempfile.TemporaryDirectory(prefix="nb2prod-mutants-") as workdir:
        suite = Suite(package_dir, Path(workdir), python or default_python(), timeout)
        baseline = suite.run()
        if baseline.outcome != SURVIVED:
            raise MeasurementError(
                f"{package_dir}: the unmutated tests do not pass ({baseline.summary()}), "
                "so a mutation score would mean nothing")
        log(f"baseline: {baseline.summary()}")
        report = Report(str(package_dir), baseline.summary())
        sources = {path: (package_dir / path).read_text(encoding="utf-8") for path in modules}
        unparsed = {path: round_trip(source) for path, source in sources.items()}
        with suite.swapped(unparsed):
            all_round_trip = suite.run().outcome == SURVIVED  # one run when all is well
        for path, source in sources.items():
            name = path.stem
            if not all_round_trip:
                with suite.swapped({path: unparsed[path]}):
                    check = suite.run()
                if check.outcome != SURVIVED:
                    report.modules[name] = f"not measurable: unparsed, {check.summary()}"
                    log(f"{name}: not measurable ({check.summary()})")
                    continue
            every = mutants_of(name, source)
            report.sites[name] = {op: sum(m.operator == op for m in every) for op in OPERATORS}
            chosen = sample(every, max_per_module, seed, name)
            report.modules[name] = f"{len(chosen)} of {len(every)} mutants"
            for number, mutant in enumerate(chosen, 1):
                with suite.swapped({path: mutant.source}):
                    result = suite.run()
                report.results.append((mutant, result))
                log(f"  [{name} {number}/{len(chosen)}] line {mutant.line} {mutant.operator} "
                    f"{mutant.description}: {result.outcome} ({result.seconds:.1f} s)")
    return report


# ---------------------------------------------------------------- output

def percent(caught: int, survived: int) -> str:
    """caught / (caught + survived) as a percentage, or '-' when nothing was measured."""
    total = caught + survived
    return f"{100.0 * caught / total:.1f}%" if total else "-"


def cell(report: Report, module: str | None, operator: str | None) -> str:
    """caught/measured for a table cell."""
    caught = report.count(CAUGHT, module, operator)
    measured = caught + report.count(SURVIVED, module, operator)
    return f"{caught}/{measured}"


def render(report: Report) -> str:
    """The table, the overall score and the survivors, as text."""
    names = list(report.modules)
    width = max([len(name) for name in names] + [len("overall")])
    header = f"{'module':<{width}}  " + "  ".join(f"{op:>8}" for op in OPERATORS)
    lines = [f"package: {report.package}", f"baseline: {report.baseline}", "",
             header + f"  {'total':>8}  {'caught':>7}  not run"]
    for name in names + [None]:
        label = name or "overall"
        if name is not None and not report.modules[name][0].isdigit():
            lines.append(f"{label:<{width}}  {report.modules[name]}")
            continue
        row = f"{label:<{width}}  " + "  ".join(f"{cell(report, name, op):>8}" for op in OPERATORS)
        score = percent(report.count(CAUGHT, name), report.count(SURVIVED, name))
        lines.append(row + f"  {cell(report, name, None):>8}  {score:>7}  "
                     f"{report.count(NOT_RUN, name)}")
    caught, survived = report.count(CAUGHT), report.count(SURVIVED)
    lines += ["", f"mutation score: {caught} of {caught + survived} mutants caught "
                  f"({percent(caught, survived)}); {report.count(NOT_RUN)} not run"]
    survivors = [m for m, r in report.results if r.outcome == SURVIVED]
    if survivors:
        lines += ["", "survivors (the tests pass with these bugs):"]
        lines += [f"  {m.module}.py:{m.line}  {m.operator:<7}  {m.description}" for m in survivors]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: measure one package, print the table, optionally write JSON."""
    parser = argparse.ArgumentParser(
        description="Mutation testing of a package written by nb2prod extract.")
    parser.add_argument("package_dir", type=Path, help="the folder nb2prod extract wrote")
    parser.add_argument("--max-per-module", type=int, default=30, metavar="N",
                        help="mutants drawn per stage module at most (default 30)")
    parser.add_argument("--seed", type=int, default=0, help="sampling seed (default 0)")
    parser.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                        help="a pytest run taking longer counts as caught (default 120)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every mutant here")
    parser.add_argument("--python", help="interpreter with pytest and the package's dependencies"
                                         " (default: $NB2PROD_TEST_PYTHON, else this one)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the temporary copy goes away
    if not (args.package_dir / "src").is_dir():
        print(f"mutants: {args.package_dir}: not a package written by nb2prod extract "
              "(no src/ folder)", file=sys.stderr)
        return 2
    try:
        report = measure(args.package_dir, args.max_per_module, args.seed, args.timeout,
                         args.python)
    except MeasurementError as error:
        print(f"mutants: {error}", file=sys.stderr)
        return 2
    print(render(report))
    if args.json:
        args.json.write_text(json.dumps(report.to_json(), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
