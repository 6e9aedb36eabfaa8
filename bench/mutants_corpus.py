#!/usr/bin/env python3
"""Mutation testing of the packages extracted from the runnable corpus (standard library only).

For each notebook listed in RUNNABLE.txt (lines ``runnable/<repo>/<path>.ipynb<TAB>seconds``,
paths relative to the file's folder), in file order:

1. ``nb2prod extract NOTEBOOK -o TMP --force`` (the package's tests read the samples nb2prod
   copied into ``tests/fixtures/``; nothing is pointed elsewhere);
2. the package's tests run once unmutated: a package whose tests do not pass out of the box is
   counted as "tests fail" and gets no mutants;
3. ``bench/mutants.py`` measures it with a small sample (default 10 mutants per stage module).

Usage::

    python3 bench/mutants_corpus.py [--limit K] [--budget MINUTES] [--fastest]
                                    [--max-per-module N] [--seed S] [--timeout SECONDS]
                                    [--json OUT] [--corpus DIR] [--nb2prod PATH] [--python PATH]

``--limit K`` takes the first K notebooks (``--fastest``: the K that ran quickest);
``--budget MINUTES`` starts no new notebook once that much wall time has passed.  Prints one
line per notebook, then the aggregate: packages measured, mutants, caught %, per operator, and
the CPU time the test runs took.  The machine is shared: run it under ``nice -n 10``.
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import mutants  # noqa: E402  (the sibling script, importable once bench/ is on the path)

REPOSITORY = Path(__file__).resolve().parent.parent


@dataclass
class Entry:
    """One notebook of the corpus and what happened to it."""

    notebook: str
    status: str
    seconds: float
    report: mutants.Report | None = None


def runnable_notebooks(listing: Path, fastest_first: bool = False) -> list[Path]:
    """The notebooks RUNNABLE.txt names, resolved against its folder, in file order or by the
    seconds the notebook took to run (second column), quickest first."""
    rows = []
    for line in listing.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            seconds = float(fields[1]) if len(fields) > 1 and fields[1].strip() else 0.0
            rows.append((seconds, listing.parent / fields[0].strip()))
    if fastest_first:
        rows.sort(key=lambda row: row[0])  # stable: ties keep the file order
    return [path for _, path in rows]


def extract(nb2prod: Path, notebook: Path, target: Path) -> str | None:
    """Runs nb2prod extract; None when it worked, else its last line of output."""
    done = subprocess.run(
        [str(nb2prod), "extract", str(notebook), "-o", str(target), "--force"],
        capture_output=True, text=True, check=False,
    )
    if done.returncode == 0:
        return None
    lines = (done.stderr or done.stdout).strip().splitlines()
    return lines[-1] if lines else f"exit {done.returncode}"


def children_cpu() -> float:
    """CPU seconds (user + system) used so far by finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure_notebook(notebook: Path, args: argparse.Namespace) -> Entry:
    """Extracts one notebook and measures its package."""
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="nb2prod-corpus-") as folder:
        package = Path(folder) / "package"
        refused = extract(args.nb2prod, notebook, package)
        if refused is not None:
            reason = refused.rsplit(": ", 1)[-1]  # the line names the notebook: keep the why
            return Entry(str(notebook), f"extract refused: {reason}", time.monotonic() - start)
        try:
            report = mutants.measure(package, args.max_per_module, args.seed, args.timeout,
                                     args.python)
        except mutants.MeasurementError as error:
            reason = str(error).split(": ", 1)[-1]
            return Entry(str(notebook), f"not measured: {reason}", time.monotonic() - start)
    return Entry(str(notebook), "measured", time.monotonic() - start, report)


def score_line(entry: Entry) -> str:
    """One line per notebook."""
    name = Path(entry.notebook).name
    if entry.report is None:
        return f"{name:<52} {entry.seconds:6.0f} s  {entry.status}"
    report = entry.report
    caught, survived = report.count(mutants.CAUGHT), report.count(mutants.SURVIVED)
    unmeasurable = sum(1 for text in report.modules.values() if text.startswith("not"))
    extra = f", {unmeasurable} module(s) not measurable" if unmeasurable else ""
    return (f"{name:<52} {entry.seconds:6.0f} s  {caught}/{caught + survived} caught "
            f"({mutants.percent(caught, survived)}){extra}")


def aggregate(entries: list[Entry], cpu: float, wall: float) -> str:
    """Packages measured, mutants, caught %, per operator."""
    reports = [e.report for e in entries if e.report is not None]
    measured = [r for r in reports if r.count(mutants.CAUGHT) + r.count(mutants.SURVIVED)]

    def total(outcome: str, operator: str | None = None) -> int:
        return sum(r.count(outcome, None, operator) for r in reports)

    lines = [
        "",
        f"notebooks tried: {len(entries)}; packages measured: {len(measured)}; "
        f"tests fail out of the box: {sum(e.status.startswith('not measured') for e in entries)}; "
        f"extract refused: {sum(e.status.startswith('extract') for e in entries)}",
    ]
    for operator in (*mutants.OPERATORS, None):
        caught, survived = total(mutants.CAUGHT, operator), total(mutants.SURVIVED, operator)
        lines.append(f"  {operator or 'all':<8} {caught:>4}/{caught + survived:<4} caught "
                     f"({mutants.percent(caught, survived)})")
    lines.append(f"mutants not run: {total(mutants.NOT_RUN)}; "
                 f"wall time {wall / 60:.1f} min; CPU of the runs {cpu / 60:.1f} min")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so temporary folders go away
    parser = argparse.ArgumentParser(description="Mutation testing over the runnable corpus.")
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"),
                        help="folder holding RUNNABLE.txt (default /work/shared/corpus)")
    parser.add_argument("--limit", type=int, metavar="K", help="only the first K notebooks")
    parser.add_argument("--fastest", action="store_true",
                        help="take the notebooks that ran quickest first (RUNNABLE.txt seconds)")
    parser.add_argument("--budget", type=float, metavar="MINUTES",
                        help="start no new notebook after this much wall time")
    parser.add_argument("--max-per-module", type=int, default=10, metavar="N",
                        help="mutants drawn per stage module at most (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="sampling seed (default 0)")
    parser.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                        help="a pytest run taking longer counts as caught (default 120)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every mutant here")
    parser.add_argument("--nb2prod", type=Path, default=REPOSITORY / "nb2prod",
                        help="the nb2prod launcher (default: this checkout's ./nb2prod)")
    parser.add_argument("--python", help="interpreter with pytest, pandas, sklearn... "
                                         "(default: $NB2PROD_TEST_PYTHON, else this one)")
    args = parser.parse_args(argv)
    listing = args.corpus / "RUNNABLE.txt"
    if not listing.is_file():
        print(f"mutants_corpus: {listing}: no such file", file=sys.stderr)
        return 2
    notebooks = runnable_notebooks(listing, args.fastest)[: args.limit]
    start, cpu_before = time.monotonic(), children_cpu()
    entries: list[Entry] = []
    for number, notebook in enumerate(notebooks, 1):
        if args.budget is not None and time.monotonic() - start > args.budget * 60:
            print(f"budget of {args.budget:g} min used: stopping before {notebook.name}",
                  file=sys.stderr)
            break
        mutants.log(f"[{number}/{len(notebooks)}] {notebook}")
        entry = measure_notebook(notebook, args)
        entries.append(entry)
        print(score_line(entry), flush=True)
    print(aggregate(entries, children_cpu() - cpu_before, time.monotonic() - start))
    if args.json:
        data = [{"notebook": e.notebook, "status": e.status, "seconds": round(e.seconds, 1),
                 "report": e.report.to_json() if e.report else None} for e in entries]
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
