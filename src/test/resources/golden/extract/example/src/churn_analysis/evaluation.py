"""Scoring models on held-out data."""

import logging

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    classification_report,
    confusion_matrix,
    roc_auc_score,
)

logger = logging.getLogger(__name__)


def evaluate_model(
    rf: RandomForestClassifier,
    X_test: pd.DataFrame,
    y_test: pd.Series,
    lr: LogisticRegression,
    X_test_s: np.ndarray,
) -> tuple[float, float, float]:
    """Compute acc, auc and lr_auc.

    Args:
        rf: from train_rf.
        X_test: from engineer_features.
        y_test: from engineer_features.
        lr: from train_logistic_regression.
        X_test_s: from train_logistic_regression.

    Returns:
        (acc, auc, lr_auc).
    """
    pred = rf.predict(X_test)
    proba = rf.predict_proba(X_test)[:, 1]
    acc = accuracy_score(y_test, pred)
    auc = roc_auc_score(y_test, proba)
    logger.info("accuracy: %.3f", acc)
    logger.info("roc_auc:  %.3f", auc)
    logger.info("%s", confusion_matrix(y_test, pred))
    logger.info("%s", classification_report(y_test, pred))

    lr_auc = roc_auc_score(y_test, lr.predict_proba(X_test_s)[:, 1])
    return acc, auc, lr_auc
