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

from churn_analysis.config import config_path, load_config, output_path
from churn_analysis.evaluation import evaluate
from churn_analysis.features import build_features
from churn_analysis.ingestion import load_data
from churn_analysis.preprocessing import clean_data
from churn_analysis.reporting import write_reports
from churn_analysis.training import train_models

CONFIG_FILE = "config.yaml"


def _load_data(ti: Any) -> dict[str, Any]:
    """Task load_data: run load_data."""
    config = load_config(CONFIG_FILE)
    df = load_data(customers_file=config_path(config, "customers_file"))
    return {"df": df}


def _clean_data(ti: Any) -> dict[str, Any]:
    """Task clean_data: run clean_data."""
    load_data_result = ti.xcom_pull(task_ids="load_data")
    df = clean_data(df=load_data_result["df"])
    return {"df": df}


def _build_features(ti: Any) -> dict[str, Any]:
    """Task build_features: run build_features."""
    config = load_config(CONFIG_FILE)
    clean_data_result = ti.xcom_pull(task_ids="clean_data")
    df, X, X_train, X_test, y_train, y_test = build_features(
        df=clean_data_result["df"],
        min_monthly_charges=config["min_monthly_charges"],
        test_size=config["test_size"],
        random_seed=config["random_seed"],
    )
    return {
        "df": df,
        "X": X,
        "X_train": X_train,
        "X_test": X_test,
        "y_train": y_train,
        "y_test": y_test,
    }


def _train_models(ti: Any) -> dict[str, Any]:
    """Task train_models: run train_models."""
    config = load_config(CONFIG_FILE)
    build_features_result = ti.xcom_pull(task_ids="build_features")
    model = train_models(
        X_train=build_features_result["X_train"],
        y_train=build_features_result["y_train"],
        n_estimators=config["model"]["n_estimators"],
        max_depth=config["model"]["max_depth"],
        random_seed=config["random_seed"],
    )
    return {"model": model}


def _evaluate(ti: Any) -> dict[str, Any]:
    """Task evaluate: run evaluate."""
    train_models_result = ti.xcom_pull(task_ids="train_models")
    build_features_result = ti.xcom_pull(task_ids="build_features")
    accuracy, roc_auc = evaluate(
        model=train_models_result["model"],
        X_test=build_features_result["X_test"],
        y_test=build_features_result["y_test"],
    )
    return {"accuracy": accuracy, "roc_auc": roc_auc}


def _write_reports(ti: Any) -> dict[str, Any]:
    """Task write_reports: run write_reports."""
    config = load_config(CONFIG_FILE)
    build_features_result = ti.xcom_pull(task_ids="build_features")
    train_models_result = ti.xcom_pull(task_ids="train_models")
    evaluate_result = ti.xcom_pull(task_ids="evaluate")
    importance_plot, region_report = write_reports(
        df=build_features_result["df"],
        X=build_features_result["X"],
        model=train_models_result["model"],
        accuracy=evaluate_result["accuracy"],
        roc_auc=evaluate_result["roc_auc"],
        reports_dir=output_path(config, "reports_dir"),
        send_to_crm=config["send_to_crm"],
        crm_url=config["crm_url"],
    )
    return {"importance_plot": importance_plot, "region_report": region_report}


with DAG(
    dag_id="churn_analysis",
    start_date=datetime(2024, 1, 1),
    schedule=None,
    catchup=False,
    tags=["nb2prod"],
) as dag:
    load_data_task = PythonOperator(
        task_id="load_data",
        python_callable=_load_data,
    )
    clean_data_task = PythonOperator(
        task_id="clean_data",
        python_callable=_clean_data,
    )
    build_features_task = PythonOperator(
        task_id="build_features",
        python_callable=_build_features,
    )
    train_models_task = PythonOperator(
        task_id="train_models",
        python_callable=_train_models,
    )
    evaluate_task = PythonOperator(
        task_id="evaluate",
        python_callable=_evaluate,
    )
    write_reports_task = PythonOperator(
        task_id="write_reports",
        python_callable=_write_reports,
    )
    load_data_task >> clean_data_task
    clean_data_task >> build_features_task
    build_features_task >> train_models_task
    train_models_task >> evaluate_task
    evaluate_task >> write_reports_task
