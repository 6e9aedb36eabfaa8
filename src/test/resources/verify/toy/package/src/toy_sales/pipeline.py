"""The toy sales pipeline."""

import matplotlib.pyplot as plt
import pandas as pd
from sklearn.linear_model import LinearRegression

from toy_sales.config import resolve


def run_pipeline(config: dict) -> dict:
    """Reads the sales, fits the model, writes the summary and saves the chart."""
    df = pd.read_csv(resolve(config, "sales_path"))
    head = df.head()
    df = df[df.units > config["min_units"]].copy()
    df["revenue"] = df.units * df.price
    summary = df.groupby("region")["revenue"].sum().reset_index()
    X = df[["units", "price"]]
    y = df["revenue"]
    model = LinearRegression().fit(X, y)
    score = model.score(X, y)
    target = resolve(config, "summary_path")
    target.parent.mkdir(parents=True, exist_ok=True)
    summary.to_csv(target, index=False)
    fig, ax = plt.subplots()
    ax.bar(summary.region, summary.revenue)
    figure = resolve(config, "figure_path")
    figure.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(figure)
    plt.close(fig)
    return {"head": head, "X": X, "y": y, "model": model, "score": score, "summary_path": str(target),
            "revenue_figure": str(figure)}
