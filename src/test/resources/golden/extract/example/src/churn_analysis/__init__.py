"""Customer churn analysis – Q2 2024

Why are customers leaving, and which ones are at risk? Data is the CRM export
customers.csv (one row per customer, snapshot taken 2024-06-30)
"""

from .pipeline import run_pipeline

__all__ = ["run_pipeline"]
__version__ = "0.1.0"
