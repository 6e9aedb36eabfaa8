#!/usr/bin/env python3
"""Which notebook code cells IPython accepts: the oracle of nb2prod's IPythonTransformConformanceTest.

Usage:
  python3 ipython_accepts.py --batch NB...   one JSON line per code cell of each notebook:
                                             {"notebook": NB, "index": I, "source": S, "accepted": bool,
                                              "error": message (when not accepted), "python2": bool}
                                             an unreadable notebook gives {"notebook": NB, "error": message}
  python3 ipython_accepts.py --cells FILE    FILE is a JSON list of {"source": S, ...}: one line per cell,
                                             {"index": I, "source": S, "accepted": ..., ...}

A cell is accepted when IPython's own input transformation
(IPython.core.inputtransformer2.TransformerManager().transform_cell) turns it into Python that CPython compiles
(with top-level await allowed, as IPython compiles cells), and, for the cell magics that run their body as Python
(%%time, %%timeit, %%capture, %%prun), when that body is accepted too (those magics transform and compile it
when they run). "python2" marks a rejected cell whose error is a Python 2 construct (print or exec statements,
`except E, e`, backquotes, `<>`, old octal literals, ur'' strings).

The source of a cell is its `source` (nbformat 4) or `input` (nbformat 3), a list joined with ""; the index counts
all cells of all worksheets. Standard library and IPython only.
"""

import ast
import json
import re
import sys
import warnings

from IPython.core.inputtransformer2 import TransformerManager

PYTHON_CELL_MAGICS = ("time", "timeit", "capture", "prun")
PYTHON2 = re.compile(r"^\s*(print|exec)\b\s*[^\s(=.,)\]}]|\bexcept\b[^:#]*,[^:#]*:|`|<>|\b0[0-7]+\b|\bu?r?ur['\"]")


def check(source, depth=0):
    """None when IPython accepts the cell, else the error message."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = TransformerManager().transform_cell(source)
            tree = compile(code, "<cell>", "exec", flags=ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
                           dont_inherit=True)
            compile(tree, "<cell>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    except SyntaxError as e:
        return "%s: %s (line %s)" % (type(e).__name__, e.msg, e.lineno)
    except Exception as e:  # the transformation itself failed (tokenizer errors, the 500-transform limit)
        return "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
    body = _python_cell_magic_body(tree)
    if body is not None and depth < 20:
        error = check(body, depth + 1)
        if error is not None:
            return "in the cell magic's body: " + error
    return None


def _python_cell_magic_body(tree):
    """The body of get_ipython().run_cell_magic(NAME, LINE, BODY) for a Python cell magic, else None."""
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
        return None
    call = tree.body[0].value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            and call.func.attr == "run_cell_magic" and len(call.args) == 3
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args)):
        return None
    return call.args[2].value if call.args[0].value in PYTHON_CELL_MAGICS else None


def python2(source, error):
    if "Missing parentheses in call to" in error:
        return True
    match = re.search(r"\(line (\d+)\)$", error)
    if not match:
        return False
    lines = source.splitlines()
    number = int(match.group(1))
    return 1 <= number <= len(lines) and PYTHON2.search(lines[number - 1]) is not None


def row(index, source):
    out = {"index": index}
    if isinstance(source, list):
        source = "".join(s for s in source if isinstance(s, str))
    if not isinstance(source, str):
        source = ""
    out["source"] = source
    error = check(source)
    out["accepted"] = error is None
    if error is not None:
        out["error"] = error
        out["python2"] = python2(source, error)
    return out


def code_cells(path):
    with open(path, encoding="utf-8-sig") as f:
        nb = json.load(f)
    if not isinstance(nb, dict):
        raise ValueError("not a JSON object")
    if nb.get("nbformat") == 3:
        cells = [c for ws in nb.get("worksheets") or [] if isinstance(ws, dict)
                 for c in (ws.get("cells") or [])]
        key = "input"
    elif nb.get("nbformat") == 4:
        cells = nb.get("cells") or []
        key = "source"
    else:
        raise ValueError("nbformat %r is not 3 or 4" % (nb.get("nbformat"),))
    return [(i, c.get(key)) for i, c in enumerate(cells) if isinstance(c, dict) and c.get("cell_type") == "code"]


def write(obj):
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def main(argv):
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    if len(argv) >= 3 and argv[1] == "--batch":
        for path in argv[2:]:
            try:
                cells = code_cells(path)
            except (OSError, ValueError) as e:
                write({"notebook": path, "error": str(e).splitlines()[0] if str(e) else type(e).__name__})
                continue
            for index, source in cells:
                line = {"notebook": path}
                line.update(row(index, source))
                write(line)
        return 0
    if len(argv) == 3 and argv[1] == "--cells":
        with open(argv[2], encoding="utf-8") as f:
            cells = json.load(f)
        for index, cell in enumerate(cells):
            write(row(index, cell["source"]))
        return 0
    sys.stderr.write("usage: ipython_accepts.py --batch NOTEBOOK... | --cells FILE.json\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
