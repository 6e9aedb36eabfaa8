"""Scoring models on held-out data."""

import logging

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, confusion_matrix, roc_auc_score

logger = logging.getLogger(__name__)


def evaluate(
    model: RandomForestClassifier,
    X_test: pd.DataFrame,
    y_test: pd.Series,
) -> tuple[float, float]:
    """Evaluate.

    Args:
        model: from train_models.
        X_test: from build_features.
        y_test: from build_features.

    Returns:
        (accuracy, roc_auc).
    """
    pred = model.predict(X_test)
    proba = model.predict_proba(X_test)[:, 1]
    accuracy = accuracy_score(y_test, pred)
    roc_auc = roc_auc_score(y_test, proba)
    logger.info(f"accuracy: {accuracy:.3f}")
    logger.info(f"roc_auc:  {roc_auc:.3f}")
    logger.info("confusion matrix:\n%s", confusion_matrix(y_test, pred))
    return accuracy, roc_auc
