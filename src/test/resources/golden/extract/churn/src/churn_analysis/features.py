"""Derived columns, encodings and feature matrices."""

import logging

import pandas as pd
from sklearn.model_selection import train_test_split

logger = logging.getLogger(__name__)


def build_features(
    df: pd.DataFrame,
    min_monthly_charges: float,
    test_size: float,
    random_seed: int,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series, pd.Series]:
    """Feature engineering.

    Args:
        df: from clean_data.
        min_monthly_charges: config key min_monthly_charges.
        test_size: config key test_size.
        random_seed: config key random_seed.

    Returns:
        (df, X, X_train, X_test, y_train, y_test).
    """
    df = df.copy()
    df['tenure_years'] = df.tenure_months / 12
    df['avg_monthly_billed'] = df.total_charges / df.tenure_months
    df['billing_gap'] = df.monthly_charges - df.avg_monthly_billed
    df['many_calls'] = (df.support_calls >= 4).astype(int)
    df['inactive'] = (df.last_login_days > 30).astype(int)
    df['high_value'] = (df.monthly_charges > min_monthly_charges).astype(int)
    df['calls_per_year'] = df.support_calls / (df.tenure_years + 0.5)
    df['days_since_signup'] = (pd.Timestamp('2024-06-30') - df.signup_date).dt.days
    df['new_customer'] = (df.tenure_months <= 6).astype(int)

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
    logger.info('%s churn rate %.3f', X.shape, y.mean())

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=test_size, stratify=y, random_state=random_seed)
    return df, X, X_train, X_test, y_train, y_test
