"""Reading the raw data."""

import os

import numpy as np
import pandas as pd


def set_random_seed(random_seed: int) -> None:
    """Customer churn analysis – Q2 2024.

    Args:
        random_seed: config key random_seed.
    """
    np.random.seed(random_seed)


def load_data(data_path: str) -> pd.DataFrame:
    """Load data.

    Args:
        data_path: path from config key data_path.

    Returns:
        df.
    """
    if os.path.exists(data_path):
        df = pd.read_csv(data_path)
    else:
        df = pd.read_csv(data_path)  # copy of the export next to the notebook
    return df
