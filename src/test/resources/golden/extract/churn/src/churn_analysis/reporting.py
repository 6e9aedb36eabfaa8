"""Figures, tables and files written for people."""

import logging
import os

import matplotlib.pyplot as plt
import pandas as pd
from sklearn.ensemble import RandomForestClassifier

from .artifacts import save_figure
from .config import ReportingParams

logger = logging.getLogger(__name__)


def plot_churn_rate_by_region(
    df: pd.DataFrame,
    params: ReportingParams,
) -> str:
    """Draw the figure 'Churn rate by region' and save it.

    Args:
        df: from clean_data.
        params: settings of the reporting stage (config.yaml).

    Returns:
        churn_rate_by_region_figure.
    """
    df.groupby('region').churned.mean().sort_values().plot(kind='bar', figsize=(6, 3), rot=0)
    plt.ylabel('churn rate')
    plt.title('Churn rate by region')
    churn_rate_by_region_figure = save_figure(params.figures_dir, "churn_rate_by_region")
    return churn_rate_by_region_figure


def plot_feature_importance(
    rf: RandomForestClassifier,
    X: pd.DataFrame,
    params: ReportingParams,
) -> str:
    """Draw the figure 'Random forest - top 10 features' and save it.

    Args:
        rf: from train_random_forest.
        X: from engineer_features.
        params: settings of the reporting stage (config.yaml).

    Returns:
        feature_importance_figure.
    """
    imp = pd.Series(rf.feature_importances_, index=X.columns).sort_values()
    fig, ax = plt.subplots(figsize=(6, 4))
    imp.tail(10).plot.barh(ax=ax, color='steelblue')
    ax.set_title('Random forest - top 10 features')
    plt.tight_layout()
    plt.savefig(params.feature_importance_path, dpi=100)
    feature_importance_figure = save_figure(params.figures_dir, "feature_importance")
    return feature_importance_figure


def write_churn_by_region(
    df: pd.DataFrame,
    params: ReportingParams,
) -> pd.DataFrame:
    """Compute churn_by_region from df; write churn_by_region.csv.

    Args:
        df: from engineer_features.
        params: settings of the reporting stage (config.yaml).

    Returns:
        churn_by_region.
    """
    churn_by_region = (
        df.groupby('region')
          .agg(customers=('churned', 'size'),
               churned=('churned', 'sum'),
               churn_rate=('churned', 'mean'),
               avg_monthly=('monthly_charges', 'mean'),
               many_calls=('many_calls', 'sum'))
          .round(3)
          .sort_values('churn_rate', ascending=False)
    )
    churn_by_region.to_csv(params.churn_by_region_path)
    return churn_by_region


def send_results(
    acc: float,
    auc: float,
    rf: RandomForestClassifier,
    X: pd.DataFrame,
    params: ReportingParams,
) -> None:
    """Send the scores to api.example-crm.com when send_to_crm is set.

    Args:
        acc: from evaluate_models.
        auc: from evaluate_models.
        rf: from train_random_forest.
        X: from engineer_features.
        params: settings of the reporting stage (config.yaml).
    """
    payload = {
        'model': 'rf_v3',
        'accuracy': round(acc, 4),
        'roc_auc': round(auc, 4),
        'high_risk_customers': int((rf.predict_proba(X)[:, 1] > params.min_predict_proba).sum()),
        'report': params.churn_by_region_path,
    }
    logger.info("payload: %s", payload)

    if params.send_to_crm:
        import requests
        resp = requests.post(params.crm_url,
                             headers={'Authorization': 'Bearer ' + os.environ["API_KEY"]},
                             json=payload, timeout=10)
        logger.info("CRM answered %s", resp.status_code)
