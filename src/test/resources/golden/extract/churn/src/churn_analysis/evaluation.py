"""Scoring models on held-out data."""

import logging

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix, roc_auc_score

logger = logging.getLogger(__name__)


def evaluate_models(
    rf: RandomForestClassifier,
    lr: LogisticRegression,
    X_test: pd.DataFrame,
    X_test_s: np.ndarray,
    y_test: pd.Series,
) -> tuple[float, float, float]:
    """Compute acc, auc and lr_auc on the test split.

    Args:
        rf: from train_random_forest.
        lr: from train_logistic_regression.
        X_test: from engineer_features.
        X_test_s: from train_logistic_regression.
        y_test: from engineer_features.

    Returns:
        (acc, auc, lr_auc).
    """
    pred = rf.predict(X_test)
    proba = rf.predict_proba(X_test)[:, 1]
    acc = accuracy_score(y_test, pred)
    auc = roc_auc_score(y_test, proba)
    logger.info("accuracy: %.3f", acc)
    logger.info("roc_auc:  %.3f", auc)
    logger.info("confusion matrix:\n%s", confusion_matrix(y_test, pred))

    lr_auc = roc_auc_score(y_test, lr.predict_proba(X_test_s)[:, 1])
    return acc, auc, lr_auc
