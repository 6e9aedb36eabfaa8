"""Saving the pipeline's figures and fitted models under output_root."""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

import matplotlib.pyplot as plt

logger = logging.getLogger(__name__)


def save_figure(folder: str, name: str, shown: object = None) -> str:
    """Save the open figures as folder/name.png (name_2.png... for more).

    The figures are closed afterwards, as Jupyter does at the end of a cell;
    like Jupyter, figures with nothing drawn on them are not saved.
    With ``shown`` (a figure, axes, array of axes or grid drawn earlier and
    shown again), only that figure is saved.

    Args:
        folder: the folder of the figures (created when missing).
        name: the file name without extension.
        shown: a figure object to save instead of the open figures.

    Returns:
        The path of the first figure saved, or an empty string when no figure
        was open.
    """
    Path(folder).mkdir(parents=True, exist_ok=True)
    if shown is not None:
        figure = shown
        if hasattr(figure, "flat"):
            figure = next(iter(figure.flat))
        if not hasattr(figure, "savefig"):
            figure = figure.get_figure() if hasattr(figure, "get_figure") else figure.figure
        path = Path(folder) / f"{name}.png"
        figure.savefig(path, bbox_inches="tight")
        plt.close("all")
        logger.info("saved %s", path)
        return str(path)
    figures = [plt.figure(number) for number in plt.get_fignums()]
    paths = []
    for index, figure in enumerate((f for f in figures if f.axes or f.lines), start=1):
        suffix = "" if index == 1 else f"_{index}"
        path = Path(folder) / f"{name}{suffix}.png"
        figure.savefig(path, bbox_inches="tight")
        paths.append(str(path))
    plt.close("all")
    if not paths:
        logger.warning("no open figure to save as %s", name)
        return ""
    logger.info("saved %s", ", ".join(paths))
    return paths[0]


def save_model(model: object, folder: str, name: str) -> str:
    """Save a fitted model as folder/name.joblib (name.pkl without joblib).

    Args:
        model: the fitted model.
        folder: the folder of the models (created when missing).
        name: the file name without extension.

    Returns:
        The path of the file written.
    """
    Path(folder).mkdir(parents=True, exist_ok=True)
    try:
        import joblib
    except ImportError:
        path = Path(folder) / f"{name}.pkl"
        with path.open("wb") as handle:
            pickle.dump(model, handle)
    else:
        path = Path(folder) / f"{name}.joblib"
        joblib.dump(model, path)
    logger.info("saved %s", path)
    return str(path)
