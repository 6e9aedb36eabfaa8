"""Airflow DAG for churn-analysis: one task per pipeline step, run on demand.

Each task calls the same function as pipeline.py; results travel between
tasks through XCom, so DataFrames and models need XCom pickling
(``[core] enable_xcom_pickling = True``) or a custom XCom backend. The
package must be installed where the workers run (``pip install -e .``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from airflow import DAG
from airflow.operators.python import PythonOperator

from churn_analysis.config import (
    FeaturesParams,
    IngestionParams,
    ReportingParams,
    TrainingParams,
    load_config,
)
from churn_analysis.evaluation import evaluate_models
from churn_analysis.features import (
    compute_segment_churn_plan,
    engineer_features,
)
from churn_analysis.ingestion import load_customers
from churn_analysis.preprocessing import clean_data
from churn_analysis.reporting import (
    plot_churn_rate_by_region,
    plot_feature_importance,
    send_results,
    write_churn_by_region,
)
from churn_analysis.training import (
    train_logistic_regression,
    train_random_forest,
)

CONFIG_FILE = "config.yaml"


def _load_customers(ti: Any) -> dict[str, Any]:
    """Task load_customers: run load_customers."""
    config = load_config(CONFIG_FILE)
    df = load_customers(params=IngestionParams.from_config(config))
    return {"df": df}


def _clean_data(ti: Any) -> dict[str, Any]:
    """Task clean_data: run clean_data."""
    load_customers_result = ti.xcom_pull(task_ids="load_customers")
    df = clean_data(df=load_customers_result["df"])
    return {"df": df}


def _plot_churn_rate_by_region(ti: Any) -> dict[str, Any]:
    """Task plot_churn_rate_by_region: run plot_churn_rate_by_region."""
    config = load_config(CONFIG_FILE)
    clean_data_result = ti.xcom_pull(task_ids="clean_data")
    churn_rate_by_region_figure = plot_churn_rate_by_region(
        df=clean_data_result["df"],
        params=ReportingParams.from_config(config),
    )
    return {"churn_rate_by_region_figure": churn_rate_by_region_figure}


def _compute_segment_churn_plan(ti: Any) -> dict[str, Any]:
    """Task compute_segment_churn_plan: run compute_segment_churn_plan."""
    clean_data_result = ti.xcom_pull(task_ids="clean_data")
    segment_churn_plan = compute_segment_churn_plan(df=clean_data_result["df"])
    return {"segment_churn_plan": segment_churn_plan}


def _engineer_features(ti: Any) -> dict[str, Any]:
    """Task engineer_features: run engineer_features."""
    config = load_config(CONFIG_FILE)
    clean_data_result = ti.xcom_pull(task_ids="clean_data")
    result = engineer_features(
        df=clean_data_result["df"],
        params=FeaturesParams.from_config(config),
    )
    return result._asdict()


def _train_logistic_regression(ti: Any) -> dict[str, Any]:
    """Task train_logistic_regression: run train_logistic_regression."""
    config = load_config(CONFIG_FILE)
    engineer_features_result = ti.xcom_pull(task_ids="engineer_features")
    X_test_s, lr = train_logistic_regression(
        X_train=engineer_features_result["X_train"],
        X_test=engineer_features_result["X_test"],
        y_train=engineer_features_result["y_train"],
        params=TrainingParams.from_config(config),
    )
    return {"X_test_s": X_test_s, "lr": lr}


def _train_random_forest(ti: Any) -> dict[str, Any]:
    """Task train_random_forest: run train_random_forest."""
    config = load_config(CONFIG_FILE)
    engineer_features_result = ti.xcom_pull(task_ids="engineer_features")
    rf = train_random_forest(
        X_train=engineer_features_result["X_train"],
        y_train=engineer_features_result["y_train"],
        params=TrainingParams.from_config(config),
    )
    return {"rf": rf}


def _evaluate_models(ti: Any) -> dict[str, Any]:
    """Task evaluate_models: run evaluate_models."""
    train_random_forest_result = ti.xcom_pull(task_ids="train_random_forest")
    train_logistic_regression_result = ti.xcom_pull(task_ids="train_logistic_regression")
    engineer_features_result = ti.xcom_pull(task_ids="engineer_features")
    acc, auc, lr_auc = evaluate_models(
        rf=train_random_forest_result["rf"],
        lr=train_logistic_regression_result["lr"],
        X_test=engineer_features_result["X_test"],
        X_test_s=train_logistic_regression_result["X_test_s"],
        y_test=engineer_features_result["y_test"],
    )
    return {"acc": acc, "auc": auc, "lr_auc": lr_auc}


def _plot_feature_importance(ti: Any) -> dict[str, Any]:
    """Task plot_feature_importance: run plot_feature_importance."""
    config = load_config(CONFIG_FILE)
    train_random_forest_result = ti.xcom_pull(task_ids="train_random_forest")
    engineer_features_result = ti.xcom_pull(task_ids="engineer_features")
    feature_importance_figure = plot_feature_importance(
        rf=train_random_forest_result["rf"],
        X=engineer_features_result["X"],
        params=ReportingParams.from_config(config),
    )
    return {"feature_importance_figure": feature_importance_figure}


def _write_churn_by_region(ti: Any) -> dict[str, Any]:
    """Task write_churn_by_region: run write_churn_by_region."""
    config = load_config(CONFIG_FILE)
    engineer_features_result = ti.xcom_pull(task_ids="engineer_features")
    churn_by_region = write_churn_by_region(
        df=engineer_features_result["df"],
        params=ReportingParams.from_config(config),
    )
    return {"churn_by_region": churn_by_region}


def _send_results(ti: Any) -> dict[str, Any]:
    """Task send_results: run send_results."""
    config = load_config(CONFIG_FILE)
    evaluate_models_result = ti.xcom_pull(task_ids="evaluate_models")
    train_random_forest_result = ti.xcom_pull(task_ids="train_random_forest")
    engineer_features_result = ti.xcom_pull(task_ids="engineer_features")
    send_results(
        acc=evaluate_models_result["acc"],
        auc=evaluate_models_result["auc"],
        rf=train_random_forest_result["rf"],
        X=engineer_features_result["X"],
        params=ReportingParams.from_config(config),
    )
    return {}


with DAG(
    dag_id="churn_analysis",
    start_date=datetime(2024, 1, 1),
    schedule=None,
    catchup=False,
    tags=["nb2prod"],
) as dag:
    load_customers_task = PythonOperator(
        task_id="load_customers",
        python_callable=_load_customers,
    )
    clean_data_task = PythonOperator(
        task_id="clean_data",
        python_callable=_clean_data,
    )
    plot_churn_rate_by_region_task = PythonOperator(
        task_id="plot_churn_rate_by_region",
        python_callable=_plot_churn_rate_by_region,
    )
    compute_segment_churn_plan_task = PythonOperator(
        task_id="compute_segment_churn_plan",
        python_callable=_compute_segment_churn_plan,
    )
    engineer_features_task = PythonOperator(
        task_id="engineer_features",
        python_callable=_engineer_features,
    )
    train_logistic_regression_task = PythonOperator(
        task_id="train_logistic_regression",
        python_callable=_train_logistic_regression,
    )
    train_random_forest_task = PythonOperator(
        task_id="train_random_forest",
        python_callable=_train_random_forest,
    )
    evaluate_models_task = PythonOperator(
        task_id="evaluate_models",
        python_callable=_evaluate_models,
    )
    plot_feature_importance_task = PythonOperator(
        task_id="plot_feature_importance",
        python_callable=_plot_feature_importance,
    )
    write_churn_by_region_task = PythonOperator(
        task_id="write_churn_by_region",
        python_callable=_write_churn_by_region,
    )
    send_results_task = PythonOperator(
        task_id="send_results",
        python_callable=_send_results,
    )
    load_customers_task >> clean_data_task
    clean_data_task >> plot_churn_rate_by_region_task
    plot_churn_rate_by_region_task >> compute_segment_churn_plan_task
    compute_segment_churn_plan_task >> engineer_features_task
    engineer_features_task >> train_logistic_regression_task
    train_logistic_regression_task >> train_random_forest_task
    train_random_forest_task >> evaluate_models_task
    evaluate_models_task >> plot_feature_importance_task
    plot_feature_importance_task >> write_churn_by_region_task
    write_churn_by_region_task >> send_results_task
