"""Reading the raw data."""

import logging

import pandas as pd

logger = logging.getLogger(__name__)


def load_data(customers_file: str) -> pd.DataFrame:
    """Load data.

    Args:
        customers_file: path from config key customers_file.

    Returns:
        df.
    """
    df = pd.read_csv(customers_file)
    logger.info("loaded %d rows from %s", len(df), customers_file)
    return df
