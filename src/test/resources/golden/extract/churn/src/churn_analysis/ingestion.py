"""Reading the raw data."""

import logging

import pandas as pd

from .config import IngestionParams

logger = logging.getLogger(__name__)


def load_customers(params: IngestionParams) -> pd.DataFrame:
    """Read customers.csv into df.

    Args:
        params: settings of the ingestion stage (config.yaml).

    Returns:
        df.
    """
    df = pd.read_csv(params.customers_path)
    logger.info("loaded %d rows from %s", len(df), params.customers_path)
    return df
