"""Command line: ``python -m churn_analysis --config config.yaml --set key=value``."""

from __future__ import annotations

import argparse
import logging
import sys

from .config import ConfigError, load_config
from .monitoring import configure_logging
from .pipeline import run_pipeline

logger = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    """Run the pipeline with the configuration and overrides given.

    Args:
        argv: the command-line arguments (default: sys.argv[1:]).

    Returns:
        The exit code: 0 on success, 1 when the pipeline fails, 2 for a
        configuration error.
    """
    parser = argparse.ArgumentParser(
        prog="churn-analysis",
        description="Why are customers leaving, and which ones are at risk? Data is the CRM export customers.csv",
    )
    parser.add_argument(
        "--config",
        default="config.yaml",
        metavar="PATH",
        help="configuration file (default: %(default)s)",
    )
    parser.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a configuration value, e.g. --set model.max_depth=8",
    )
    parser.add_argument(
        "--log-level",
        default="INFO",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="logging level (default: %(default)s)",
    )
    parser.add_argument(
        "--log-format",
        default="text",
        choices=["text", "json"],
        help="log lines as text or as one JSON object per line (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    configure_logging(args.log_level, args.log_format)
    try:
        config = load_config(args.config, args.overrides)
    except ConfigError as error:
        logger.error("%s", error)
        return 2
    try:
        results = run_pipeline(config)
    except Exception as error:  # noqa: BLE001 - reported, and recorded in run.json
        logger.error("the pipeline failed: %s", error, exc_info=True)
        return 1
    for name, value in results.items():
        logger.info("%s: %s", name, _describe(value))
    return 0


def _describe(value: object) -> str:
    """A short description of an artifact for the log."""
    shape = getattr(value, "shape", None)
    if shape is not None and shape != ():
        return f"{type(value).__name__} of shape {shape}"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


if __name__ == "__main__":
    sys.exit(main())
