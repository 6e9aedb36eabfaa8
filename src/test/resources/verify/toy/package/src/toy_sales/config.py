"""Configuration: config.yaml, overridden by NB2PROD_<KEY> environment variables and --set key=value."""

import os
from pathlib import Path

import yaml

PATH_KEYS = {"sales_path": "data_root", "summary_path": "output_root", "figure_path": "output_root"}


def _parse(text: str):
    return yaml.safe_load(text)


def load_config(path, overrides: dict) -> dict:
    """Loads the configuration; overrides win over the environment, which wins over the file."""
    with open(path, encoding="utf-8") as handle:
        config = yaml.safe_load(handle) or {}
    for key in list(config):
        env = os.environ.get("NB2PROD_" + key.upper())
        if env is not None:
            config[key] = _parse(env)
    for key, value in overrides.items():
        config[key] = _parse(value) if isinstance(value, str) else value
    base = Path(path).resolve().parent
    for root in ("data_root", "output_root"):
        config[root] = str((base / config[root]).resolve())
    return config


def resolve(config: dict, key: str) -> Path:
    """A path key resolved against its root (data_root for inputs, output_root for outputs)."""
    return Path(config[PATH_KEYS[key]]) / config[key]
