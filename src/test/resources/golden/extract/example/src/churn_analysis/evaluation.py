"""Scoring models on held-out data."""

import logging

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
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
) -> tuple[float, float]:
    """Evaluate.

    Args:
        rf: from train_model.
        X_test: from train_model.
        y_test: from train_model.

    Returns:
        (acc, auc).
    """
    pred = rf.predict(X_test)
    proba = rf.predict_proba(X_test)[:, 1]
    acc = accuracy_score(y_test, pred)
    auc = roc_auc_score(y_test, proba)
    logger.info("accuracy: %.3f", acc)
    logger.info("roc_auc:  %.3f", auc)
    logger.info("%s", confusion_matrix(y_test, pred))
    logger.info("%s", classification_report(y_test, pred))
    return acc, auc
