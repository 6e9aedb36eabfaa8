"""Data contracts: what the pipeline expects of its input files.

Derived by nb2prod from the data the notebook was written on: the columns its
code names must be there, columns that held only numbers must still hold
numbers, columns that had no missing value (and that the code never cleans)
must have none, and the keys it joins on must be unique. ``run_pipeline``
checks every input file before the first step, so a bad file stops the run
with one message naming the file, the column and the problem, instead of a
traceback in the middle of a step. Edit the contracts below as the data
evolves.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .config import config_path


class ContractError(ValueError):
    """An input file breaks its data contract."""


@dataclass(frozen=True)
class FileContract:
    """What one input file must look like.

    Attributes:
        file: the file name the notebook read, for messages.
        delimiter: the field separator.
        skiprows: lines before the header.
        required: columns that must be present.
        numeric: columns whose values must all be numbers (blank is missing).
        not_null: columns that must have no missing value.
        unique: columns whose values must all differ (join keys).
    """

    file: str
    delimiter: str = ","
    skiprows: int = 0
    required: tuple[str, ...] = ()
    numeric: tuple[str, ...] = ()
    not_null: tuple[str, ...] = ()
    unique: tuple[str, ...] = ()


# The contract of each input file, by its configuration key.
CONTRACTS: dict[str, FileContract] = {
    "ingestion.customers_path": FileContract(
        file="customers.csv",
        required=(
            "customer_id",
            "signup_date",
            "region",
            "plan",
            "monthly_charges",
            "total_charges",
            "tenure_months",
            "support_calls",
            "last_login_days",
            "contact_email",
            "churned",
        ),
        numeric=(
            "monthly_charges",
            "total_charges",
            "tenure_months",
            "support_calls",
            "last_login_days",
            "churned",
        ),
    ),
}


def check_inputs(config: dict[str, Any]) -> None:
    """Check every input file of the configuration against its contract.

    Args:
        config: the configuration, as returned by config.load_config.

    Raises:
        ContractError: a file is missing or breaks its contract.
    """
    for key, contract in CONTRACTS.items():
        path = Path(config_path(config, key))
        if not path.is_file():
            raise ContractError(f"{path}: input file ({key}) not found")
        frame = pd.read_csv(
            path,
            sep=contract.delimiter,
            skiprows=contract.skiprows,
            dtype=str,
            keep_default_na=True,
        )
        check_frame(contract, frame, str(path))


def check_frame(contract: FileContract, frame: pd.DataFrame, source: str) -> None:
    """Check a frame read from an input file (every column as text).

    Args:
        contract: the file's contract.
        frame: the file's content.
        source: the file, for messages.

    Raises:
        ContractError: the first violation found.
    """
    columns = [str(column).strip() for column in frame.columns]
    frame = frame.set_axis(columns, axis=1)
    missing = [column for column in contract.required if column not in columns]
    if missing:
        raise ContractError(f"{source}: column {missing[0]!r} is missing (the pipeline uses it)")
    for column in contract.numeric:
        values = frame[column]
        present = values.notna() & (values.astype(str).str.strip() != "")
        bad = values[present & pd.to_numeric(values, errors="coerce").isna()]
        if len(bad):
            raise ContractError(
                f"{source}: column {column!r} should hold numbers; "
                f"{len(bad)} values do not (first: {bad.iloc[0]!r} in row {bad.index[0] + 1})"
            )
    for column in contract.not_null:
        values = frame[column]
        nulls = values.isna() | (values.astype(str).str.strip() == "")
        if nulls.any():
            raise ContractError(
                f"{source}: column {column!r} should have no missing value; "
                f"{int(nulls.sum())} rows have none (first: row {int(nulls.idxmax()) + 1})"
            )
    for column in contract.unique:
        repeated = frame[column][frame[column].duplicated()]
        if len(repeated):
            raise ContractError(
                f"{source}: column {column!r} is a key and should be unique; "
                f"{repeated.iloc[0]!r} appears more than once"
            )
