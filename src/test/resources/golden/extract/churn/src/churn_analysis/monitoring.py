"""Run records, step logs, drift checks and alerts.

Every ``run_pipeline(config)`` call writes ``<output_root>/runs/<run id>/run.json``:
when it ran and how long, whether it succeeded (and the error when it did not),
the configuration it used (secrets masked), the package version and git commit,
the Python and library versions, every input file and every artifact with its
size and SHA-256, the metrics, the time and row counts of each step, and how far
today's inputs drift from the reference profile (see drift.py).
``runs/latest.txt`` holds the id of the latest run.

Logs: ``configure_logging(level, "json")`` writes one JSON object per line.
Alerts: when the environment variable ``<ENV_PREFIX>_ALERT_WEBHOOK`` is set, a
run that fails or drifts POSTs a short JSON summary to that URL.

Writing the record never makes a run fail: a problem is logged as a warning.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from types import TracebackType
from typing import Any, ParamSpec, TypeVar

from .config import ENV_PREFIX, config_path
from .drift import check_drift

logger = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

# The distribution whose version the record names.
DISTRIBUTION = "churn-analysis"
# The configuration keys of the input files: each is hashed into the record.
INPUT_KEYS: tuple[str, ...] = ("ingestion.customers_path",)
# The results run_pipeline returns that are paths of files it wrote.
ARTIFACTS: tuple[str, ...] = (
    "churn_rate_by_region_figure",
    "lr_file",
    "rf_file",
    "feature_importance_figure",
    "feature_importance_path",
    "churn_by_region_path",
)
# The results run_pipeline returns that are metrics.
METRICS: tuple[str, ...] = ("acc", "auc", "lr_auc")
# The environment variables holding secrets: their values never reach a record.
SECRET_VARIABLES: tuple[str, ...] = ("API_KEY",)
# The libraries whose versions the record names, when the pipeline imported them.
LIBRARIES: tuple[str, ...] = (
    "matplotlib",
    "numpy",
    "pandas",
    "requests",
    "sklearn",
    "yaml",
)

# The environment variable of the alert webhook's URL (never read from config.yaml).
WEBHOOK_VARIABLE = ENV_PREFIX + "_ALERT_WEBHOOK"
REFERENCE_PROFILE = Path(__file__).with_name("reference_profile.json")
DEFAULT_PSI_THRESHOLD = 0.2
_SECRET_KEY = re.compile(
    r"passw(or)?d|secret|token|api_?key|access_?key|private_?key|credential|^auth|_auth$",
    re.IGNORECASE,
)


class RunRecord:
    """One run of the pipeline: use ``with RunRecord.start(config) as run_record:``.

    Inside the block, ``run_record.step(function, **kwargs)`` calls one step,
    logging and recording its time and row counts, and
    ``run_record.add_results(results)`` records the artifacts and metrics. On
    leaving the block the record is written, with status ``failed`` and the
    error when the block raised (the error is raised again).
    """

    def __init__(self, config: dict[str, Any]) -> None:
        started = datetime.now(timezone.utc)
        self.run_id = started.strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)
        self.output_root = Path(str(config.get("output_root") or ".")).expanduser()
        self.folder = self.output_root / "runs" / self.run_id
        self._config = config
        self._clock = time.perf_counter()
        self._secrets = [os.environ[v] for v in SECRET_VARIABLES if os.environ.get(v)]
        self.record: dict[str, Any] = {
            "run_id": self.run_id,
            "started": _iso(started),
            "status": "running",
            "config": _masked(config, self._secrets),
            "package": {"name": DISTRIBUTION, "version": _version()},
            "python": platform.python_version(),
            "steps": [],
            "artifacts": [],
            "metrics": {},
        }
        commit = _git_commit(Path(__file__).parent)
        if commit:
            self.record["package"]["git_commit"] = commit

    @classmethod
    def start(cls, config: dict[str, Any]) -> RunRecord:
        """Open the record of a run: hash the inputs and check them for drift."""
        run_record = cls(config)
        logger.info("run %s started", run_record.run_id, extra={"run_id": run_record.run_id})
        run_record._guarded("hashing the inputs", run_record._record_inputs)
        run_record._guarded("checking drift", run_record._check_drift)
        return run_record

    def __enter__(self) -> RunRecord:
        return self

    def __exit__(
        self,
        error_type: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool:
        self.finish(error)
        return False

    def step(self, function: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
        """Call one step of the pipeline, logging its start, end, duration and rows."""
        name = getattr(function, "__name__", repr(function))
        rows_in = _rows_of(dict(enumerate(args)) | kwargs)
        entry: dict[str, Any] = {"name": name, "started": _iso(datetime.now(timezone.utc))}
        if rows_in:
            entry["rows_in"] = rows_in
        self.record["steps"].append(entry)
        logger.info(
            "step %s started%s", name, _rows_text(" (rows in: %s)", rows_in),
            extra={"run_id": self.run_id, "step": name, "event": "start", "rows_in": rows_in},
        )
        clock = time.perf_counter()
        try:
            result = function(*args, **kwargs)
        except BaseException:
            entry["duration_s"] = round(time.perf_counter() - clock, 6)
            entry["status"] = "failed"
            logger.error(
                "step %s failed after %.2f s", name, entry["duration_s"],
                extra={"run_id": self.run_id, "step": name, "event": "failed",
                       "duration_s": entry["duration_s"]},
            )
            raise
        entry["duration_s"] = round(time.perf_counter() - clock, 6)
        entry["status"] = "ok"
        rows_out = _rows_of(_outputs(result))
        if rows_out:
            entry["rows_out"] = rows_out
        logger.info(
            "step %s finished in %.2f s%s", name, entry["duration_s"],
            _rows_text(" (rows out: %s)", rows_out),
            extra={"run_id": self.run_id, "step": name, "event": "end",
                   "duration_s": entry["duration_s"], "rows_out": rows_out},
        )
        return result

    def add_results(self, results: dict[str, Any]) -> None:
        """Record the artifacts (files written) and the metrics among the results."""
        self._guarded("recording the results", lambda: self._record_results(results))

    def finish(self, error: BaseException | None = None) -> None:
        """Write run.json (status ok, or failed with the error) and send an alert if needed."""
        ended = datetime.now(timezone.utc)
        self.record["ended"] = _iso(ended)
        self.record["duration_s"] = round(time.perf_counter() - self._clock, 6)
        self.record["libraries"] = _library_versions()
        if error is None:
            self.record["status"] = "ok"
        else:
            self.record["status"] = "failed"
            self.record["error"] = {
                "type": type(error).__name__,
                "message": _mask_text(str(error), self._secrets),
            }
        path = self.folder / "run.json"
        written = self._guarded("writing " + str(path), lambda: self._write(path))
        if written:
            logger.log(
                logging.INFO if error is None else logging.ERROR,
                "run %s %s: %s", self.run_id, self.record["status"], path,
                extra={"run_id": self.run_id, "status": self.record["status"],
                       "run_json": str(path)},
            )
        drifted = self.record.get("drift", {}).get("drifted", [])
        if error is not None or drifted:
            self._guarded("sending the alert", lambda: _alert(self.record, path))

    def _guarded(self, doing: str, action: Callable[[], object]) -> bool:
        """Run part of the record keeping; a failure is a warning, never the run's failure."""
        try:
            action()
        except Exception as problem:  # noqa: BLE001 - the record must not fail the run
            logger.warning("run record: %s failed: %s", doing, problem)
            return False
        return True

    def _record_inputs(self) -> None:
        inputs: dict[str, Any] = {}
        for key in INPUT_KEYS:
            path = Path(config_path(self._config, key))
            inputs[key] = {"path": str(path)} | _file_facts(path)
        self.record["inputs"] = inputs

    def _check_drift(self) -> None:
        threshold = _psi_threshold(self._config)
        self.record["drift"] = {"status": "not checked", "reason": "the check failed"}
        drift = check_drift(self._config, REFERENCE_PROFILE, threshold)
        self.record["drift"] = drift
        for key, checked in drift.get("inputs", {}).items():
            for column, result in checked.get("columns", {}).items():
                if result["status"] != "ok":
                    logger.warning(
                        "input %s, column %s: %s from the reference profile (psi %s > %s)",
                        key, column, result["status"], result.get("psi", "-"), threshold,
                        extra={"run_id": self.run_id, "input": key, "column": column,
                               "psi": result.get("psi")},
                    )
        if drift["status"] != "checked":
            logger.info("drift not checked: %s", drift.get("reason", ""))

    def _record_results(self, results: dict[str, Any]) -> None:
        for name in ARTIFACTS:
            value = results.get(name)
            if not isinstance(value, (str, os.PathLike)) or not os.fspath(value):
                continue
            path = Path(os.fspath(value))
            entry = {"name": name, "path": _relative(path, self.output_root)}
            self.record["artifacts"].append(entry | _file_facts(path))
        for name in METRICS:
            value = _json_value(results.get(name))
            if value is not None:
                self.record["metrics"][name] = value

    def _write(self, path: Path) -> None:
        text = json.dumps(self.record, indent=2, sort_keys=True, ensure_ascii=False,
                          default=str)
        _write_atomically(path, text + "\n")
        _write_atomically(path.parent.parent / "latest.txt", self.run_id + "\n")


def configure_logging(level: str = "INFO", log_format: str = "text") -> None:
    """Log to stderr as text lines, or as one JSON object per line (``json``).

    Python warnings (e.g. a library's FutureWarning) are logged as well.
    """
    handler = logging.StreamHandler()
    if log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    logging.captureWarnings(True)


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message and the extra fields."""

    _STANDARD = frozenset(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {
        "message",
        "asctime",
    }

    def format(self, record: logging.LogRecord) -> str:
        """The record as one line of JSON."""
        entry: dict[str, Any] = {
            "time": _iso(datetime.fromtimestamp(record.created, timezone.utc)),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in self._STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"


def _git_commit(folder: Path) -> str:
    """The commit checked out in the git repository holding folder, or ""."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    commit = done.stdout.strip()
    return commit if done.returncode == 0 and re.fullmatch(r"[0-9a-f]{40,64}", commit) else ""


def _library_versions() -> dict[str, str]:
    """The versions of the libraries the pipeline imported (none is imported here)."""
    versions = {}
    for name in LIBRARIES:
        module = sys.modules.get(name)
        version = getattr(module, "__version__", None)
        if isinstance(version, str):
            versions[name] = version
    return versions


def _masked(config: dict[str, Any], secret_values: list[str]) -> dict[str, Any]:
    """A copy of the configuration with secret-looking keys and secret values masked."""
    masked: dict[str, Any] = {}
    for key, value in config.items():
        if isinstance(value, dict):
            masked[key] = _masked(value, secret_values)
        elif value is not None and (
            _SECRET_KEY.search(str(key)) or (isinstance(value, str) and value in secret_values)
        ):
            masked[key] = _mask(str(value))
        else:
            masked[key] = value
    return masked


def _mask(value: str) -> str:
    return value[:2] + "\u2026"


def _mask_text(text: str, secret_values: list[str]) -> str:
    for value in secret_values:
        text = text.replace(value, _mask(value))
    return text


def _psi_threshold(config: dict[str, Any]) -> float:
    section = config.get("monitoring")
    value = section.get("psi_threshold") if isinstance(section, dict) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return DEFAULT_PSI_THRESHOLD


def _file_facts(path: Path) -> dict[str, Any]:
    """Size and SHA-256 of a file, or that it is missing."""
    if not path.is_file():
        return {"exists": False}
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return {"exists": True, "size": path.stat().st_size, "sha256": digest.hexdigest()}


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _json_value(value: Any) -> Any:
    """A metric as a JSON number, bool or string, or None when it is not one."""
    if hasattr(value, "item") and callable(value.item) and getattr(value, "ndim", 0) == 0:
        try:
            value = value.item()
        except (TypeError, ValueError):
            return None
    if isinstance(value, float) and value != value:
        return "nan"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return str(value)
    return value if isinstance(value, (bool, int, float, str)) else None


def _outputs(result: object) -> dict[Any, Any]:
    """A step's results by name (a NamedTuple's fields), by position (a tuple) or as one."""
    fields = getattr(result, "_fields", None)
    if isinstance(result, tuple) and fields:
        return dict(zip(fields, result))
    if isinstance(result, tuple):
        return {f"result[{index}]": value for index, value in enumerate(result)}
    return {"result": result}


def _rows_of(values: dict[Any, Any]) -> dict[str, int]:
    """The number of rows of each data frame, series or array among values."""
    kinds = []
    pandas = sys.modules.get("pandas")
    numpy = sys.modules.get("numpy")
    if pandas is not None:
        kinds += [pandas.DataFrame, pandas.Series]
    if numpy is not None:
        kinds.append(numpy.ndarray)
    rows = {}
    for name, value in values.items():
        if kinds and isinstance(value, tuple(kinds)) and getattr(value, "ndim", 1) > 0:
            rows[str(name)] = len(value)
    return rows


def _rows_text(pattern: str, rows: dict[str, int]) -> str:
    if not rows:
        return ""
    return pattern % ", ".join(f"{name}={count}" for name, count in rows.items())


def _write_atomically(path: Path, text: str) -> None:
    """Write text to path through a temporary file in the same folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix="." + path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _alert(record: dict[str, Any], run_json: Path) -> None:
    """POST a short summary of a failed or drifted run to the webhook, if one is set."""
    url = os.environ.get(WEBHOOK_VARIABLE, "").strip()
    if not url:
        return
    summary = {
        "package": DISTRIBUTION,
        "run_id": record["run_id"],
        "status": record["status"],
        "error": record.get("error"),
        "drifted": record.get("drift", {}).get("drifted", []),
        "run_json": str(run_json),
    }
    request = urllib.request.Request(
        url,
        data=json.dumps(summary, sort_keys=True).encode("utf-8"),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            logger.info("alert sent to %s (%s)", WEBHOOK_VARIABLE, response.status)
    except (OSError, ValueError) as problem:
        logger.warning("alert to %s failed: %s", WEBHOOK_VARIABLE, problem)
