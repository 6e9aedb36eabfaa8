"""Derived columns, encodings and feature matrices."""

import logging
from typing import NamedTuple

import pandas as pd
from sklearn.model_selection import train_test_split

from .config import FeaturesParams

logger = logging.getLogger(__name__)


def segment_churn(col, *, df):
    # churn rate of each group relative to the overall churn rate
    rates = df.groupby(col).churned.mean() / df.churned.mean()
    return rates.sort_values(ascending=False).round(2)


def compute_segment_churn_plan(df: pd.DataFrame):
    """Derive segment_churn_plan from df.

    Args:
        df: from clean_data.

    Returns:
        segment_churn_plan.
    """
    segment_churn_plan = segment_churn('plan', df=df)
    return segment_churn_plan


class EngineerFeaturesResult(NamedTuple):
    """What engineer_features returns."""

    df: pd.DataFrame
    X: pd.DataFrame
    X_train: pd.DataFrame
    X_test: pd.DataFrame
    y_train: pd.Series
    y_test: pd.Series


def engineer_features(
    df: pd.DataFrame,
    params: FeaturesParams,
) -> EngineerFeaturesResult:
    """Add 9 columns to df; split the data into training and test sets.

    Args:
        df: from clean_data.
        params: settings of the features stage (config.yaml).

    Returns:
        df, X, X_train, X_test, y_train, y_test, as an EngineerFeaturesResult.
    """
    df = df.copy()
    # ---------------- feature engineering ----------------
    df['tenure_years'] = df.tenure_months / 12
    df['avg_monthly_billed'] = df.total_charges / df.tenure_months
    df['billing_gap'] = df.monthly_charges - df.avg_monthly_billed
    df['many_calls'] = (df.support_calls >= params.min_support_calls).astype(int)
    df['inactive'] = (df.last_login_days > params.min_last_login_days).astype(int)
    df['high_value'] = (df.monthly_charges > params.min_monthly_charges).astype(int)
    df['calls_per_year'] = df.support_calls / (df.tenure_years + 0.5)
    df['days_since_signup'] = (pd.Timestamp('2024-06-30') - df.signup_date).dt.days
    df['new_customer'] = (df.tenure_months <= params.max_tenure_months).astype(int)

    # email is PII, not a feature
    df.drop(['contact_email'], axis=1, inplace=True)

    feature_cols = [
        'monthly_charges',
        'total_charges',
        'tenure_months',
        'support_calls',
        'last_login_days',
        'avg_monthly_billed',
        'billing_gap',
        'many_calls',
        'inactive',
        'high_value',
        'calls_per_year',
        'days_since_signup',
        'new_customer',
        # 'tenure_years',  # collinear with tenure_months
    ]
    X = pd.get_dummies(df[feature_cols + ['region', 'plan']], columns=['region', 'plan'], drop_first=True)
    y = df['churned']
    logger.info("%s churn rate %.3f", X.shape, y.mean())

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=params.test_size, stratify=y)
    logger.info("train %s test %s", X_train.shape, X_test.shape)
    return EngineerFeaturesResult(
        df=df,
        X=X,
        X_train=X_train,
        X_test=X_test,
        y_train=y_train,
        y_test=y_test,
    )
