#!/usr/bin/env python3
"""Corpus audit of `nb2prod assess`: sample findings per rule into a TSV to be judged by hand.

Precision is measured by reading findings, not by counting them. This script runs
`nb2prod assess DIR --format json`, draws up to K findings per rule (seeded, so the same
corpus, seed and K give the same sample), and writes one TSV row per finding with the code
around it, plus two empty columns, `verdict` and `note`, for the reviewer. docs/precision.md
describes the procedure and holds the result of the last reading.

Commands (Python 3 standard library only; run from the repository root):

    # sample 10 findings per rule (20 for the rules given with --more) into audit.tsv
    python3 bench/audit.py sample /work/shared/corpus -o audit.tsv --per-rule 10 \\
        --more NB201,NB301,NB501,NB502 --more-per-rule 20

    # a fresh sample after a fix: other seed, and skip findings already judged in audit.tsv
    # (same notebook and fingerprint, or same notebook, rule, cell and line)
    python3 bench/audit.py sample /work/shared/corpus -o audit2.tsv --seed 2 --exclude audit.tsv

    # print a cell with line numbers (the cell number is the TSV's `cell`, 1-based)
    python3 bench/audit.py cell "/work/shared/corpus/x+y/nb.ipynb" 12

    # after filling `verdict` with correct / noisy / false (false alarm): the per-rule table
    python3 bench/audit.py summary audit.tsv audit2.tsv

Columns of the TSV: rule, severity, notebook (relative to DIR), cell (1-based), line (inside the
cell source; for findings in an output, "out N:L"), message, context (the offending line marked
with `>`, CONTEXT lines either side, newlines written as `\\n`), verdict, note, fingerprint.

Notebooks under a `runnable/` folder are copies of notebooks elsewhere in the shared corpus and
are skipped unless --include-runnable is given. Notebooks nb2prod cannot read (it says so on
stderr and exits 2) are left out of the sample; the rest of the report is used.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

COLUMNS = ["rule", "severity", "notebook", "cell", "line", "message", "context", "verdict", "note",
           "fingerprint"]
VERDICTS = {"correct": "correct", "noisy": "noisy", "false": "false", "false alarm": "false"}


def run_assess(nb2prod: str, corpus: Path) -> dict:
    """The assess report as JSON; exit codes 1 (findings) and 2 (unreadable notebooks) are fine."""
    done = subprocess.run([nb2prod, "assess", str(corpus), "--format", "json"],
                          capture_output=True, text=True, check=False)
    if not done.stdout.strip():
        sys.exit(f"audit: nb2prod assess printed no report (exit {done.returncode}): "
                 f"{done.stderr.strip()[:500]}")
    return json.loads(done.stdout)


def read_cells(path: Path) -> list[dict]:
    """Cells in file order; nbformat 3 worksheets are concatenated, as nb2prod does."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    if "cells" in notebook:
        return notebook["cells"]
    return [cell for sheet in notebook.get("worksheets", []) for cell in sheet.get("cells", [])]


def text_of(value) -> str:
    return "".join(value) if isinstance(value, list) else (value or "")


def cell_source(cell: dict) -> list[str]:
    return text_of(cell.get("source", cell.get("input", ""))).split("\n")


def output_text(output: dict) -> list[str]:
    if "text" in output:
        return text_of(output["text"]).split("\n")
    data = output.get("data", output)
    for kind in ("text/plain", "text", "text/html"):
        if kind in data:
            return text_of(data[kind]).split("\n")
    return text_of(output.get("traceback", [])).split("\n")


def context_lines(lines: list[str], line: int, end_line: int, around: int) -> str:
    first, last = max(1, line - around), min(len(lines), max(line, end_line) + around)
    shown = []
    for number in range(first, last + 1):
        mark = ">" if line <= number <= max(line, end_line) else " "
        shown.append(f"{mark}{number:3d} {lines[number - 1]}")
    return "\\n".join(shown).replace("\t", "\\t")


def notebook_name(path: Path, corpus: Path) -> str:
    resolved = path.resolve()
    return str(resolved.relative_to(corpus)) if resolved.is_relative_to(corpus) else str(path)


def row_of(finding: dict, corpus: Path, around: int) -> dict:
    path = Path(finding["path"])
    try:
        cell = read_cells(path)[finding["cellIndex"]]
        if finding["output"] is None:
            where = str(finding["line"])
            context = context_lines(cell_source(cell), finding["line"], finding["endLine"], around)
        else:
            where = f"out {finding['output']}:{finding['line']}"
            lines = output_text(cell.get("outputs", [])[finding["output"] - 1])
            context = context_lines(lines, finding["line"], finding["line"], around)
    except (OSError, ValueError, IndexError, KeyError) as problem:
        where, context = str(finding["line"]), f"(cannot show: {problem})"
    return {"rule": finding["code"], "severity": finding["severity"],
            "notebook": notebook_name(path, corpus),
            "cell": finding["cellNumber"], "line": where,
            "message": finding["message"].replace("\t", " "), "context": context,
            "verdict": "", "note": "", "fingerprint": finding["fingerprint"]}


def judged_fingerprints(paths: list[str]) -> set[tuple[str, str]]:
    """Keys of judged findings: (notebook, fingerprint) and (notebook, "rule cell:line").

    The second key catches a finding judged before whose message (and so fingerprint) changed.
    """
    seen = set()
    for name in paths:
        with open(name, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                seen.add((row["notebook"], row["fingerprint"]))
                seen.add((row["notebook"], f"{row['rule']} {row['cell']}:{row['line']}"))
    return seen


def is_judged(finding: dict, corpus: Path, seen: set[tuple[str, str]]) -> bool:
    notebook = notebook_name(Path(finding["path"]), corpus)
    where = str(finding["line"]) if finding["output"] is None else \
        f"out {finding['output']}:{finding['line']}"
    return ((notebook, finding["fingerprint"]) in seen
            or (notebook, f"{finding['code']} {finding['cellNumber']}:{where}") in seen)


def sample(args: argparse.Namespace) -> None:
    corpus = Path(args.corpus).resolve()
    report = json.loads(Path(args.json).read_text()) if args.json else run_assess(args.nb2prod, corpus)
    skip = judged_fingerprints(args.exclude)
    rules = set(filter(None, args.rules.split(","))) if args.rules else None
    more = set(filter(None, args.more.split(",")))
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for notebook in report["notebooks"]:
        if not args.include_runnable and "/runnable/" in notebook["path"]:
            continue
        for finding in notebook["findings"]:
            if rules is not None and finding["code"] not in rules:
                continue
            if not is_judged(finding, corpus, skip):
                by_rule[finding["code"]].append(finding)
    rows = []
    for code in sorted(by_rule):
        found = sorted(by_rule[code], key=lambda f: (f["path"], f["cellIndex"], f["line"],
                                                     f["column"], f["fingerprint"]))
        wanted = args.more_per_rule if code in more else args.per_rule
        picked = random.Random(f"{args.seed}:{code}").sample(found, min(wanted, len(found)))
        picked.sort(key=lambda f: (f["path"], f["cellIndex"], f["line"], f["column"]))
        rows.extend(row_of(f, corpus, args.context) for f in picked)
        print(f"{code}: {len(picked)} of {len(found)}", file=sys.stderr)
    with open(args.output, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"audit: {len(rows)} findings written to {args.output}", file=sys.stderr)


def show_cell(args: argparse.Namespace) -> None:
    cell = read_cells(Path(args.notebook))[args.cell - 1]
    count = cell.get("execution_count", cell.get("prompt_number"))
    print(f"# cell {args.cell} ({cell.get('cell_type')}, execution count {count})")
    for number, line in enumerate(cell_source(cell), start=1):
        print(f"{number:4d} {line}")
    if args.outputs:
        for index, output in enumerate(cell.get("outputs", []), start=1):
            print(f"# output {index} ({output.get('output_type')})")
            for number, line in enumerate(output_text(output), start=1):
                print(f"{number:4d} {line}")


def summary(args: argparse.Namespace) -> None:
    counts: dict[str, Counter] = defaultdict(Counter)
    for name in args.tsv:
        with open(name, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                verdict = VERDICTS.get(row["verdict"].strip().lower())
                counts[row["rule"]][verdict or "unjudged"] += 1
    total = Counter()
    print("| rule | sampled | correct | noisy | false alarms | false-alarm rate |")
    print("|---|---|---|---|---|---|")
    for code in sorted(counts):
        c = counts[code]
        judged = c["correct"] + c["noisy"] + c["false"]
        total.update(c)
        rate = f"{100 * c['false'] / judged:.1f}%" if judged else "-"
        print(f"| {code} | {judged} | {c['correct']} | {c['noisy']} | {c['false']} | {rate} |")
    judged = total["correct"] + total["noisy"] + total["false"]
    rate = f"{100 * total['false'] / judged:.1f}%" if judged else "-"
    print(f"| all | {judged} | {total['correct']} | {total['noisy']} | {total['false']} | {rate} |")
    if total["unjudged"]:
        print(f"\n{total['unjudged']} rows have no verdict yet.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    s = commands.add_parser("sample", help="sample findings per rule into a TSV")
    s.add_argument("corpus", help="folder of notebooks to assess")
    s.add_argument("-o", "--output", default="audit.tsv")
    s.add_argument("--per-rule", type=int, default=10, help="findings per rule (default 10)")
    s.add_argument("--more", default="", help="comma-separated rules to sample more of")
    s.add_argument("--more-per-rule", type=int, default=20)
    s.add_argument("--rules", default="", help="comma-separated rules to sample (default all)")
    s.add_argument("--seed", default="1")
    s.add_argument("--context", type=int, default=2, help="lines shown either side (default 2)")
    s.add_argument("--exclude", action="append", default=[], help="TSV of findings already judged")
    s.add_argument("--nb2prod", default="./nb2prod")
    s.add_argument("--json", help="use this saved assess JSON report instead of running nb2prod")
    s.add_argument("--include-runnable", action="store_true")
    s.set_defaults(run=sample)
    c = commands.add_parser("cell", help="print a cell with line numbers")
    c.add_argument("notebook")
    c.add_argument("cell", type=int, help="cell number, 1-based")
    c.add_argument("--outputs", action="store_true", help="print its outputs too")
    c.set_defaults(run=show_cell)
    m = commands.add_parser("summary", help="per-rule table of judged TSVs")
    m.add_argument("tsv", nargs="+")
    m.set_defaults(run=summary)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
