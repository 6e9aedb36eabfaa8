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


def plot_random_forest_top_10_features(
    rf: RandomForestClassifier,
    X: pd.DataFrame,
    params: ReportingParams,
) -> str:
    """Draw the figure 'Random forest - top 10 features' and save it.

    Args:
        rf: from train_rf.
        X: from engineer_features.
        params: settings of the reporting stage (config.yaml).

    Returns:
        random_forest_top_10_features_figure.
    """
    imp = pd.Series(rf.feature_importances_, index=X.columns).sort_values()
    fig, ax = plt.subplots(figsize=(6, 4))
    imp.tail(10).plot.barh(ax=ax, color='steelblue')
    ax.set_title('Random forest - top 10 features')
    plt.tight_layout()
    plt.savefig(params.feature_importance_path, dpi=100)
    random_forest_top_10_features_figure = save_figure(params.figures_dir, "random_forest_top_10_features")
    return random_forest_top_10_features_figure


def write_churn_by_region(
    df: pd.DataFrame,
    acc: float,
    auc: float,
    rf: RandomForestClassifier,
    X: pd.DataFrame,
    params: ReportingParams,
) -> pd.DataFrame:
    """Write churn_by_region.csv; send the results to api.example-crm.com.

    Args:
        df: from train_rf2.
        acc: from evaluate_model.
        auc: from evaluate_model.
        rf: from train_rf.
        X: from engineer_features.
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

    payload = {
        'model': 'rf_v3',
        'accuracy': round(acc, 4),
        'roc_auc': round(auc, 4),
        'high_risk_customers': int((rf.predict_proba(X)[:, 1] > params.min_predict_proba).sum()),
        'report': os.path.join(os.path.dirname(params.data_path), '..', 'reports', 'churn_by_region.csv'),
    }
    logger.info("%s", payload)

    if params.send_to_crm:
        import requests
        resp = requests.post(params.example_crm_url,
                             headers={'Authorization': 'Bearer ' + os.environ["API_KEY"]},
                             json=payload, timeout=10)
        logger.info("%s %s", resp.status_code, resp.text[:200])
    return churn_by_region
