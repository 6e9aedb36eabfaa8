"""Configuration: config.yaml, environment variables and --set overrides.

Precedence, highest first: ``--set key=value`` on the command line, then
environment variables ``CHURN_ANALYSIS_<KEY>`` (dots become underscores, e.g.
``CHURN_ANALYSIS_MODEL_MAX_DEPTH``), then config.yaml, then DEFAULTS.
Values given as text are parsed as YAML (``8`` is a number, ``true`` a
boolean).

Paths: input files are read relative to ``data_root`` and output files are
written relative to ``output_root``; a relative root is relative to the
folder of config.yaml, so the pipeline runs the same from any directory.

Each stage reads its settings as one frozen dataclass (``<Stage>Params``)
built from its section of config.yaml by ``from_config``.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ENV_PREFIX = "CHURN_ANALYSIS"

DEFAULTS: dict[str, Any] = {
    "data_root": ".",
    "output_root": ".",
}

# Folders the relative input and output paths are resolved against.
ROOTS = ("data_root", "output_root")

# Keys the pipeline cannot run without, and their types.
REQUIRED: dict[str, type] = {
    "data_root": str,
    "output_root": str,
    "figures_dir": str,
    "models_dir": str,
    "ingestion.customers_path": str,
    "features.min_support_calls": int,
    "features.min_last_login_days": int,
    "features.min_monthly_charges": float,
    "features.max_tenure_months": int,
    "features.test_size": float,
    "training.lr_c": float,
    "training.lr_max_iter": int,
    "training.rf_n_estimators": int,
    "training.rf_max_depth": int,
    "training.rf_min_samples_leaf": int,
    "reporting.feature_importance_path": str,
    "reporting.churn_by_region_path": str,
    "reporting.min_predict_proba": float,
    "reporting.send_to_crm": bool,
    "reporting.crm_url": str,
    "monitoring.psi_threshold": float,
}


class ConfigError(Exception):
    """A configuration value is missing or invalid."""


def load_config(
    path: str | os.PathLike[str] = "config.yaml",
    overrides: list[str] | dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Load the configuration and check every required value.

    Args:
        path: the YAML file.
        overrides: ``key=value`` strings, e.g. ``model.max_depth=8``, or a
            dict of keys to values (text values are parsed as YAML).

    Returns:
        The configuration as nested dicts.

    Raises:
        ConfigError: the file is unreadable or a required value is missing.
    """
    source = Path(path)
    config = copy.deepcopy(DEFAULTS)
    try:
        with source.open(encoding="utf-8") as handle:
            loaded = yaml.safe_load(handle) or {}
    except OSError as error:
        raise ConfigError(f"cannot read {source}: {error.strerror}") from error
    if not isinstance(loaded, dict):
        raise ConfigError(f"{source}: expected a mapping of keys to values")
    _merge(config, loaded)
    for key in sorted(set(_keys(config)) | set(REQUIRED)):
        variable = ENV_PREFIX + "_" + key.upper().replace(".", "_")
        if variable in os.environ:
            _put(config, key, yaml.safe_load(os.environ[variable]))
    if isinstance(overrides, dict):
        for key, value in overrides.items():
            _put(config, key, yaml.safe_load(value) if isinstance(value, str) else value)
    else:
        for override in overrides or []:
            key, sep, value = override.partition("=")
            if not sep or not key.strip():
                raise ConfigError(f"--set expects KEY=VALUE, got {override!r}")
            _put(config, key.strip(), yaml.safe_load(value))
    for key in ROOTS:
        root = Path(str(require(config, key, source))).expanduser()
        if not root.is_absolute():
            root = source.resolve().parent / root
        _put(config, key, str(root))
    for key, expected in REQUIRED.items():
        value = require(config, key, source)
        if expected is float and isinstance(value, int):
            value = float(value)
            _put(config, key, value)
        if not isinstance(value, expected) or (
            expected is int and isinstance(value, bool)
        ):
            raise ConfigError(
                f"{key} must be {expected.__name__}, got {value!r} (in {source})"
            )
    return config


def require(
    config: dict[str, Any],
    key: str,
    source: str | os.PathLike[str] = "config.yaml",
) -> Any:
    """The value of a dotted key, or a ConfigError naming the key and file."""
    value: Any = config
    for part in key.split("."):
        if not isinstance(value, dict) or value.get(part) is None:
            raise ConfigError(
                f"missing configuration value {key!r}: set it in {source} "
                f"or pass --set {key}=VALUE"
            )
        value = value[part]
    return value


def config_path(config: dict[str, Any], key: str) -> str:
    """An input path from the configuration, relative paths joined onto data_root."""
    path = Path(str(require(config, key))).expanduser()
    if not path.is_absolute():
        path = Path(str(require(config, "data_root"))) / path
    return str(path)


def output_path(config: dict[str, Any], key: str) -> str:
    """An output path, relative paths joined onto output_root; parents made."""
    path = Path(str(require(config, key))).expanduser()
    if not path.is_absolute():
        path = Path(str(require(config, "output_root"))) / path
    path.parent.mkdir(parents=True, exist_ok=True)
    return str(path)


def secret(name: str) -> str:
    """A secret from the environment, or a ConfigError saying where to set it."""
    value = os.environ.get(name)
    if not value:
        raise ConfigError(
            f"environment variable {name} is not set: copy .env.example "
            "to .env, fill it in and export it"
        )
    return value


def _merge(target: dict[str, Any], source: dict[str, Any]) -> None:
    for key, value in source.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


def _keys(config: dict[str, Any], prefix: str = "") -> list[str]:
    keys = []
    for key, value in config.items():
        if isinstance(value, dict):
            keys.extend(_keys(value, prefix + key + "."))
        else:
            keys.append(prefix + key)
    return keys


def _put(config: dict[str, Any], key: str, value: Any) -> None:
    parts = key.split(".")
    for part in parts[:-1]:
        if not isinstance(config.get(part), dict):
            config[part] = {}
        config = config[part]
    config[parts[-1]] = value


@dataclass(frozen=True)
class IngestionParams:
    """Settings of the ingestion stage (section ``ingestion`` of config.yaml)."""

    customers_path: str

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> IngestionParams:
        """The settings from a configuration returned by load_config."""
        return cls(
            customers_path=config_path(config, "ingestion.customers_path"),
        )


@dataclass(frozen=True)
class FeaturesParams:
    """Settings of the features stage (section ``features`` of config.yaml)."""

    min_support_calls: int
    min_last_login_days: int
    min_monthly_charges: float
    max_tenure_months: int
    test_size: float

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> FeaturesParams:
        """The settings from a configuration returned by load_config."""
        return cls(
            min_support_calls=require(config, "features.min_support_calls"),
            min_last_login_days=require(config, "features.min_last_login_days"),
            min_monthly_charges=require(config, "features.min_monthly_charges"),
            max_tenure_months=require(config, "features.max_tenure_months"),
            test_size=require(config, "features.test_size"),
        )


@dataclass(frozen=True)
class TrainingParams:
    """Settings of the training stage (section ``training`` of config.yaml)."""

    lr_c: float
    lr_max_iter: int
    rf_n_estimators: int
    rf_max_depth: int
    rf_min_samples_leaf: int

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> TrainingParams:
        """The settings from a configuration returned by load_config."""
        return cls(
            lr_c=require(config, "training.lr_c"),
            lr_max_iter=require(config, "training.lr_max_iter"),
            rf_n_estimators=require(config, "training.rf_n_estimators"),
            rf_max_depth=require(config, "training.rf_max_depth"),
            rf_min_samples_leaf=require(config, "training.rf_min_samples_leaf"),
        )


@dataclass(frozen=True)
class ReportingParams:
    """Settings of the reporting stage (section ``reporting`` of config.yaml)."""

    figures_dir: str
    feature_importance_path: str
    churn_by_region_path: str
    min_predict_proba: float
    send_to_crm: bool
    crm_url: str

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> ReportingParams:
        """The settings from a configuration returned by load_config."""
        return cls(
            figures_dir=output_path(config, "figures_dir"),
            feature_importance_path=output_path(config, "reporting.feature_importance_path"),
            churn_by_region_path=output_path(config, "reporting.churn_by_region_path"),
            min_predict_proba=require(config, "reporting.min_predict_proba"),
            send_to_crm=require(config, "reporting.send_to_crm"),
            crm_url=require(config, "reporting.crm_url"),
        )
