"""Figures, tables and files written for people."""

import logging
import os

import matplotlib.pyplot as plt
import pandas as pd
from sklearn.ensemble import RandomForestClassifier

logger = logging.getLogger(__name__)


def write_reports(
    df: pd.DataFrame,
    X: pd.DataFrame,
    model: RandomForestClassifier,
    accuracy: float,
    roc_auc: float,
    reports_dir: str,
    send_to_crm: bool,
    crm_url: str,
) -> tuple[str, str]:
    """Report.

    Args:
        df: from build_features.
        X: from build_features.
        model: from train_models.
        accuracy: from evaluate.
        roc_auc: from evaluate.
        reports_dir: path from config key reports_dir.
        send_to_crm: config key send_to_crm.
        crm_url: config key crm_url.

    Returns:
        (importance_plot, region_report).
    """
    os.makedirs(reports_dir, exist_ok=True)
    imp = pd.Series(model.feature_importances_, index=X.columns).sort_values()
    fig, ax = plt.subplots(figsize=(6, 4))
    imp.tail(10).plot.barh(ax=ax, color='steelblue')
    ax.set_title('Random forest - top 10 features')
    plt.tight_layout()
    importance_plot = os.path.join(reports_dir, 'feature_importance.png')
    plt.savefig(importance_plot, dpi=100)
    plt.close(fig)

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
    region_report = os.path.join(reports_dir, 'churn_by_region.csv')
    churn_by_region.to_csv(region_report)

    payload = {
        'model': 'rf_v3',
        'accuracy': round(accuracy, 4),
        'roc_auc': round(roc_auc, 4),
        'high_risk_customers': int((model.predict_proba(X)[:, 1] > 0.5).sum()),
        'report': region_report,
    }
    logger.info("payload: %s", payload)

    if send_to_crm:
        import requests
        resp = requests.post(crm_url,
                             headers={'Authorization': 'Bearer ' + os.environ["API_KEY"]},
                             json=payload, timeout=10)
        logger.info("CRM answered %s", resp.status_code)
    return importance_plot, region_report
