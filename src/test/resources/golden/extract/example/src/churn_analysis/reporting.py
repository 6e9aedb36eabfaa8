"""Figures, tables and files written for people."""

import logging
import os

import matplotlib.pyplot as plt
import pandas as pd
from sklearn.ensemble import RandomForestClassifier

logger = logging.getLogger(__name__)


def plot_feature_importance(
    rf: RandomForestClassifier,
    X: pd.DataFrame,
    feature_importance_path: str,
) -> None:
    """Plot feature importance.

    Args:
        rf: from train_model.
        X: from train_model.
        feature_importance_path: path from config key feature_importance_path.
    """
    imp = pd.Series(rf.feature_importances_, index=X.columns).sort_values()
    fig, ax = plt.subplots(figsize=(6, 4))
    imp.tail(10).plot.barh(ax=ax, color='steelblue')
    ax.set_title('Random forest - top 10 features')
    plt.tight_layout()
    plt.savefig(feature_importance_path, dpi=100)


def report_results(
    df: pd.DataFrame,
    acc: float,
    auc: float,
    rf: RandomForestClassifier,
    X: pd.DataFrame,
    churn_by_region_path: str,
    min_predict_proba: float,
    data_path: str,
    send_to_crm: bool,
    example_crm_url: str,
) -> pd.DataFrame:
    """Report.

    Args:
        df: from train_model.
        acc: from evaluate_model.
        auc: from evaluate_model.
        rf: from train_model.
        X: from train_model.
        churn_by_region_path: path from config key churn_by_region_path.
        min_predict_proba: config key min_predict_proba.
        data_path: path from config key data_path.
        send_to_crm: config key send_to_crm.
        example_crm_url: config key example_crm_url.

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
    churn_by_region.to_csv(churn_by_region_path)

    payload = {
        'model': 'rf_v3',
        'accuracy': round(acc, 4),
        'roc_auc': round(auc, 4),
        'high_risk_customers': int((rf.predict_proba(X)[:, 1] > min_predict_proba).sum()),
        'report': os.path.join(os.path.dirname(data_path), '..', 'reports', 'churn_by_region.csv'),
    }
    logger.info("%s", payload)

    if send_to_crm:
        import requests
        resp = requests.post(example_crm_url,
                             headers={'Authorization': 'Bearer ' + os.environ["API_KEY"]},
                             json=payload, timeout=10)
        logger.info("%s %s", resp.status_code, resp.text[:200])
    return churn_by_region
