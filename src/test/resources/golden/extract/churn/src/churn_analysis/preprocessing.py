"""Cleaning, filtering and typing the data."""

import logging

import pandas as pd

logger = logging.getLogger(__name__)


def clean_data(df: pd.DataFrame) -> pd.DataFrame:
    """Clean df.

    Accounts with tenure_months == 0 signed up this month and have no bill yet,
    drop them. A few rows have no region / email (CRM export glitch).

    Args:
        df: from load_customers.

    Returns:
        df.
    """
    df = df.copy()
    df = df[df.tenure_months > 0]
    df = df.dropna()
    logger.info("%d rows after cleaning", len(df))

    # total_charges comes in as text, blanks are ' '
    df['total_charges'] = pd.to_numeric(df['total_charges'], errors='coerce')
    logger.info('blank total_charges: %d', df.total_charges.isna().sum())
    df = df.fillna(0)

    # some old exports had dd/mm/yyyy dates
    try:
        df['signup_date'] = pd.to_datetime(df['signup_date'])
    except (ValueError, TypeError):
        logger.warning("signup_date kept as text: it does not parse as dates")

    df.drop('customer_id', axis=1, inplace=True)
    return df
