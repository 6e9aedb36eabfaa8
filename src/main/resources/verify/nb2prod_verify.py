"""nb2prod verify helper: runs a notebook and its generated package, then compares what they produce.

Shipped inside nb2prod and run with the user's interpreter. It imports only the standard library at module
level; pandas, numpy, scikit-learn, matplotlib, nbclient are imported lazily, only when the values or the
notebook need them.

Modes (every mode writes only into its OUT_DIR, and into the folders the notebook or package write themselves):
  run-notebook NOTEBOOK PLAN_JSON OUT_DIR
      runs the notebook's code cells top to bottom in the notebook's folder (through nbclient when it and
      ipykernel are importable, else as a script with magics removed) and captures what PLAN_JSON asks for:
      {"results": [{"name", "kind", "cell", "source", "file"}]} (the results of the package's nb2prod.json), each
      captured right after its cell ran: the variable `source`, else the value the cell displays (IPython's
      Out[n]); for a figure, how many images the cell shows. Or the older form {"terminals": [...], "extra": [...]}:
      the named variables at the end of the notebook.
  run-package PACKAGE_DIR DATA_ROOT OUT_DIR [NB_OUT]
      imports <pkg>.config and <pkg>.pipeline from PACKAGE_DIR/src, loads PACKAGE_DIR/config.yaml with the
      overrides data_root=DATA_ROOT (and output_root=OUT_DIR/outputs when the configuration has that key),
      calls run_pipeline(config) in an empty working directory and captures the returned dict (a returned path of
      a file the package wrote is recorded with the file)
  package-outputs PACKAGE_DIR
      prints the names run_pipeline returns (the keys of the dict literals it returns) as a JSON list; the notebook
      run captures them besides its terminal values (the older form only)
  compare NB_OUT PKG_OUT TOLERANCE
      prints a JSON report: {"artifacts": [{"name", "kind", "status": same|weak|different|missing, "detail",
      "file"}], "notes": []}. PKG_OUT may be a second run of the notebook (its reproducibility).

Run modes write OUT_DIR/status.json: {"ok": true} or {"ok": false, "error": ..., "missing_module": ...}
and OUT_DIR/manifest.json describing the captured artifacts and written files.
"""

import hashlib
import json
import math
import os
import pickle
import re
import shutil
import sys
import traceback

MAX_COPIED_FILE = 200 * 1024 * 1024
SKIPPED_DIRS = {".ipynb_checkpoints", "__pycache__", ".git"}
X_NAMES = ("X_test", "x_test", "X_val", "X_valid", "X_holdout", "X", "X_train", "x_train")
PREDICTION_ROWS = 200
# files compared by existence only, as figures are
FIGURE_FILE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".pdf", ".gif")
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


# ---------------------------------------------------------------------------------------------- capture


def _type_name(value):
    cls = type(value)
    return cls.__module__ + "." + cls.__qualname__ if cls.__module__ != "builtins" else cls.__qualname__


def _is_estimator(value):
    return (not isinstance(value, type)) and hasattr(value, "get_params") and hasattr(value, "fit")


def _is_figure(value):
    module = type(value).__module__ or ""
    if module.startswith("matplotlib.") or module.startswith("seaborn."):
        return True
    if type(value).__name__ == "ndarray" and getattr(value, "dtype", None) is not None and value.dtype == object:
        return value.size > 0 and all(_is_figure(v) for v in value.flat)
    return False


def _kind(value):
    import types

    if isinstance(value, types.ModuleType):
        return "module"
    if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, type, types.MethodType)):
        return "code"
    if _is_figure(value):
        return "figure"
    name = type(value).__name__
    module = type(value).__module__ or ""
    if module.startswith("pandas") and name == "DataFrame":
        return "frame"
    if module.startswith("pandas") and name == "Series":
        return "series"
    if module.startswith("numpy") and name in ("ndarray", "recarray"):
        return "array"
    if _is_estimator(value):
        return "estimator"
    if isinstance(value, bool):
        return "other"
    if isinstance(value, float) or (module.startswith("numpy") and hasattr(value, "dtype") and value.dtype.kind == "f"):
        return "number"
    if isinstance(value, int) or (module.startswith("numpy") and hasattr(value, "dtype") and value.dtype.kind in "iu"):
        return "integer"
    if isinstance(value, dict):
        return "dict"
    return "other"


# kinds that look like results: a notebook terminal of such a kind that the package does not return is missing
RESULT_KINDS = {"frame", "series", "array", "estimator", "number", "dict"}


def capture_value(value, out_dir, file_name):
    """The manifest entry of one value, pickled into out_dir/file_name when it can be."""
    kind = _kind(value)
    entry = {"kind": kind, "type": _type_name(value)}
    if kind in ("module", "code", "figure"):
        return entry
    path = os.path.join(out_dir, file_name)
    try:
        with open(path, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        entry["pickle"] = file_name
    except Exception as error:  # noqa: BLE001 - anything that cannot be pickled is recorded, not fatal
        entry["unpicklable"] = "%s (%s)" % (_type_name(value), type(error).__name__)
        try:
            os.remove(path)
        except OSError:
            pass
    return entry


def capture(namespace, names, out_dir):
    """Pickles namespace[name] for each name into out_dir; returns the manifest entries."""
    os.makedirs(out_dir, exist_ok=True)
    entries = {}
    for index, name in enumerate(names):
        if name not in namespace:
            entries[name] = {"kind": "undefined"}
            continue
        entries[name] = capture_value(namespace[name], out_dir, "artifact_%d.pkl" % index)
    return entries


# ------------------------------------------------------------------------------------ results at their cell

# nb2prod.json kinds with nothing to capture in the notebook: the package saves them (model files) or the
# notebook writes them (files, compared as written files)
UNCAPTURED_RESULTS = ("model_file", "file")
_X_LIKE = re.compile(r"^[Xx]_(test|val|valid|validation|holdout|eval)\w*$")
MAX_SAMPLES = 4


def captures_by_cell(results):
    """{cell index: [dict(result, position=its index in results)]}: what to capture right after each cell."""
    by_cell = {}
    for position, result in enumerate(results):
        if result.get("kind") in UNCAPTURED_RESULTS:
            continue
        by_cell.setdefault(int(result.get("cell", -1)), []).append(dict(result, position=position))
    return by_cell


def capture_cell(namespace, specs, out_dir, execution_count):
    """Called in the kernel right after a cell ran (nbclient runner): captures the cell's value results. The value
    the cell displays is IPython's Out[execution_count], read without displaying anything."""
    history = namespace.get("_oh")
    if not isinstance(history, dict):
        history = namespace.get("Out") if isinstance(namespace.get("Out"), dict) else {}
    shown = (True, history[execution_count]) if execution_count is not None and execution_count in history \
        else (False, None)
    capture_results(namespace, specs, out_dir, shown, None)


def capture_results(namespace, specs, out_dir, shown, images, contents=None):
    """Captures the results of one cell into out_dir/captures/cell_N.json: each value result by its variable
    (`source`) or, with no source, the value the cell displays (`shown`: (True, value) or (False, None)); each
    figure result by the number of images the cell shows (`images`; None: counted by the caller) and what they
    draw (`contents`, when known)."""
    folder = os.path.join(out_dir, "captures")
    os.makedirs(folder, exist_ok=True)
    entries = {}
    cell = None
    for spec in specs:
        cell = int(spec.get("cell", -1))
        if spec.get("kind") == "figure":
            if images is not None:
                entries[spec["name"]] = {"kind": "figure", "images": images, "cell": cell}
                if contents is not None:
                    entries[spec["name"]]["contents"] = contents
            continue
        entries[spec["name"]] = _result_entry(namespace, spec, out_dir, shown)
    if entries:
        _write_json(os.path.join(folder, "cell_%d.json" % cell), entries)


def _result_entry(namespace, spec, out_dir, shown):
    cell = int(spec.get("cell", -1))
    source = spec.get("source") or ""
    if source:
        if source not in namespace:
            return {"kind": "undefined", "cell": cell,
                    "why": "after cell %d the notebook has no variable %s" % (cell + 1, source)}
        value = namespace[source]
    elif shown[0]:
        value = shown[1]
    else:
        return {"kind": "undefined", "cell": cell, "why": "cell %d of the notebook displays no value" % (cell + 1)}
    position = int(spec.get("position", 0))
    entry = capture_value(value, out_dir, "result_%d.pkl" % position)
    entry["cell"] = cell
    if entry["kind"] == "estimator":
        entry["samples"] = _capture_samples(namespace, out_dir, position, value)
    return entry


def _capture_samples(namespace, out_dir, position, model):
    """Up to MAX_SAMPLES frames or arrays of the notebook at the model's cell, their first rows pickled: what the
    notebook's and the package's model predict on. The X_test-like names first, then any frame or array shaped like
    what the model was fitted on (a 1-D array as one column when it was fitted on one feature); those that fit the
    model best first."""
    candidates = [n for n in X_NAMES if n in namespace]
    candidates += sorted(n for n in namespace if _X_LIKE.match(n) and n not in candidates)
    width = getattr(model, "n_features_in_", None)
    if isinstance(width, int):
        candidates += sorted(n for n in namespace if not n.startswith("_") and n not in candidates
                             and _kind(namespace[n]) in ("frame", "array") and _shaped_for(namespace[n], width))
    ranked = []
    for order, name in enumerate(candidates):
        value = namespace[name]
        if _kind(value) not in ("frame", "array") or not getattr(value, "shape", None):
            continue
        try:
            rows = value.iloc[:PREDICTION_ROWS] if hasattr(value, "iloc") else value[:PREDICTION_ROWS]
            if isinstance(width, int) and width == 1 and len(getattr(rows, "shape", ())) == 1 \
                    and not hasattr(rows, "iloc"):
                rows = rows.reshape(-1, 1)
        except Exception:  # noqa: BLE001 - a value that cannot be cut is left out
            continue
        ranked.append((-_fits(model, rows), order, name, rows))
    samples = []
    for _, _, name, rows in sorted(ranked, key=lambda r: (r[0], r[1]))[:MAX_SAMPLES]:
        file_name = "result_%d_x%d.pkl" % (position, len(samples))
        try:
            with open(os.path.join(out_dir, file_name), "wb") as handle:
                pickle.dump(rows, handle, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - a sample that cannot be pickled is left out
            continue
        samples.append({"name": name, "pickle": file_name})
    return samples


def _shaped_for(value, width):
    shape = getattr(value, "shape", ())
    if not isinstance(shape, tuple) or not shape or shape[0] == 0:
        return False
    if len(shape) == 2:
        return shape[1] == width
    kind = getattr(getattr(value, "dtype", None), "kind", "")
    return len(shape) == 1 and width == 1 and bool(kind) and kind in "iuf"


def _finish_results(out_dir, results, extra_entries):
    """Gathers the captures of every cell into the entries of the results, in the order of results."""
    captured = dict(extra_entries)
    folder = os.path.join(out_dir, "captures")
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            captured.update(json.load(handle))
    entries = {}
    for result in results:
        name = result["name"]
        if result.get("kind") in UNCAPTURED_RESULTS:
            continue
        entries[name] = captured.get(name) or {
            "kind": "undefined", "why": "the notebook never reached cell %d" % (int(result.get("cell", -1)) + 1)}
    return entries


def _image_outputs(cell):
    """How many images a cell executed by nbclient shows."""
    count = 0
    for output in cell.get("outputs", []):
        data = output.get("data", {}) if output.get("output_type") in ("display_data", "execute_result") else {}
        if any(key in data for key in ("image/png", "image/jpeg", "image/svg+xml")):
            count += 1
    return count


def _close_figures():
    """The number of open figures that show something and what they draw, all closed afterwards: what the inline
    backend shows and closes at the end of a cell (script runner)."""
    if "matplotlib.pyplot" not in sys.modules:
        return 0, []
    pyplot = sys.modules["matplotlib.pyplot"]
    from matplotlib._pylab_helpers import Gcf

    shown = [manager.canvas.figure for manager in Gcf.get_all_fig_managers()
             if manager.canvas.figure.axes or manager.canvas.figure.lines]
    contents = [figure_content(figure) for figure in shown]
    pyplot.close("all")
    return len(shown), (None if any(c is None for c in contents) else contents)


# the MIME type under which the kernel (nbclient runner) publishes what each figure it displays draws
FIGURE_MIME = "application/x-nb2prod-figure+json"
_SUMMARY_EDGE = 6


def figure_content(figure):
    """What a matplotlib figure draws, whatever its size, resolution and style: its texts and, per axes, the title,
    labels, legend and texts, and a summary of the data (in data coordinates) of its lines, patches, collections and
    images. None when the figure cannot be read."""
    try:
        return {"texts": sorted(t.get_text() for t in figure.texts),
                "axes": [_axes_content(ax) for ax in figure.axes]}
    except Exception:  # noqa: BLE001 - an unreadable figure is compared by existence only
        return None


def _axes_content(ax):
    legend = ax.get_legend()
    patches = [p.get_patch_transform().transform(p.get_path().vertices) for p in ax.patches]
    return {"title": ax.get_title(), "xlabel": ax.get_xlabel(), "ylabel": ax.get_ylabel(),
            "texts": sorted(t.get_text() for t in ax.texts),
            "legend": [t.get_text() for t in legend.get_texts()] if legend is not None else [],
            "lines": [_array_summary(line.get_xydata()) for line in ax.lines],
            "patches": {"count": len(patches), "vertices": _array_summary(_concatenated(patches))},
            "collections": [_collection_content(c) for c in ax.collections],
            "images": [_array_summary(image.get_array()) for image in ax.images]}


def _collection_content(collection):
    name = type(collection).__name__
    content = {"type": name, "offsets": _array_summary(collection.get_offsets())}
    array = collection.get_array()
    if array is not None:
        content["array"] = _array_summary(array)
    if name in ("PolyCollection", "LineCollection", "FillBetweenPolyCollection"):
        content["paths"] = _array_summary(_concatenated([p.vertices for p in collection.get_paths()]))
    return content


def _concatenated(arrays):
    import numpy

    arrays = [numpy.asarray(a, dtype=float).reshape(-1) for a in arrays]
    return numpy.concatenate(arrays) if arrays else numpy.zeros(0)


def _array_summary(values):
    """Size, sum, sum of absolute values, extremes and the first and last values of an array of numbers."""
    import numpy

    try:
        array = numpy.ma.filled(numpy.ma.asarray(values, dtype=float), numpy.nan).reshape(-1)
    except (TypeError, ValueError):
        return {"text": _short(values, 200)}
    finite = array[numpy.isfinite(array)]

    def numbers(part):
        return [float(v) if math.isfinite(v) else None for v in part]

    return {"size": int(array.size), "finite": int(finite.size),
            "sum": float(finite.sum()) if finite.size else 0.0,
            "abs": float(numpy.abs(finite).sum()) if finite.size else 0.0,
            "min": float(finite.min()) if finite.size else None, "max": float(finite.max()) if finite.size else None,
            "head": numbers(array[:_SUMMARY_EDGE]), "tail": numbers(array[-_SUMMARY_EDGE:])}


def install_figure_formatter(shell):
    """In the kernel (nbclient runner): every figure the notebook displays (by the inline backend at plt.show() or
    at the end of a cell, or as a cell's value) also publishes FIGURE_MIME, what it draws."""
    from IPython.core.formatters import BaseFormatter
    from traitlets import ObjectName, Unicode

    class FigureContentFormatter(BaseFormatter):
        format_type = Unicode(FIGURE_MIME)
        _return_type = (dict,)
        print_method = ObjectName("_nb2prod_figure_content_")

        def __call__(self, obj):
            # not through the type registry: the inline backend removes every formatter's Figure printer
            if self.enabled and any(c.__module__ == "matplotlib.figure" and c.__name__ == "Figure"
                                    for c in type(obj).__mro__):
                return figure_content(obj)
            return None

    shell.display_formatter.formatters[FIGURE_MIME] = FigureContentFormatter(parent=shell.display_formatter)


def _figure_outputs(cell):
    """What each figure a cell executed by nbclient displays draws, or None when one of its images has no content."""
    contents = []
    for output in cell.get("outputs", []):
        data = output.get("data", {}) if output.get("output_type") in ("display_data", "execute_result") else {}
        if any(key in data for key in ("image/png", "image/jpeg", "image/svg+xml")):
            if not isinstance(data.get(FIGURE_MIME), dict):
                return None
            contents.append(data[FIGURE_MIME])
    return contents


class SavedFigures:
    """Records what each figure the package saves with savefig draws, by the absolute path it is saved to."""

    def __init__(self):
        self.contents = {}

    def install(self):
        try:
            from matplotlib.figure import Figure
        except ImportError:
            return
        original = Figure.savefig
        contents = self.contents

        def savefig(figure, fname, *args, **kwargs):
            saved = original(figure, fname, *args, **kwargs)
            if isinstance(fname, (str, os.PathLike)):
                contents[os.path.abspath(os.fspath(fname))] = figure_content(figure)
            return saved

        Figure.savefig = savefig

    def of(self, path):
        """What the figures saved at path and beside it (name_2.png, name_3.png..., as save_figure names them)
        draw, in that order; None when one of them is unknown."""
        stem, suffix = os.path.splitext(os.path.abspath(path))
        if os.path.abspath(path) not in self.contents:
            return None
        found = [self.contents[os.path.abspath(path)]]
        number = 2
        while "%s_%d%s" % (stem, number, suffix) in self.contents:
            found.append(self.contents["%s_%d%s" % (stem, number, suffix)])
            number += 1
        return None if any(c is None for c in found) else found


def _write_json(path, data):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=1, sort_keys=True, default=str)


# ------------------------------------------------------------------------------------------- file snapshots


def snapshot(root, exclude=()):
    """{relative path: (mtime_ns, size)} of every file below root, hidden and cache folders skipped."""
    result = {}
    exclude = [os.path.abspath(e) for e in exclude]
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith(".")
                         and os.path.abspath(os.path.join(folder, d)) not in exclude)
        for name in files:
            path = os.path.join(folder, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            result[os.path.relpath(path, root).replace(os.sep, "/")] = (stat.st_mtime_ns, stat.st_size)
    return result


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def keep_file(source, rel, out_dir, files):
    """Records a written file and copies it to out_dir/files/rel (when not too large)."""
    entry = {"size": os.path.getsize(source), "sha256": _sha256(source)}
    if entry["size"] <= MAX_COPIED_FILE:
        target = os.path.join(out_dir, "files", *rel.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(source, target)
        entry["copy"] = "files/" + rel
    files[rel] = entry


class WrittenAtCells:
    """The files the notebook's folder holds new or changed right after each cell that writes a file result,
    copied then: a later cell may remove them (`!rm`), and the package's file is compared with what the notebook
    wrote, not with what was left at the end."""

    def __init__(self, folder, out_dir, before, results):
        self.folder, self.out_dir, self.before = folder, out_dir, before
        self.cells = {int(r.get("cell", -1)) for r in results if r.get("kind") == "file"}
        self.files = {}

    def after_cell(self, index):
        if index not in self.cells:
            return
        for rel, stamp in sorted(snapshot(self.folder, exclude=[self.out_dir]).items()):
            if self.before.get(rel) != stamp:
                keep_file(os.path.join(self.folder, *rel.split("/")), rel,
                          os.path.join(self.out_dir, "at_cells"), self.files)
                if "copy" in self.files[rel]:
                    self.files[rel]["copy"] = "at_cells/" + self.files[rel]["copy"]

    def removed(self, final):
        """The files written at those cells that the folder no longer holds at the end."""
        return {rel: entry for rel, entry in self.files.items() if rel not in final}


# ----------------------------------------------------------------------------------------- status, errors


def _missing_module(error):
    if isinstance(error, ImportError) and getattr(error, "name", None):
        return error.name.split(".")[0]
    return None


def _fail(out_dir, message, missing_module=None, where=None):
    _write_json(os.path.join(out_dir, "status.json"),
                {"ok": False, "error": message, "missing_module": missing_module, "where": where})
    return 1


def _describe(error):
    text = str(error).strip().splitlines()
    return type(error).__name__ + (": " + text[0] if text else "")


# ---------------------------------------------------------------------------------------------- notebook


def read_cells(notebook_path):
    """The code cells of an nbformat 3 or 4 notebook: [(index among all cells, source)]."""
    with open(notebook_path, encoding="utf-8") as handle:
        data = json.load(handle)
    if "worksheets" in data:
        cells = [c for ws in data.get("worksheets", []) for c in ws.get("cells", [])]
        key = "input"
    else:
        cells = data.get("cells", [])
        key = "source"
    result = []
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get(key, "")
        if isinstance(source, list):
            source = "".join(source)
        result.append((index, source))
    return result


# cell magics whose body is ordinary Python run once in the notebook's namespace; other %% cells are skipped
RUN_BODY_CELL_MAGICS = {"%%time", "%%timeit", "%%capture", "%%prun"}
_ASSIGN_MAGIC = re.compile(r"^(\s*)([A-Za-z_][\w.\[\], ]*?)\s*=\s*[!%]")
_INSTALL = re.compile(r"^\s*[!%]\s*(pip|pip3|conda|mamba|apt|apt-get|sudo)\b")
# IPython's clean-up of a cell (IPython.core.inputtransformer2: leading_indent, classic_prompt, ipython_prompt)
_LEADING_INDENT = re.compile(r"[ \t]+")
_CLASSIC_FIRST_PROMPT = re.compile(r">>>( |$)")
_CLASSIC_PROMPT = re.compile(r"(>>>|\.\.\.)( |$)")
_IPYTHON_PROMPT = re.compile(r"((\[nav\]|\[ins\])? )?In \[\d+\]: |\s*\.{3,}: ?")


def script_source(source):
    """A cell's source as IPython runs it, IPython syntax removed: None for a %% cell magic other than %%time,
    %%timeit, %%capture and %%prun (whose body is kept), else runnable Python.

    As IPython does, the indentation of the first line and pasted >>> or In [n]: prompts are removed first. Then,
    at the start of a logical line only (never inside brackets or strings, nor after a backslash continuation):
    magics and shell commands become `pass` (`x = !ls` and `x = %sx ls` become `x = None`), help requests
    (`obj?`, `?obj`) `pass`, and the auto-call escapes the calls IPython makes of them: `/f a b` -> `f(a, b)`,
    `;f a b` -> `f("a b")`, `,f a b` -> `f("a", "b")`, a lone `;` -> `("")`. Lines continued by a backslash go
    with their magic or escape line.
    """
    lines = _clean_up(source.splitlines())
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and lines[first].startswith("%%"):
        if lines[first].split()[0] not in RUN_BODY_CELL_MAGICS:
            return None
        return script_source("\n".join(lines[first + 1:]))
    out = []
    state = _CodeState()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        special = None
        if state.at_logical_start() and stripped and not stripped.startswith("#"):
            special = _special_line(stripped, lambda: _joined(lines, i))
        if special is None:
            state.scan(line)
            out.append(line)
            i += 1
            continue
        out.append(indent + special)
        while lines[i].endswith("\\") and i + 1 < len(lines):  # continuation lines go with the special line
            i += 1
            out.append("")
        i += 1
    return "\n".join(out) + "\n"


def _special_line(stripped, joined):
    """The Python for a line starting with IPython syntax (whitespace stripped), or None for a Python line."""
    assigned = _ASSIGN_MAGIC.match(stripped)
    if assigned:
        return assigned.group(2) + " = None"
    if stripped.startswith(("%", "!")) and not stripped.startswith(("%=", "!=")):
        return "pass"
    if stripped.startswith("?") or (stripped.endswith("?") and re.match(r"^[\w.?]+$", stripped)):
        return "pass"
    if stripped.startswith((",", ";")) or (stripped.startswith("/") and not stripped.startswith(("//", "/="))):
        line = joined()
        escape, content = line[0], line[1:]
        name, _, args = content.partition(" ")
        if escape == ",":
            return '%s("%s")' % (name, '", "'.join(args.split()))
        if escape == ";":
            return '%s("%s")' % (name, args)
        return "%s(%s)" % (name, ", ".join(args.split()))
    return None


def _joined(lines, i):
    """IPython's assemble_continued_line: line i (stripped) and the lines its trailing backslashes continue."""
    parts = [lines[i].lstrip()]
    while lines[i].endswith("\\") and i + 1 < len(lines):
        i += 1
        parts.append(lines[i])
    return " ".join([p[:-1] for p in parts[:-1]] + [parts[-1].rstrip()])


def _clean_up(lines):
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return lines
    lines = list(lines)
    indent = _LEADING_INDENT.match(lines[first])
    if indent:
        space = indent.group(0)
        lines[first:] = [line[len(space):] if line.startswith(space) else line for line in lines[first:]]
    for initial, prompt in ((_CLASSIC_FIRST_PROMPT, _CLASSIC_PROMPT), (_IPYTHON_PROMPT, _IPYTHON_PROMPT)):
        if initial.match(lines[first]) or (first + 1 < len(lines) and prompt.match(lines[first + 1])):
            lines[first:] = [prompt.sub("", line, count=1) for line in lines[first:]]
    return lines


class _CodeState:
    """Open brackets, an open string and a backslash continuation, from one physical line of Python to the next."""

    def __init__(self):
        self.depth = 0
        self.quote = None
        self.continued = False

    def at_logical_start(self):
        return self.depth == 0 and self.quote is None and not self.continued

    def scan(self, line):
        self.continued = False
        i, n = 0, len(line)
        while i < n:
            c = line[i]
            if self.quote is not None:
                if c == "\\":
                    self.continued = i == n - 1
                    i += 2
                elif line.startswith(self.quote, i):
                    i += len(self.quote)
                    self.quote = None
                else:
                    i += 1
                continue
            if c == "#":
                break
            if c in "'\"":
                self.quote = c * 3 if line.startswith(c * 3, i) else c
                i += len(self.quote)
                continue
            if c == "\\" and i == n - 1:
                self.continued = True
            elif c in "([{":
                self.depth += 1
            elif c in ")]}":
                self.depth = max(0, self.depth - 1)
            i += 1
        if self.quote is not None and len(self.quote) == 1 and not self.continued:
            self.quote = None  # an unterminated one-line string ends at its line
        if self.quote is not None:
            self.continued = False


def _nbclient_available():
    import importlib.util

    if os.environ.get("NB2PROD_VERIFY_RUNNER", "") == "script":
        return False
    return all(importlib.util.find_spec(name) is not None for name in ("nbclient", "nbformat", "ipykernel"))


def _ends_with_semicolon(code):
    """True when a cell's last token is a semicolon: IPython then displays nothing."""
    import io
    import tokenize

    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError):
        return False
    skipped = (tokenize.ENDMARKER, tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT)
    for token in reversed(tokens):
        if token.type not in skipped:
            return token.type == tokenize.OP and token.string == ";"
    return False


def _run_cell(code, filename, namespace):
    """Runs a cell as IPython does: the statements, then its last expression statement evaluated on its own.
    Returns (True, value) when the cell displays that value (not None, no trailing semicolon), else (False, None)."""
    import ast

    tree = ast.parse(code, filename)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    if tree.body:
        exec(compile(tree, filename, "exec"), namespace)
    if last is None:
        return False, None
    value = eval(compile(ast.Expression(last.value), filename, "eval"), namespace)
    if value is None or _ends_with_semicolon(code):
        return False, None
    return True, value


def run_notebook_as_script(notebook_path, plan, out_dir, written=None):
    try:
        import matplotlib

        matplotlib.use("Agg")
    except ImportError:
        pass
    import builtins

    history = {}
    namespace = {"__name__": "__main__", "__builtins__": builtins, "Out": history, "_oh": history}
    try:
        from IPython.display import display
    except ImportError:
        def display(*args, **kwargs):
            return None
    namespace["display"] = display
    by_cell = captures_by_cell(plan.get("results", []))
    count = 0
    for index, source in read_cells(notebook_path):
        code = script_source(source)
        shown = (False, None)
        if code is not None and code.strip():
            filename = "<cell %d>" % (index + 1)
            try:
                shown = _run_cell(code, filename, namespace)
            except (Exception, SystemExit) as error:  # noqa: BLE001 - the notebook's own failure is reported
                line = _error_line(error, filename)
                where = "cell %d" % (index + 1) + (", line %d" % line if line else "")
                return _fail(out_dir, _describe(error), _missing_module(error), where)
            count += 1
            if shown[0]:
                # IPython's display hook: Out[n], _n and _ hold the displayed value
                history[count] = shown[1]
                namespace["_%d" % count] = shown[1]
                namespace["_"] = shown[1]
        images, contents = _close_figures()
        if index in by_cell:
            capture_results(namespace, by_cell[index], out_dir, shown, images, contents)
        if written is not None:
            written.after_cell(index)
    if "results" in plan:
        return _finish_notebook(_finish_results(out_dir, plan["results"], {}), out_dir)
    return _finish_notebook(capture(namespace, plan["names"], out_dir), out_dir)


def _error_line(error, filename):
    if isinstance(error, SyntaxError) and error.filename == filename:
        return error.lineno
    line = None
    trace = error.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == filename:
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


# runs in the kernel without storing history: no execution count, no Out[n], no _ (the cell ends in a statement)
_KERNEL_CAPTURE = (
    "def _nb2prod_capture():\n"
    "    import sys\n"
    "    helper = sys.modules.get('nb2prod_verify')\n"
    "    if helper is None:\n"
    "        sys.path.insert(0, %r)\n"
    "        try:\n"
    "            import nb2prod_verify as helper\n"
    "        finally:\n"
    "            sys.path.remove(%r)\n"
    "    helper.%s\n"
    "_nb2prod_capture()\n"
    "del _nb2prod_capture\n")


def _kernel_code(call):
    helper_dir = os.path.dirname(os.path.abspath(__file__))
    return _KERNEL_CAPTURE % (helper_dir, helper_dir, call)


def run_notebook_with_nbclient(notebook_path, plan, out_dir, written=None):
    work = os.path.dirname(os.path.abspath(out_dir))
    kernels = os.path.join(work, "jupyter", "kernels", "nb2prod-verify")
    os.makedirs(kernels, exist_ok=True)
    _write_json(os.path.join(kernels, "kernel.json"), {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "nb2prod verify", "language": "python"})
    os.environ["JUPYTER_PATH"] = os.path.join(work, "jupyter")
    os.environ.setdefault("JUPYTER_RUNTIME_DIR", os.path.join(work, "jupyter", "runtime"))
    # the kernel draws with the inline backend, as Jupyter does, so that figures show as image outputs
    os.environ.pop("MPLBACKEND", None)
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(notebook_path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = "\n".join("pass" if _INSTALL.match(line) else line for line in cell.source.splitlines())
    by_cell = captures_by_cell(plan.get("results", []))
    cells = len(nb.cells)
    scratch = nbformat.v4.new_code_cell("")
    nb.cells.append(scratch)
    figures = {}
    client = NotebookClient(nb, timeout=None, kernel_name="nb2prod-verify", allow_errors=False,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(notebook_path))}})
    with client.setup_kernel():
        scratch.source = _kernel_code("install_figure_formatter(get_ipython())")
        try:
            client.execute_cell(scratch, cells, store_history=False)
        except CellExecutionError:
            pass  # without IPython's formatters, figures are compared by existence only
        for index, cell in enumerate(nb.cells[:cells]):
            code = cell.cell_type == "code" and cell.source.strip()
            if code:
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as error:
                    missing = None
                    if error.ename in ("ModuleNotFoundError", "ImportError"):
                        found = re.search(r"No module named '([\w]+)", error.evalue or "")
                        missing = found.group(1) if found else None
                    return _fail(out_dir, "%s: %s" % (error.ename, (error.evalue or "").strip().splitlines()[0]
                                                      if (error.evalue or "").strip() else error.ename),
                                 missing, "cell %d" % (index + 1))
            if written is not None:
                written.after_cell(index)
            specs = by_cell.get(index, [])
            for spec in specs:
                if spec.get("kind") == "figure":
                    figures[spec["name"]] = {"kind": "figure", "images": _image_outputs(cell) if code else 0,
                                             "cell": index}
                    contents = _figure_outputs(cell) if code else []
                    if contents is not None:
                        figures[spec["name"]]["contents"] = contents
            values = [spec for spec in specs if spec.get("kind") != "figure"]
            if values:
                count = cell.get("execution_count") if code else None
                scratch.source = _kernel_code("capture_cell(globals(), %r, %r, %r)" % (values, out_dir, count))
                try:
                    client.execute_cell(scratch, cells, store_history=False)
                except CellExecutionError as error:
                    return _fail(out_dir, "capturing the results of cell %d failed: %s: %s"
                                 % (index + 1, error.ename, error.evalue))
        if "results" not in plan:
            scratch.source = _kernel_code("_finish_notebook(helper.capture(globals(), %r, %r), %r)"
                                          % (plan["names"], out_dir, out_dir))
            try:
                client.execute_cell(scratch, cells, store_history=False)
            except CellExecutionError as error:
                return _fail(out_dir, "capturing the results failed: %s: %s" % (error.ename, error.evalue))
    if "results" in plan:
        return _finish_notebook(_finish_results(out_dir, plan["results"], figures), out_dir)
    if not os.path.exists(os.path.join(out_dir, "manifest.json")):
        return _fail(out_dir, "the kernel did not record the notebook's results")
    return 0


def _finish_notebook(entries, out_dir):
    _write_json(os.path.join(out_dir, "manifest.json"), {"artifacts": entries, "order": list(entries), "files": {}})
    return 0


def read_plan(plan_json):
    """{"results": [...]} (nb2prod.json's results) or {"names": [...], "extra": [...]} (terminal values)."""
    with open(plan_json, encoding="utf-8") as handle:
        plan = json.load(handle)
    if isinstance(plan, dict) and "results" in plan:
        return {"results": list(plan["results"])}
    extra = []
    names = plan
    if isinstance(plan, dict):
        # {"terminals": [...], "extra": [...]}: the extra names are those the package returns
        extra = [n for n in plan.get("extra", []) if n not in plan.get("terminals", [])]
        names = list(plan.get("terminals", [])) + extra
    return {"names": list(names), "extra": extra}


def run_notebook(notebook_path, plan_json, out_dir):
    notebook_path = os.path.abspath(notebook_path)
    folder = os.path.dirname(notebook_path)
    plan = read_plan(plan_json)
    os.makedirs(out_dir, exist_ok=True)
    out_dir = os.path.abspath(out_dir)
    before = snapshot(folder, exclude=[out_dir])
    os.chdir(folder)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    runner = "nbclient" if _nbclient_available() else "script"
    written = WrittenAtCells(folder, out_dir, before, plan.get("results", []))
    try:
        if runner == "nbclient":
            code = run_notebook_with_nbclient(notebook_path, plan, out_dir, written)
        else:
            code = run_notebook_as_script(notebook_path, plan, out_dir, written)
    except Exception as error:  # noqa: BLE001 - e.g. the kernel could not start
        return _fail(out_dir, "running the notebook failed: " + _describe(error), _missing_module(error))
    if code != 0:
        return code
    after = snapshot(folder, exclude=[out_dir])
    manifest_path = os.path.join(out_dir, "manifest.json")
    with open(manifest_path, encoding="utf-8") as handle:
        manifest = json.load(handle)
    files = {}
    for rel in sorted(after):
        if before.get(rel) != after[rel]:
            keep_file(os.path.join(folder, *rel.split("/")), rel, out_dir, files)
    manifest["files"] = files
    manifest["files_removed"] = written.removed(files)
    manifest["runner"] = runner
    manifest["side"] = "notebook"
    if "results" in plan:
        manifest["results"] = plan["results"]
    else:
        manifest["extra"] = plan["extra"]
    _write_json(manifest_path, manifest)
    _write_json(os.path.join(out_dir, "status.json"), {"ok": True})
    return 0


# ----------------------------------------------------------------------------------------------- package


def find_package(package_dir):
    src = os.path.join(package_dir, "src")
    if not os.path.isdir(src):
        raise LookupError("%s has no src/ folder" % package_dir)
    found = sorted(d for d in os.listdir(src) if os.path.isfile(os.path.join(src, d, "pipeline.py")))
    if len(found) != 1:
        raise LookupError("%s/src should hold exactly one package with a pipeline.py, found %d" % (package_dir, len(found)))
    return src, found[0]


def _yaml_text(value):
    """A single-quoted YAML scalar: parsed back as exactly this string, whatever characters it holds."""
    return "'" + str(value).replace("'", "''") + "'"


def _load_config(config_module, path, overrides):
    # the --set form first ("key=value" strings whose value is parsed as YAML): what nb2prod generates
    try:
        return config_module.load_config(path, ["%s=%s" % (key, _yaml_text(value)) for key, value in overrides.items()])
    except (TypeError, AttributeError):
        # a load_config that takes a dict of overrides
        return config_module.load_config(path, dict(overrides))


def run_package(package_dir, data_root, out_dir, nb_out=None):
    import importlib

    package_dir = os.path.abspath(package_dir)
    data_root = os.path.abspath(data_root)
    os.makedirs(out_dir, exist_ok=True)
    out_dir = os.path.abspath(out_dir)
    work = os.path.join(out_dir, "work")
    outputs = os.path.join(out_dir, "outputs")
    os.makedirs(work, exist_ok=True)
    os.makedirs(outputs, exist_ok=True)
    try:
        src, package = find_package(package_dir)
    except LookupError as error:
        return _fail(out_dir, str(error), where="layout")
    config_path = os.path.join(package_dir, "config.yaml")
    before = snapshot(data_root, exclude=[out_dir])
    saved_figures = SavedFigures()
    sys.path.insert(0, src)
    os.chdir(work)
    os.environ["NB2PROD_DATA_ROOT"] = data_root
    stage = "importing %s.config" % package
    try:
        config_module = importlib.import_module(package + ".config")
        stage = "loading config.yaml"
        overrides = {"data_root": data_root}
        config = _load_config(config_module, config_path, overrides)
        if isinstance(config, dict) and "output_root" in config:
            overrides["output_root"] = outputs
            os.environ["NB2PROD_OUTPUT_ROOT"] = outputs
            config = _load_config(config_module, config_path, overrides)
        stage = "importing %s.pipeline" % package
        pipeline = importlib.import_module(package + ".pipeline")
        stage = "run_pipeline"
        saved_figures.install()
        result = pipeline.run_pipeline(config)
    except (Exception, SystemExit) as error:  # noqa: BLE001 - the package's failure is the finding
        trace = traceback.extract_tb(error.__traceback__)
        inside = [f for f in trace if os.path.abspath(f.filename).startswith(src + os.sep)]
        where = stage
        if inside:
            last = inside[-1]
            where += " (%s:%d)" % (os.path.relpath(last.filename, package_dir), last.lineno)
        missing = _missing_module(error)
        code = _fail(out_dir, _describe(error), None if missing == package else missing, where)
        _restore(data_root, before, nb_out, out_dir, {})
        return code
    if not isinstance(result, dict):
        _restore(data_root, before, nb_out, out_dir, {})
        return _fail(out_dir, "run_pipeline returned %s, not a dict" % _type_name(result), where="run_pipeline")
    names = [str(k) for k in result]
    values = {str(k): v for k, v in result.items()}
    entries = capture(values, names, os.path.join(out_dir))
    for name in names:
        written = _returned_file(values[name], (outputs, work))
        if written:
            entries[name]["file"] = written
            contents = saved_figures.of(written["path"])
            if contents is not None:
                entries[name]["contents"] = contents
    files = {}
    for root in (outputs, work):
        for rel in sorted(snapshot(root)):
            keep_file(os.path.join(root, *rel.split("/")), rel, out_dir, files)
    notes = _restore(data_root, before, nb_out, out_dir, files)
    _write_json(os.path.join(out_dir, "manifest.json"),
                {"artifacts": entries, "order": names, "files": files, "notes": notes, "side": "package"})
    _write_json(os.path.join(out_dir, "status.json"), {"ok": True})
    return 0


def _returned_file(value, roots):
    """For a returned path (str or os.PathLike) naming a file: {"path": absolute, "rel": relative to the first root
    holding it (output_root, then the working directory) or the path itself, "size": bytes}, else None."""
    if not isinstance(value, (str, os.PathLike)) or not value:
        return None
    try:
        path = os.path.abspath(os.fspath(value))
        if not os.path.isfile(path):
            return None
        rel = os.fspath(value)
        for root in roots:
            if path.startswith(os.path.abspath(root) + os.sep):
                rel = os.path.relpath(path, root)
                break
        return {"path": path, "rel": rel.replace(os.sep, "/"), "size": os.path.getsize(path)}
    except (OSError, TypeError, ValueError):
        return None


def _restore(data_root, before, nb_out, out_dir, files):
    """Moves what the package wrote into the notebook's folder out of it, restoring the notebook's own files."""
    notes = []
    after = snapshot(data_root, exclude=[out_dir] + ([nb_out] if nb_out else []))
    nb_files = {}
    if nb_out and os.path.exists(os.path.join(nb_out, "manifest.json")):
        with open(os.path.join(nb_out, "manifest.json"), encoding="utf-8") as handle:
            nb_files = json.load(handle).get("files", {})
    for rel in sorted(after):
        if before.get(rel) == after[rel]:
            continue
        path = os.path.join(data_root, *rel.split("/"))
        if rel not in files:
            keep_file(path, rel, out_dir, files)
        if rel not in before:
            os.remove(path)
        elif rel in nb_files and "copy" in nb_files[rel]:
            shutil.copyfile(os.path.join(nb_out, *nb_files[rel]["copy"].split("/")), path)
        else:
            notes.append("the package overwrote %s in the notebook's folder" % rel)
    return notes


# ------------------------------------------------------------------------------------------------ compare


class Different(Exception):
    """A short description of how two values differ."""


def _short(value, limit=60):
    text = _ADDRESS.sub("", repr(value))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _is_number(value):
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    module = type(value).__module__ or ""
    return module.startswith("numpy") and hasattr(value, "dtype") and getattr(value, "shape", None) == () \
        and value.dtype.kind in "iuf"


def _numbers_close(a, b, tol):
    a, b = float(a), float(b)
    if math.isnan(a) and math.isnan(b):
        return True
    return math.isclose(a, b, rel_tol=tol, abs_tol=1e-12)


def _where(label):
    return (label + ": ") if label else ""


def compare_values(a, b, tol, context=None, label=""):
    """Raises Different when a and b differ; returns an optional note (e.g. 'same up to row order')."""
    context = {} if context is None else context
    kind_a, kind_b = _kind(a), _kind(b)
    if kind_a in ("frame", "series") or kind_b in ("frame", "series"):
        if kind_a != kind_b:
            raise Different("%s%s vs %s" % (_where(label), _type_name(a), _type_name(b)))
        return _compare_frames(a, b, tol, label)
    if kind_a == "array" or kind_b == "array":
        return _compare_arrays(a, b, tol, label)
    if kind_a == "estimator" or kind_b == "estimator":
        return _compare_estimators(a, b, tol, context, label)
    if kind_a == "figure" and kind_b == "figure":
        return _weak(context, "figure: existence only")
    if _is_structured_scalar(a) or _is_structured_scalar(b):
        return _compare_arrays(a, b, tol, label)
    if _random_state(a) is not None or _random_state(b) is not None:
        return _compare_generators(a, b, label)
    if kind_a == "code" or kind_b == "code":
        if _code_name(a) != _code_name(b):
            raise Different("%s%s vs %s" % (_where(label), _code_name(a), _code_name(b)))
        return None
    if _is_number(a) and _is_number(b):
        if not _numbers_close(a, b, tol):
            raise Different("%s%s vs %s" % (_where(label), _short(a), _short(b)))
        return None
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            only_a = sorted(map(str, set(a) - set(b)))
            only_b = sorted(map(str, set(b) - set(a)))
            raise Different("%skeys only in notebook %s, only in package %s" % (_where(label), only_a, only_b))
        notes = [compare_values(a[k], b[k], tol, context, "%s[%r]" % (label, k)) for k in a]
        return next((n for n in notes if n), None)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        if len(a) != len(b):
            raise Different("%slength %d vs %d" % (_where(label), len(a), len(b)))
        notes = [compare_values(x, y, tol, context, "%s[%d]" % (label, i)) for i, (x, y) in enumerate(zip(a, b))]
        return next((n for n in notes if n), None)
    try:
        equal = bool(a == b)
    except Exception:  # noqa: BLE001 - values without a usable ==
        equal = None
    if equal:
        return None
    if _is_opaque(a) or _is_opaque(b):
        # identity equality, or a text with a memory address: compared by type and attributes, never by text
        return _compare_objects(a, b, tol, context, label)
    if equal is None and repr(a) == repr(b):
        return None
    raise Different("%s%s vs %s" % (_where(label), _short(a), _short(b)))


def _is_structured_scalar(value):
    return type(value).__name__ == "void" and (type(value).__module__ or "").startswith("numpy") \
        and getattr(value.dtype, "names", None) is not None


def _code_name(value):
    function = getattr(value, "__func__", value)  # a bound method: its function, not the object it is bound to
    return "%s.%s" % (getattr(function, "__module__", None) or "?",
                      getattr(function, "__qualname__", None) or type(function).__qualname__)


def _random_state(value):
    """The state of a numpy random Generator, RandomState or bit generator, else None."""
    module = type(value).__module__ or ""
    if not module.startswith("numpy.random"):
        return None
    try:
        if hasattr(value, "bit_generator"):  # Generator
            return value.bit_generator.state
        if hasattr(value, "get_state"):  # RandomState
            return value.get_state(legacy=False)
        if hasattr(value, "state"):  # a bare bit generator (PCG64, MT19937, ...)
            return value.state
    except Exception:  # noqa: BLE001 - a state that cannot be read: compared as an object
        return None
    return None


def _compare_generators(a, b, label):
    if type(a) is not type(b):
        raise Different("%s%s vs %s" % (_where(label), _type_name(a), _type_name(b)))
    path = _first_state_difference(_random_state(a), _random_state(b), "")
    if path is not None:
        raise Different("%s%s state differs%s" % (_where(label), _type_name(a), " at " + path if path else ""))
    return "%s: same bit generator state" % _type_name(a)


def _first_state_difference(x, y, path):
    """The path of the first difference between two random states (exact: they are integers), or None."""
    import numpy as np

    if isinstance(x, dict) and isinstance(y, dict):
        if set(x) != set(y):
            return path
        for key in sorted(x, key=str):
            found = _first_state_difference(x[key], y[key], "%s[%r]" % (path, key))
            if found is not None:
                return found
        return None
    if isinstance(x, (list, tuple)) and isinstance(y, (list, tuple)):
        if len(x) != len(y):
            return path
        for index, (p, q) in enumerate(zip(x, y)):
            found = _first_state_difference(p, q, "%s[%d]" % (path, index))
            if found is not None:
                return found
        return None
    if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
        return None if np.array_equal(np.asarray(x), np.asarray(y)) else path
    if isinstance(x, float) or isinstance(y, float):
        return None if (x == y or (x != x and y != y)) else path
    return None if type(x) is type(y) and x == y else path


def _is_opaque(value):
    """True for a value compared by identity (no __eq__ of its own) or whose text holds a memory address."""
    if value is None:
        return False
    if type(value).__eq__ is object.__eq__:
        return True
    try:
        return _ADDRESS.search(repr(value)) is not None
    except Exception:  # noqa: BLE001
        return True


def _attributes(value):
    """The attributes of an object (its __dict__ and __slots__), or None when it has none."""
    try:
        attributes = dict(vars(value))
    except TypeError:
        attributes = None
    for cls in type(value).__mro__:
        slots = getattr(cls, "__slots__", ())
        for name in ([slots] if isinstance(slots, str) else slots):
            if name not in ("__dict__", "__weakref__") and hasattr(value, name):
                attributes = attributes if attributes is not None else {}
                attributes[name] = getattr(value, name)
    return attributes


def _compare_objects(a, b, tol, context, label):
    """Objects without a value equality: same type, then their attributes with the same type-aware equality."""
    if type(a) is not type(b):
        raise Different("%s%s vs %s" % (_where(label), _type_name(a), _type_name(b)))
    attributes_a, attributes_b = _attributes(a), _attributes(b)
    if attributes_a is None or attributes_b is None:
        return _weak(context, "%s: no attributes to compare, compared by type only" % _type_name(a))
    active = context.setdefault("_active", set())
    key = (id(a), id(b))
    if key in active:
        return None  # a cycle: the comparison in progress decides
    active.add(key)
    try:
        if set(attributes_a) != set(attributes_b):
            only_a = sorted(set(attributes_a) - set(attributes_b))
            only_b = sorted(set(attributes_b) - set(attributes_a))
            raise Different("%sattributes only in notebook %s, only in package %s" % (_where(label), only_a, only_b))
        for name in sorted(attributes_a, key=lambda n: (n.startswith("_"), n)):  # public attributes first
            compare_values(attributes_a[name], attributes_b[name], tol, context,
                           "%s.%s" % (label, name) if label else name)
    finally:
        active.discard(key)
    return "%s: compared by attributes" % _type_name(a)


def _compare_frames(a, b, tol, label):
    import pandas.testing as pdt

    check = pdt.assert_frame_equal if _kind(a) == "frame" else pdt.assert_series_equal
    try:
        check(a, b, check_exact=False, rtol=tol, atol=1e-12)
        return None
    except AssertionError as error:
        first_error = error
    if a.shape == b.shape:
        try:
            x, y = a.sort_index(), b.sort_index()
            if _kind(a) == "frame":
                x, y = x.sort_index(axis=1), y.sort_index(axis=1)
            check(x, y, check_exact=False, rtol=tol, atol=1e-12)
            rows = not a.index.equals(b.index)
            return "same up to %s order" % ("row" if rows else "column")
        except (AssertionError, TypeError, ValueError):
            pass
    raise Different(_where(label) + _frame_diff(a, b, tol, first_error))


def _frame_diff(a, b, tol, error):
    if a.shape != b.shape:
        return "shape %s vs %s" % (a.shape, b.shape)
    if _kind(a) == "frame":
        if list(a.columns) != list(b.columns):
            only_a = [c for c in a.columns if c not in set(b.columns)]
            only_b = [c for c in b.columns if c not in set(a.columns)]
            if only_a or only_b:
                return "columns only in notebook %s, only in package %s" % (only_a, only_b)
            return "column order %s vs %s" % (list(a.columns), list(b.columns))
        for column in a.columns:
            detail = _column_diff(a[column], b[column], tol)
            if detail:
                return "column %r: %s" % (column, detail)
    else:
        detail = _column_diff(a, b, tol)
        if detail:
            return detail
    if not a.index.equals(b.index):
        return "index differs: %s vs %s" % (_short(list(a.index[:3])), _short(list(b.index[:3])))
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return " ".join(lines[:2])[:200]


def _column_diff(x, y, tol):
    import numpy as np

    if x.dtype != y.dtype:
        return "dtype %s vs %s" % (x.dtype, y.dtype)
    xs, ys = x.to_numpy(), y.to_numpy()
    if x.dtype.kind in "iuf":
        same = np.isclose(xs.astype(float), ys.astype(float), rtol=tol, atol=1e-12, equal_nan=True)
    else:
        same = np.array([(p == q) or (p != p and q != q) for p, q in zip(xs, ys)], dtype=bool)
    if same.all():
        return None
    first = int(np.argmin(same))
    return "%d of %d values differ, first at row %s: %s vs %s" % (
        int((~same).sum()), len(same), _short(x.index[first], 20), _short(xs[first], 25), _short(ys[first], 25))


def _compare_arrays(a, b, tol, label):
    import numpy as np

    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape:
        raise Different("%sshape %s vs %s" % (_where(label), a.shape, b.shape))
    if a.dtype.names is not None or b.dtype.names is not None:
        # a structured array: the same fields, each compared as an array of its own
        if a.dtype != b.dtype:
            raise Different("%sdtype %s vs %s" % (_where(label), a.dtype, b.dtype))
        for field in a.dtype.names:
            _compare_arrays(a[field], b[field], tol, "%sfield %r" % (label + " " if label else "", field))
        return None
    if a.dtype.kind in "iufb" and b.dtype.kind in "iufb":
        same = np.isclose(a.astype(float), b.astype(float), rtol=tol, atol=1e-12, equal_nan=True)
    else:
        same = np.vectorize(lambda p, q: bool(p == q), otypes=[bool])(a, b) if a.size else np.ones(0, bool)
    if not np.all(same):
        flat = np.asarray(same).ravel()
        first = int(np.argmin(flat))
        index = np.unravel_index(first, a.shape) if a.shape else ()
        raise Different("%s%d of %d values differ, first at %s: %s vs %s" % (
            _where(label), int((~flat).sum()), flat.size, list(map(int, index)), _short(a[index], 25),
            _short(b[index], 25)))
    return None


def _weak(context, reason):
    """Records that a value could only be compared weakly (by type, parameters or existence); returns the reason."""
    context.setdefault("weak", []).append(reason)
    return reason


def _dense(value):
    return value.toarray() if hasattr(value, "toarray") else value


def _fits(estimator, sample):
    """How well a sample fits what the estimator was fitted on: 2 the same columns (or, fitted without column names,
    an array of as many columns), 1 as many columns, 0 otherwise or unknown."""
    names = getattr(estimator, "feature_names_in_", None)
    count = getattr(estimator, "n_features_in_", None)
    columns = getattr(sample, "columns", None)
    shape = getattr(sample, "shape", ())
    width = shape[1] if len(shape) == 2 else None
    if names is not None and columns is not None:
        try:
            return 2 if list(columns) == list(names) else 0
        except Exception:  # noqa: BLE001 - columns that do not compare
            return 0
    if count is not None and width == count:
        return 2 if names is None and columns is None else 1
    return 0


def _compare_estimators(a, b, tol, context, label):
    """Same class and get_params(), then the same predictions (or transform) on an X_test-like sample: a strong
    comparison. Without a sample both can use, or when neither predicts on it (e.g. NotFittedError), the comparison
    rests on the parameters alone and is weak."""
    if type(a) is not type(b):
        raise Different("%s%s vs %s" % (_where(label), _type_name(a), _type_name(b)))
    pa, pb = a.get_params(deep=False), b.get_params(deep=False)
    for key in sorted(set(pa) | set(pb)):
        if key not in pa or key not in pb:
            raise Different("%sparameter %s only on one side" % (_where(label), key))
        try:
            # parameters (e.g. a pipeline's steps) are compared for equality only, never for strength
            compare_values(pa[key], pb[key], tol, {}, "")
        except Different as error:
            raise Different("%s%s=%s vs %s=%s" % (_where(label), key, _short(pa[key], 30), key,
                                                  _short(pb[key], 30))) from error
    samples = context.get("samples") or []
    if not samples:
        return _weak(context, "parameters only (no X_test-like data to predict on)")
    failure = None
    for name, sample in sorted(samples, key=lambda named: -_fits(a, named[1])):
        for method in ("predict", "transform"):
            if not (hasattr(a, method) and hasattr(b, method)):
                continue
            try:
                rows = sample.iloc[:PREDICTION_ROWS] if hasattr(sample, "iloc") else sample[:PREDICTION_ROWS]
                ya = _dense(getattr(a, method)(rows))
            except Exception as error:  # noqa: BLE001 - e.g. not fitted, or the sample does not fit the estimator
                failure = failure or "%s on %s failed: %s" % (method, name, type(error).__name__)
                continue
            try:
                yb = _dense(getattr(b, method)(rows))
            except Exception as error:  # noqa: BLE001 - the notebook's model takes the sample, the package's not
                raise Different("%sthe notebook's model can %s on %s, the package's fails: %s" % (
                    _where(label), method, name, _describe(error))) from error
            what = "predictions on" if method == "predict" else "transform of"
            try:
                _compare_arrays(ya, yb, tol, "")
            except Different as error:
                raise Different("%s%s %s differ: %s" % (_where(label), "predictions on" if method == "predict"
                                                        else "transforms of", name, error)) from error
            return "same parameters and %s %s" % (what, name)
    return _weak(context, "parameters only (%s)" % (failure or "it neither predicts nor transforms"))


def compare_files(path_a, path_b, tol):
    """Raises Different when two files differ in bytes and in parsed content; returns an optional note."""
    with open(path_a, "rb") as handle:
        bytes_a = handle.read()
    with open(path_b, "rb") as handle:
        bytes_b = handle.read()
    if bytes_a == bytes_b:
        return None
    lower = path_a.lower()
    if lower.endswith((".csv", ".tsv", ".txt")):
        return _compare_csv(path_a, path_b, tol, "\t" if lower.endswith(".tsv") else ",")
    if lower.endswith(".json"):
        try:
            with open(path_a, encoding="utf-8") as ha, open(path_b, encoding="utf-8") as hb:
                ja, jb = json.load(ha), json.load(hb)
        except ValueError:
            ja = None
        if ja is not None:
            compare_values(ja, jb, tol)
            return "same JSON content, different formatting"
    first = next((i for i, (x, y) in enumerate(zip(bytes_a, bytes_b)) if x != y), min(len(bytes_a), len(bytes_b)))
    raise Different("%d bytes vs %d bytes, first difference at byte %d" % (len(bytes_a), len(bytes_b), first))


def _compare_csv(path_a, path_b, tol, separator):
    import csv

    with open(path_a, newline="", encoding="utf-8", errors="replace") as ha, \
            open(path_b, newline="", encoding="utf-8", errors="replace") as hb:
        rows_a, rows_b = list(csv.reader(ha, delimiter=separator)), list(csv.reader(hb, delimiter=separator))
    if len(rows_a) != len(rows_b):
        raise Different("%d rows vs %d rows" % (len(rows_a), len(rows_b)))
    for number, (row_a, row_b) in enumerate(zip(rows_a, rows_b), start=1):
        if len(row_a) != len(row_b):
            raise Different("line %d: %d fields vs %d" % (number, len(row_a), len(row_b)))
        for field_a, field_b in zip(row_a, row_b):
            if field_a == field_b:
                continue
            try:
                if _numbers_close(float(field_a), float(field_b), tol):
                    continue
            except ValueError:
                pass
            raise Different("line %d: %s vs %s" % (number, _short(field_a, 25), _short(field_b, 25)))
    return "same values, different formatting"


def _load(out_dir, entry):
    with open(os.path.join(out_dir, entry["pickle"]), "rb") as handle:
        return _StandInUnpickler(handle).load()


class _StandInUnpickler(pickle.Unpickler):
    """Loads an object of a class this process cannot import (a class the notebook defines, in its __main__, or one
    of the package's modules) as an instance of a stand-in class of the same name holding its attributes: the two
    sides are then compared by attributes, rather than not at all."""

    stand_ins = {}

    def find_class(self, module, name):
        try:
            return super().find_class(module, name)
        except (AttributeError, ImportError):
            if name not in self.stand_ins:
                self.stand_ins[name] = type(name, (), {"__module__": "defined-in-the-notebook"})
            return self.stand_ins[name]


def _prediction_sample(nb_out, nb_artifacts, pkg_out, pkg_artifacts):
    """The X_test-like value of the notebook or the package, by name (terminal values): [(name, value)] or []."""
    for name in X_NAMES:
        for out_dir, artifacts in ((pkg_out, pkg_artifacts), (nb_out, nb_artifacts)):
            entry = artifacts.get(name)
            if entry and entry.get("pickle"):
                try:
                    return [(name, _load(out_dir, entry))]
                except Exception:  # noqa: BLE001 - an unreadable sample only means params-only comparison
                    continue
    return []


def _result_samples(nb_out, nb_entry):
    """The X_test-like samples the notebook had at a model's cell: [(name, value)]."""
    samples = []
    for sample in nb_entry.get("samples", []):
        try:
            samples.append((sample["name"], _load(nb_out, sample)))
        except Exception:  # noqa: BLE001 - an unreadable sample is left out
            continue
    return samples


def _match_files(nb_files, pkg_files):
    """Pairs notebook-written files with package-written ones: same relative path, else same unique base name."""
    pairs, used = {}, set()
    for rel in nb_files:
        if rel in pkg_files:
            pairs[rel] = rel
            used.add(rel)
    for rel in nb_files:
        if rel in pairs:
            continue
        candidate = _unique_base_name(rel, pkg_files, used)
        if candidate is not None:
            pairs[rel] = candidate
            used.add(candidate)
    return pairs


def _unique_base_name(rel, files, used):
    base = rel.rsplit("/", 1)[-1]
    candidates = [p for p in files if p.rsplit("/", 1)[-1] == base and p not in used]
    return candidates[0] if len(candidates) == 1 else None


def _artifact(name, kind, status, detail="", file=None):
    entry = {"name": name, "kind": kind, "status": status, "detail": detail or ""}
    if file:
        entry["file"] = file
    return entry


def compare(nb_out, pkg_out, tolerance):
    tol = float(tolerance)
    with open(os.path.join(nb_out, "manifest.json"), encoding="utf-8") as handle:
        nb = json.load(handle)
    with open(os.path.join(pkg_out, "manifest.json"), encoding="utf-8") as handle:
        pkg = json.load(handle)
    if "results" in nb:
        report, notes = compare_results(nb, pkg, nb_out, pkg_out, tol)
    else:
        report, notes = compare_terminals(nb, pkg, nb_out, pkg_out, tol)
    print(json.dumps({"artifacts": report, "notes": notes}, indent=1, sort_keys=True))
    return 0


def compare_results(nb, pkg, nb_out, pkg_out, tol):
    """Compares the results of nb2prod.json by name: values, figures, model files and written files; then the other
    files the notebook writes. PKG_OUT is the package's run, or a second run of the notebook (`side`)."""
    nb_artifacts, pkg_artifacts = nb.get("artifacts", {}), pkg.get("artifacts", {})
    again = pkg.get("side") == "notebook"
    nb_files, pkg_files = nb.get("files", {}), pkg.get("files", {})
    used_nb, used_pkg = set(), set()
    report, notes = [], list(pkg.get("notes", []))
    for result in nb["results"]:
        name, kind = result["name"], result.get("kind", "displayed")
        if again and kind in UNCAPTURED_RESULTS:
            continue  # a second run of the notebook has no package files; its written files are compared below
        if name not in pkg_artifacts:
            report.append(_artifact(name, kind, "missing", "the package does not return it"))
            continue
        nb_entry, pkg_entry = nb_artifacts.get(name, {"kind": "undefined"}), pkg_artifacts[name]
        if kind == "figure":
            entry = _compare_images(name, nb_entry, pkg_entry, tol) if again \
                else _check_figure(name, result, nb_entry, pkg_entry, used_pkg, tol)
        elif kind == "model_file":
            entry = _check_model_file(name, pkg_entry, used_pkg)
        elif kind == "file":
            entry = _compare_result_file(name, pkg_entry, nb_out, nb_files, nb.get("files_removed", {}), pkg_out,
                                         pkg_files, used_nb, used_pkg, tol)
        else:
            entry = _compare_entry(name, nb_out, nb_entry, pkg_out, pkg_entry, tol, _result_samples(nb_out, nb_entry))
        entry["kind"] = kind
        report.append(entry)
    if not again:
        known = set(r["name"] for r in nb["results"])
        for name in pkg.get("order", list(pkg_artifacts)):
            if name not in known:
                notes.append("%s: returned by the package but not a result of nb2prod.json; not compared" % name)
    other_nb = dict((rel, e) for rel, e in nb_files.items() if rel not in used_nb)
    other_pkg = dict((rel, e) for rel, e in pkg_files.items() if rel not in used_pkg)
    report.extend(_compare_written_files(other_nb, other_pkg, nb_out, pkg_out, tol))
    return report, notes


def compare_terminals(nb, pkg, nb_out, pkg_out, tol):
    """The older comparison: the notebook's terminal values by variable name, and the files it writes."""
    nb_artifacts, pkg_artifacts = nb.get("artifacts", {}), pkg.get("artifacts", {})
    samples = _prediction_sample(nb_out, nb_artifacts, pkg_out, pkg_artifacts)
    report, notes = [], list(pkg.get("notes", []))
    extra = set(nb.get("extra", []))
    for name in nb.get("order", list(nb_artifacts)):
        nb_entry = nb_artifacts[name]
        kind = nb_entry.get("kind")
        if name in extra and kind == "undefined":
            continue  # a name only the package has: noted below
        if name not in pkg_artifacts:
            # the package returns the artifacts it was extracted for; the notebook's other end values (results of
            # exploratory cells, intermediate values) are listed, not compared
            if kind in RESULT_KINDS:
                notes.append("%s: a terminal value of the notebook (%s) the package does not return; not compared"
                             % (name, nb_entry.get("type")))
            continue
        entry = _compare_entry(name, nb_out, nb_entry, pkg_out, pkg_artifacts[name], tol, samples)
        entry["kind"] = "value"
        report.append(entry)
    for name in pkg.get("order", list(pkg_artifacts)):
        if name not in nb_artifacts or (name in extra and nb_artifacts[name].get("kind") == "undefined"):
            notes.append("%s: returned by the package but not a value of the notebook; not compared" % name)
        elif nb_artifacts[name].get("kind") == "undefined":
            report.append(_artifact(name, "value", "different",
                                    "the package returns it but the notebook never defines it"))
    report.extend(_compare_written_files(nb.get("files", {}), pkg.get("files", {}), nb_out, pkg_out, tol))
    return report, notes


def _compare_written_files(nb_files, pkg_files, nb_out, pkg_out, tol):
    """The files the notebook writes (not results of their own), matched to the package's by path."""
    report = []
    pairs = _match_files(nb_files, pkg_files)
    for rel in sorted(nb_files):
        name = "file:" + rel
        if rel not in pairs:
            report.append(_artifact(name, "written_file", "missing", "the package does not write it"))
            continue
        entry = _compare_file_entry(name, nb_out, nb_files[rel], pkg_out, pkg_files[pairs[rel]], tol)
        entry["kind"] = "written_file"
        report.append(entry)
    return report


def _written(pkg_entry, what):
    """The file a returned path names, or (None, why not); `what` is a noun: image, model file, file."""
    written = pkg_entry.get("file")
    if written:
        return written, None
    type_name = pkg_entry.get("type") or ""
    if type_name == "str" or type_name.endswith("Path"):
        return None, "the package wrote no %s at the path it returns" % what
    return None, "the package returns %s, not the path of %s %s" % (pkg_entry.get("type"),
                                                                      "an" if what[0] in "aeiou" else "a", what)


def _check_figure(name, result, nb_entry, pkg_entry, used_pkg, tol):
    """A figure: the notebook's cell shows images and the package wrote as many non-empty images at the returned
    path, drawing the same data and texts (weak when what either draws is unknown)."""
    cell = int(result.get("cell", -1)) + 1
    images = int(nb_entry.get("images", 0) or 0)
    written, why = _written(pkg_entry, "image")
    if written is None and images == 0 and pkg_entry.get("type") == "str":
        return _artifact(name, "figure", "weak", "neither cell %d of the notebook nor the package shows an image"
                         % cell)
    if written is None:
        return _artifact(name, "figure", "different", why)
    used_pkg.add(written["rel"])
    if not written["rel"].lower().endswith(FIGURE_FILE_SUFFIXES):
        return _artifact(name, "figure", "different", "the package returns %s, not an image" % written["rel"])
    if not written.get("size"):
        return _artifact(name, "figure", "different", "the package's image %s is empty" % written["rel"])
    if written["rel"].lower().endswith(".png") and not _has_png_signature(written["path"]):
        return _artifact(name, "figure", "different", "%s is not a PNG image" % written["rel"])
    if images == 0:
        return _artifact(name, "figure", "different", "cell %d of the notebook shows no image (the package saved %s)"
                         % (cell, written["rel"]))
    shows = "cell %d shows %s; the package saved %s" % (cell, _images(images), written["rel"])
    nb_contents, pkg_contents = nb_entry.get("contents"), pkg_entry.get("contents")
    if nb_contents is None or pkg_contents is None:
        return _artifact(name, "figure", "weak", shows + " (what they draw is unknown: compared by existence)")
    if len(nb_contents) != len(pkg_contents):
        return _artifact(name, "figure", "different", "cell %d shows %s, the package saved %s"
                         % (cell, _images(len(nb_contents)), _images(len(pkg_contents))))
    difference = figure_difference(nb_contents, pkg_contents, tol)
    if difference:
        return _artifact(name, "figure", "different", difference)
    return _artifact(name, "figure", "same", shows + ", drawing the same data and texts")


def _images(count):
    return "1 image" if count == 1 else "%d images" % count


def figure_difference(a, b, tol, path=()):
    """Where two figure contents (lists of figure_content) first differ, numbers within tol; None when they do not."""
    if _is_array_summary(a) and _is_array_summary(b):
        return _summary_difference(a, b, tol, path)
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return "%s: %s on one side only" % (_figure_place(path), key)
            found = figure_difference(a[key], b[key], tol, path + (key,))
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return "%s: %d vs %d" % (_figure_place(path), len(a), len(b))
        for index, (x, y) in enumerate(zip(a, b)):
            found = figure_difference(x, y, tol, path + (index,))
            if found:
                return found
        return None
    if _is_number(a) and _is_number(b) and _numbers_close(a, b, tol):
        return None
    if a == b:
        return None
    return "%s: %s vs %s" % (_figure_place(path), _short(a), _short(b))


def _is_array_summary(value):
    return isinstance(value, dict) and "abs" in value and "sum" in value and "size" in value


def _summary_difference(a, b, tol, path):
    """Two _array_summary results compared at the scale of their arrays: a sum or a value of about 1e-13 where the
    values are in the hundreds is rounding noise, whatever its sign."""
    def magnitude(summary):
        return max((abs(v) for v in (summary.get("min"), summary.get("max")) if _is_number(v)), default=0.0)

    scale = {"sum": max(a["abs"], b["abs"])}
    value_scale = max(magnitude(a), magnitude(b))
    for key in sorted(set(a) | set(b)):
        if key not in a or key not in b:
            return "%s: %s on one side only" % (_figure_place(path), key)
        x, y = a[key], b[key]
        pairs = list(zip(x, y)) if isinstance(x, list) and isinstance(y, list) and len(x) == len(y) else [(x, y)]
        for u, v in pairs:
            if _is_number(u) and _is_number(v) and key not in ("size", "finite"):
                if _numbers_close(u, v, tol) or abs(float(u) - float(v)) <= tol * scale.get(key, value_scale):
                    continue
            elif u == v:
                continue
            return "%s: %s vs %s" % (_figure_place(path + (key,)), _short(x), _short(y))
    return None


def _figure_place(path):
    """("axes", 0, "lines", 1, "sum") under figure 1 → 'figure 1, axes 1, line 2 (sum)'."""
    words, index = [], 0
    names = {"axes": "axes", "lines": "line", "collections": "collection", "images": "image", "legend": "legend entry",
             "texts": "text"}
    parts = list(path)
    if parts and isinstance(parts[0], int):
        words.append("figure %d" % (parts[0] + 1))
        index = 1
    rest = []
    while index < len(parts):
        part = parts[index]
        if isinstance(part, str) and part in names and index + 1 < len(parts) and isinstance(parts[index + 1], int):
            words.append("%s %d" % (names[part], parts[index + 1] + 1))
            index += 2
            continue
        rest.append(str(part))
        index += 1
    return ", ".join(words) + (" (%s)" % " ".join(rest) if rest else "")


def _has_png_signature(path):
    try:
        with open(path, "rb") as handle:
            return handle.read(8) == b"\x89PNG\r\n\x1a\n"
    except OSError:
        return False


def _compare_images(name, nb_entry, again_entry, tol):
    """A figure in two runs of the notebook: the same number of images, drawing the same (when known)."""
    a, b = int(nb_entry.get("images", 0) or 0), int(again_entry.get("images", 0) or 0)
    if a != b:
        return _artifact(name, "figure", "different", "%d vs %d images" % (a, b))
    if nb_entry.get("contents") is not None and again_entry.get("contents") is not None:
        difference = figure_difference(nb_entry["contents"], again_entry["contents"], tol)
        if difference:
            return _artifact(name, "figure", "different", difference)
    return _artifact(name, "figure", "same", "")


def _check_model_file(name, pkg_entry, used_pkg):
    """A saved model: the file exists, is not empty, and loads back (joblib or pickle)."""
    written, why = _written(pkg_entry, "model file")
    if written is None:
        return _artifact(name, "model_file", "different", why)
    used_pkg.add(written["rel"])
    if not written.get("size"):
        return _artifact(name, "model_file", "different", "the package's model file %s is empty" % written["rel"])
    lower = written["rel"].lower()
    if not lower.endswith((".joblib", ".pkl", ".pickle")) or written["size"] > MAX_COPIED_FILE:
        return _artifact(name, "model_file", "same", "saved as %s (not loaded)" % written["rel"])
    try:
        if lower.endswith(".joblib"):
            import joblib

            model = joblib.load(written["path"])
        else:
            with open(written["path"], "rb") as handle:
                model = pickle.load(handle)
    except ImportError as error:
        return _artifact(name, "model_file", "same", "saved as %s (not loaded: no %s)" % (written["rel"], error.name))
    except Exception as error:  # noqa: BLE001 - a file that does not load back is the finding
        return _artifact(name, "model_file", "different", "%s does not load: %s" % (written["rel"], _describe(error)))
    return _artifact(name, "model_file", "same", "saved as %s, loads as %s" % (written["rel"], _type_name(model)))


def _compare_result_file(name, pkg_entry, nb_out, nb_files, nb_removed, pkg_out, pkg_files, used_nb, used_pkg, tol):
    """A file result: the file at the returned path against the file the notebook wrote at the same relative path
    (else with the same unique name)."""
    written, why = _written(pkg_entry, "file")
    if written is None:
        return _artifact(name, "file", "different", why)
    rel = written["rel"]
    used_pkg.add(rel)
    pkg_file = pkg_files.get(rel) or {"size": written["size"], "sha256": _sha256(written["path"]),
                                      "path": written["path"]}
    nb_rel = rel if rel in nb_files and rel not in used_nb else _unique_base_name(rel, nb_files, used_nb)
    removed = ""
    if nb_rel is None and rel in nb_removed:
        # written by the notebook at the result's cell, removed by a later cell: compared as it was written
        nb_rel, nb_files, removed = rel, nb_removed, ", as written before a later cell removes it"
    if nb_rel is None:
        return _artifact(name, "file", "different", "the notebook writes no %s in its folder" % rel)
    used_nb.add(nb_rel)
    entry = _compare_file_entry(name, nb_out, nb_files[nb_rel], pkg_out, pkg_file, tol)
    entry["file"] = nb_rel
    if entry["status"] in ("same", "weak"):
        entry["detail"] = nb_rel + removed + (": " + entry["detail"] if entry["detail"] else "")
    return entry


def _compare_entry(name, nb_out, nb_entry, pkg_out, pkg_entry, tol, samples):
    """One value of the notebook against the package's: same, weak (same by type, parameters or existence only),
    different."""
    def result(status, detail=""):
        return {"name": name, "status": status, "detail": detail or ""}

    if nb_entry.get("kind") == "undefined":
        return result("different", nb_entry.get("why") or "the notebook never defines it")
    if nb_entry.get("kind") == "figure" or pkg_entry.get("kind") == "figure":
        if nb_entry.get("kind") == pkg_entry.get("kind"):
            return result("weak", "figure: existence only")
        return result("different", "%s vs %s" % (nb_entry.get("type"), pkg_entry.get("type")))
    if nb_entry.get("kind") in ("module", "code") or pkg_entry.get("kind") in ("module", "code"):
        same = nb_entry.get("type") == pkg_entry.get("type")
        return result("weak" if same else "different",
                      "%s: existence only" % nb_entry.get("type") if same else
                      "%s vs %s" % (nb_entry.get("type"), pkg_entry.get("type")))
    if "pickle" not in nb_entry or "pickle" not in pkg_entry:
        nb_type, pkg_type = nb_entry.get("type"), pkg_entry.get("type")
        if nb_type != pkg_type:
            return result("different", "%s vs %s" % (nb_type, pkg_type))
        return result("weak", "not picklable (%s): compared by type only" % nb_type)
    try:
        a, b = _load(nb_out, nb_entry), _load(pkg_out, pkg_entry)
    except Exception as error:  # noqa: BLE001
        return result("different", "cannot be loaded back: %s" % _describe(error))
    context = {"samples": samples, "weak": []}
    try:
        note = compare_values(a, b, tol, context)
    except Different as error:
        return result("different", str(error))
    except ImportError as error:
        return result("different", "cannot compare without %s" % error.name)
    except Exception as error:  # noqa: BLE001 - a comparison that breaks is reported, not fatal
        return result("different", "comparison failed: %s" % _describe(error))
    if context["weak"]:
        return result("weak", context["weak"][0])
    return result("same", note)


def _compare_file_entry(name, nb_out, nb_entry, pkg_out, pkg_entry, tol):
    def result(status, detail=""):
        return {"name": name, "status": status, "detail": detail or ""}

    def path(out_dir, entry):
        return entry["path"] if "path" in entry else os.path.join(out_dir, *entry["copy"].split("/"))

    if name.lower().endswith(FIGURE_FILE_SUFFIXES) or (nb_entry.get("copy") or "").lower().endswith(
            FIGURE_FILE_SUFFIXES):
        return result("weak", "an image, compared by existence only")
    if nb_entry.get("sha256") == pkg_entry.get("sha256"):
        return result("same")
    if "copy" not in nb_entry or ("copy" not in pkg_entry and "path" not in pkg_entry):
        return result("different", "%d bytes vs %d bytes (too large to parse)" % (
            nb_entry.get("size", 0), pkg_entry.get("size", 0)))
    try:
        return result("same", compare_files(path(nb_out, nb_entry), path(pkg_out, pkg_entry), tol))
    except Different as error:
        return result("different", str(error))
    except Exception as error:  # noqa: BLE001
        return result("different", "comparison failed: %s" % _describe(error))


# --------------------------------------------------------------------------------------------------- main


def package_outputs(package_dir):
    """Prints the names run_pipeline returns, read from the dict literals its return statements build (JSON list)."""
    import ast

    names = []
    try:
        src, package = find_package(package_dir)
        with open(os.path.join(src, package, "pipeline.py"), encoding="utf-8") as handle:
            tree = ast.parse(handle.read())
    except (LookupError, OSError, SyntaxError, ValueError):
        tree = None
    for node in (tree.body if tree else []):
        # run_pipeline returns what _run_steps returns in packages that record their runs
        if isinstance(node, ast.FunctionDef) and node.name in ("run_pipeline", "_run_steps"):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Return) and isinstance(inner.value, ast.Dict):
                    for key in inner.value.keys:
                        if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value not in names:
                            names.append(key.value)
    print(json.dumps(names))
    return 0


def main(argv):
    if len(argv) >= 4 and argv[0] == "run-notebook":
        return run_notebook(argv[1], argv[2], argv[3])
    if len(argv) >= 4 and argv[0] == "run-package":
        return run_package(argv[1], argv[2], argv[3], argv[4] if len(argv) > 4 else None)
    if len(argv) == 2 and argv[0] == "package-outputs":
        return package_outputs(argv[1])
    if len(argv) == 4 and argv[0] == "compare":
        return compare(argv[1], argv[2], argv[3])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
