"""nb2prod verify helper: runs a notebook and its generated package, then compares what they produce.

Shipped inside nb2prod and run with the user's interpreter. It imports only the standard library at module
level; pandas, numpy, scikit-learn, matplotlib, nbclient are imported lazily, only when the values or the
notebook need them.

Modes (every mode writes only into its OUT_DIR, and into the folders the notebook or package write themselves):
  run-notebook NOTEBOOK NAMES_JSON OUT_DIR
      runs the notebook's code cells top to bottom in the notebook's folder (through nbclient when it and
      ipykernel are importable, else as a script with magics removed) and captures the named values
  run-package PACKAGE_DIR DATA_ROOT OUT_DIR [NB_OUT]
      imports <pkg>.config and <pkg>.pipeline from PACKAGE_DIR/src, loads PACKAGE_DIR/config.yaml with the
      overrides data_root=DATA_ROOT (and output_root=OUT_DIR/outputs when the configuration has that key),
      calls run_pipeline(config) in an empty working directory and captures the returned dict
  package-outputs PACKAGE_DIR
      prints the names run_pipeline returns (the keys of the dict literals it returns) as a JSON list; the notebook
      run captures them besides its terminal values
  compare NB_OUT PKG_OUT TOLERANCE
      prints a JSON report: {"artifacts": [{"name", "status": same|different|missing, "detail"}], "notes": []}

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


def capture(namespace, names, out_dir):
    """Pickles namespace[name] for each name into out_dir; returns the manifest entries."""
    os.makedirs(out_dir, exist_ok=True)
    entries = {}
    for index, name in enumerate(names):
        if name not in namespace:
            entries[name] = {"kind": "undefined"}
            continue
        value = namespace[name]
        kind = _kind(value)
        entry = {"kind": kind, "type": _type_name(value)}
        if kind in ("module", "code", "figure"):
            entries[name] = entry
            continue
        file_name = "artifact_%d.pkl" % index
        try:
            with open(os.path.join(out_dir, file_name), "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            entry["pickle"] = file_name
        except Exception as error:  # noqa: BLE001 - anything that cannot be pickled is recorded, not fatal
            entry["unpicklable"] = "%s (%s)" % (_type_name(value), type(error).__name__)
            try:
                os.remove(os.path.join(out_dir, file_name))
            except OSError:
                pass
        entries[name] = entry
    return entries


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


def run_notebook_as_script(notebook_path, names, out_dir):
    try:
        import matplotlib

        matplotlib.use("Agg")
    except ImportError:
        pass
    import builtins

    namespace = {"__name__": "__main__", "__builtins__": builtins}
    try:
        from IPython.display import display
    except ImportError:
        def display(*args, **kwargs):
            return None
    namespace["display"] = display
    for index, source in read_cells(notebook_path):
        code = script_source(source)
        if code is None or not code.strip():
            continue
        try:
            exec(compile(code, "<cell %d>" % (index + 1), "exec"), namespace)
        except (Exception, SystemExit) as error:  # noqa: BLE001 - the notebook's own failure is reported
            line = _error_line(error, "<cell %d>" % (index + 1))
            where = "cell %d" % (index + 1) + (", line %d" % line if line else "")
            return _fail(out_dir, _describe(error), _missing_module(error), where)
    return _finish_notebook(capture(namespace, names, out_dir), out_dir)


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


def run_notebook_with_nbclient(notebook_path, names, out_dir):
    work = os.path.dirname(os.path.abspath(out_dir))
    kernels = os.path.join(work, "jupyter", "kernels", "nb2prod-verify")
    os.makedirs(kernels, exist_ok=True)
    _write_json(os.path.join(kernels, "kernel.json"), {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "nb2prod verify", "language": "python"})
    os.environ["JUPYTER_PATH"] = os.path.join(work, "jupyter")
    os.environ.setdefault("JUPYTER_RUNTIME_DIR", os.path.join(work, "jupyter", "runtime"))
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(notebook_path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = "\n".join("pass" if _INSTALL.match(line) else line for line in cell.source.splitlines())
    helper_dir = os.path.dirname(os.path.abspath(__file__))
    capture_code = (
        "import sys as _nb2prod_sys\n"
        "_nb2prod_sys.path.insert(0, %r)\n"
        "import nb2prod_verify as _nb2prod_verify\n"
        "_nb2prod_verify._finish_notebook(_nb2prod_verify.capture(globals(), %r, %r), %r)\n"
    ) % (helper_dir, list(names), out_dir, out_dir)
    client = NotebookClient(nb, timeout=None, kernel_name="nb2prod-verify", allow_errors=False,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(notebook_path))}})
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or not cell.source.strip():
                continue
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
        capture_cell = nbformat.v4.new_code_cell(capture_code)
        nb.cells.append(capture_cell)
        try:
            client.execute_cell(capture_cell, len(nb.cells) - 1)
        except CellExecutionError as error:
            return _fail(out_dir, "capturing the results failed: %s: %s" % (error.ename, error.evalue))
    if not os.path.exists(os.path.join(out_dir, "manifest.json")):
        return _fail(out_dir, "the kernel did not record the notebook's results")
    return 0


def _finish_notebook(entries, out_dir):
    _write_json(os.path.join(out_dir, "manifest.json"), {"artifacts": entries, "order": list(entries), "files": {}})
    return 0


def run_notebook(notebook_path, names_json, out_dir):
    notebook_path = os.path.abspath(notebook_path)
    folder = os.path.dirname(notebook_path)
    with open(names_json, encoding="utf-8") as handle:
        names = json.load(handle)
    extra = []
    if isinstance(names, dict):
        # {"terminals": [...], "extra": [...]}: the extra names are those the package returns
        extra = [n for n in names.get("extra", []) if n not in names.get("terminals", [])]
        names = list(names.get("terminals", [])) + extra
    os.makedirs(out_dir, exist_ok=True)
    before = snapshot(folder, exclude=[out_dir])
    os.chdir(folder)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    runner = "nbclient" if _nbclient_available() else "script"
    try:
        if runner == "nbclient":
            code = run_notebook_with_nbclient(notebook_path, names, out_dir)
        else:
            code = run_notebook_as_script(notebook_path, names, out_dir)
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
    manifest["runner"] = runner
    manifest["extra"] = extra
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
    entries = capture({str(k): v for k, v in result.items()}, names, os.path.join(out_dir))
    files = {}
    for root in (outputs, work):
        for rel in sorted(snapshot(root)):
            keep_file(os.path.join(root, *rel.split("/")), rel, out_dir, files)
    notes = _restore(data_root, before, nb_out, out_dir, files)
    _write_json(os.path.join(out_dir, "manifest.json"),
                {"artifacts": entries, "order": names, "files": files, "notes": notes})
    _write_json(os.path.join(out_dir, "status.json"), {"ok": True})
    return 0


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
    context = context or {}
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
        return "figure: existence only"
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
        return "%s: no attributes to compare, compared by type only" % _type_name(a)
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


def _compare_estimators(a, b, tol, context, label):
    if type(a) is not type(b):
        raise Different("%s%s vs %s" % (_where(label), _type_name(a), _type_name(b)))
    pa, pb = a.get_params(deep=False), b.get_params(deep=False)
    for key in sorted(set(pa) | set(pb)):
        if key not in pa or key not in pb:
            raise Different("%sparameter %s only on one side" % (_where(label), key))
        try:
            compare_values(pa[key], pb[key], tol, context, "")
        except Different as error:
            raise Different("%s%s=%s vs %s=%s" % (_where(label), key, _short(pa[key], 30), key,
                                                  _short(pb[key], 30))) from error
    sample = context.get("X")
    if sample is None:
        return "parameters only (no X_test-like data to predict on)"
    try:
        rows = sample[:PREDICTION_ROWS] if not hasattr(sample, "iloc") else sample.iloc[:PREDICTION_ROWS]
        ya, yb = a.predict(rows), b.predict(rows)
    except Exception as error:  # noqa: BLE001 - e.g. the sample does not fit the estimator
        return "parameters only (predict on %s failed: %s)" % (context.get("X_name"), type(error).__name__)
    try:
        _compare_arrays(ya, yb, tol, "")
    except Different as error:
        raise Different("%spredictions on %s differ: %s" % (_where(label), context.get("X_name"), error)) from error
    return "same parameters and predictions on %s" % context.get("X_name")


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
        return pickle.load(handle)


def _prediction_sample(nb_out, nb_artifacts, pkg_out, pkg_artifacts):
    for name in X_NAMES:
        for out_dir, artifacts in ((pkg_out, pkg_artifacts), (nb_out, nb_artifacts)):
            entry = artifacts.get(name)
            if entry and entry.get("pickle"):
                try:
                    return {"X": _load(out_dir, entry), "X_name": name}
                except Exception:  # noqa: BLE001 - an unreadable sample only means params-only comparison
                    continue
    return {}


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
        base = rel.rsplit("/", 1)[-1]
        candidates = [p for p in pkg_files if p.rsplit("/", 1)[-1] == base and p not in used]
        if len(candidates) == 1:
            pairs[rel] = candidates[0]
            used.add(candidates[0])
    return pairs


def compare(nb_out, pkg_out, tolerance):
    tol = float(tolerance)
    with open(os.path.join(nb_out, "manifest.json"), encoding="utf-8") as handle:
        nb = json.load(handle)
    with open(os.path.join(pkg_out, "manifest.json"), encoding="utf-8") as handle:
        pkg = json.load(handle)
    nb_artifacts, pkg_artifacts = nb.get("artifacts", {}), pkg.get("artifacts", {})
    context = _prediction_sample(nb_out, nb_artifacts, pkg_out, pkg_artifacts)
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
        report.append(_compare_entry(name, nb_out, nb_entry, pkg_out, pkg_artifacts[name], tol, context))
    for name in pkg.get("order", list(pkg_artifacts)):
        if name not in nb_artifacts or (name in extra and nb_artifacts[name].get("kind") == "undefined"):
            notes.append("%s: returned by the package but not a value of the notebook; not compared" % name)
        elif nb_artifacts[name].get("kind") == "undefined":
            report.append({"name": name, "status": "different",
                           "detail": "the package returns it but the notebook never defines it"})
    nb_files, pkg_files = nb.get("files", {}), pkg.get("files", {})
    pairs = _match_files(nb_files, pkg_files)
    for rel in sorted(nb_files):
        name = "file:" + rel
        if rel not in pairs:
            report.append({"name": name, "status": "missing", "detail": "the package does not write it"})
            continue
        report.append(_compare_file_entry(name, nb_out, nb_files[rel], pkg_out, pkg_files[pairs[rel]], tol))
    print(json.dumps({"artifacts": report, "notes": notes}, indent=1, sort_keys=True))
    return 0


def _compare_entry(name, nb_out, nb_entry, pkg_out, pkg_entry, tol, context):
    def result(status, detail=""):
        return {"name": name, "status": status, "detail": detail or ""}

    if nb_entry.get("kind") == "undefined":
        return result("different", "the notebook never defines it")
    if nb_entry.get("kind") == "figure" or pkg_entry.get("kind") == "figure":
        if nb_entry.get("kind") == pkg_entry.get("kind"):
            return result("same", "figure: existence only")
        return result("different", "%s vs %s" % (nb_entry.get("type"), pkg_entry.get("type")))
    if nb_entry.get("kind") in ("module", "code") or pkg_entry.get("kind") in ("module", "code"):
        same = nb_entry.get("type") == pkg_entry.get("type")
        return result("same" if same else "different",
                      "%s: existence only" % nb_entry.get("type") if same else
                      "%s vs %s" % (nb_entry.get("type"), pkg_entry.get("type")))
    if "pickle" not in nb_entry or "pickle" not in pkg_entry:
        nb_type, pkg_type = nb_entry.get("type"), pkg_entry.get("type")
        if nb_type != pkg_type:
            return result("different", "%s vs %s" % (nb_type, pkg_type))
        return result("same", "not picklable (%s): compared by type only" % nb_type)
    try:
        a, b = _load(nb_out, nb_entry), _load(pkg_out, pkg_entry)
    except Exception as error:  # noqa: BLE001
        return result("different", "cannot be loaded back: %s" % _describe(error))
    try:
        note = compare_values(a, b, tol, context)
        return result("same", note)
    except Different as error:
        return result("different", str(error))
    except ImportError as error:
        return result("different", "cannot compare without %s" % error.name)
    except Exception as error:  # noqa: BLE001 - a comparison that breaks is reported, not fatal
        return result("different", "comparison failed: %s" % _describe(error))


def _compare_file_entry(name, nb_out, nb_entry, pkg_out, pkg_entry, tol):
    if name.lower().endswith(FIGURE_FILE_SUFFIXES):
        return {"name": name, "status": "same", "detail": "figure file: existence only"}
    if nb_entry.get("sha256") == pkg_entry.get("sha256"):
        return {"name": name, "status": "same", "detail": ""}
    if "copy" not in nb_entry or "copy" not in pkg_entry:
        return {"name": name, "status": "different", "detail": "%d bytes vs %d bytes (too large to parse)" % (
            nb_entry.get("size", 0), pkg_entry.get("size", 0))}
    try:
        note = compare_files(os.path.join(nb_out, *nb_entry["copy"].split("/")),
                             os.path.join(pkg_out, *pkg_entry["copy"].split("/")), tol)
        return {"name": name, "status": "same", "detail": note or ""}
    except Different as error:
        return {"name": name, "status": "different", "detail": str(error)}
    except Exception as error:  # noqa: BLE001
        return {"name": name, "status": "different", "detail": "comparison failed: %s" % _describe(error)}


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
        if isinstance(node, ast.FunctionDef) and node.name == "run_pipeline":
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
