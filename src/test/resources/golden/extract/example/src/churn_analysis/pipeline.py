"""Customer churn analysis – Q2 2024: the pipeline.

Every step of the notebook in order, from the raw data to the notebook's
results (the values it displays, the models it fits, the metrics, figures and
files it produces). Each run is recorded in
``<output_root>/runs/<run id>/run.json`` (see monitoring.py).
"""

from __future__ import annotations

from typing import Any

from .artifacts import save_model
from .config import (
    FeaturesParams,
    IngestionParams,
    ReportingParams,
    TrainingParams,
    output_path,
)
from .contracts import check_inputs
from .evaluation import evaluate_model
from .features import compute_segment_churn_plan, engineer_features
from .ingestion import load_customers, set_random_seed
from .monitoring import RunRecord
from .preprocessing import clean_data
from .reporting import (
    plot_churn_rate_by_region,
    plot_random_forest_top_10_features,
    write_churn_by_region,
)
from .training import train_logistic_regression, train_rf, train_rf2


def run_pipeline(config: dict[str, Any]) -> dict[str, Any]:
    """Run every step in order, record the run and return the notebook's results.

    Args:
        config: the configuration, as returned by config.load_config.

    Returns:
        The results by name: churn_rate_by_region_figure, segment_churn_plan,
        lr, lr_file, rf, rf_file, rf2, rf2_file, acc, auc, lr_auc,
        random_forest_top_10_features_figure, feature_importance_path,
        churn_by_region_path, churn_by_region.
    """
    with RunRecord.start(config) as run_record:
        check_inputs(config)
        results = _run_steps(config, run_record)
        run_record.add_results(results)
    return results


def _run_steps(config: dict[str, Any], run_record: RunRecord) -> dict[str, Any]:
    """The steps of run_pipeline, each logged and timed by run_record."""
    ingestion_params = IngestionParams.from_config(config)
    features_params = FeaturesParams.from_config(config)
    training_params = TrainingParams.from_config(config)
    reporting_params = ReportingParams.from_config(config)
    run_record.step(set_random_seed, params=ingestion_params)
    df = run_record.step(load_customers, params=ingestion_params)
    df = run_record.step(clean_data, df=df)
    churn_rate_by_region_figure = run_record.step(
        plot_churn_rate_by_region,
        df=df,
        params=reporting_params,
    )
    segment_churn_plan = run_record.step(compute_segment_churn_plan, df=df)
    engineer_features_result = run_record.step(
        engineer_features,
        df=df,
        params=features_params,
    )
    X_test_s, lr = run_record.step(
        train_logistic_regression,
        X_train=engineer_features_result.X_train,
        X_test=engineer_features_result.X_test,
        y_train=engineer_features_result.y_train,
        y_test=engineer_features_result.y_test,
        params=training_params,
    )
    lr_file = save_model(lr, output_path(config, "models_dir"), "lr")
    rf = run_record.step(
        train_rf,
        X_train=engineer_features_result.X_train,
        y_train=engineer_features_result.y_train,
        X_test=engineer_features_result.X_test,
        y_test=engineer_features_result.y_test,
        params=training_params,
    )
    rf_file = save_model(rf, output_path(config, "models_dir"), "rf")
    df, rf2 = run_record.step(
        train_rf2,
        df=engineer_features_result.df,
        X_train=engineer_features_result.X_train,
        y_train=engineer_features_result.y_train,
        params=training_params,
    )
    rf2_file = save_model(rf2, output_path(config, "models_dir"), "rf2")
    acc, auc, lr_auc = run_record.step(
        evaluate_model,
        rf=rf,
        X_test=engineer_features_result.X_test,
        y_test=engineer_features_result.y_test,
        lr=lr,
        X_test_s=X_test_s,
    )
    random_forest_top_10_features_figure = run_record.step(
        plot_random_forest_top_10_features,
        rf=rf,
        X=engineer_features_result.X,
        params=reporting_params,
    )
    churn_by_region = run_record.step(
        write_churn_by_region,
        df=df,
        acc=acc,
        auc=auc,
        rf=rf,
        X=engineer_features_result.X,
        params=reporting_params,
    )
    return {
        "churn_rate_by_region_figure": churn_rate_by_region_figure,
        "segment_churn_plan": segment_churn_plan,
        "lr": lr,
        "lr_file": lr_file,
        "rf": rf,
        "rf_file": rf_file,
        "rf2": rf2,
        "rf2_file": rf2_file,
        "acc": acc,
        "auc": auc,
        "lr_auc": lr_auc,
        "random_forest_top_10_features_figure": random_forest_top_10_features_figure,
        "feature_importance_path": output_path(config, "reporting.feature_importance_path"),
        "churn_by_region_path": output_path(config, "reporting.churn_by_region_path"),
        "churn_by_region": churn_by_region,
    }
