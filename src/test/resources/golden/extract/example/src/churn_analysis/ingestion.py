"""Reading the raw data."""

import os

import numpy as np
import pandas as pd

from .config import IngestionParams


def set_random_seed(params: IngestionParams) -> None:
    """Seed the global random generator, as the notebook does.

    Args:
        params: settings of the ingestion stage (config.yaml).
    """
    np.random.seed(params.random_seed)


def load_customers(params: IngestionParams) -> pd.DataFrame:
    """Read customers.csv into df.

    Args:
        params: settings of the ingestion stage (config.yaml).

    Returns:
        df.
    """
    if os.path.exists(params.data_path):
        df = pd.read_csv(params.data_path)
    else:
        df = pd.read_csv(params.customers_path)  # copy of the export next to the notebook
    return df
