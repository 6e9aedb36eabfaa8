"""Tests of the data contracts (src/churn_analysis/contracts.py) on the fixture data."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from churn_analysis.contracts import CONTRACTS, ContractError, check_frame

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The fixture of each input file, by configuration key.
FIXTURE_FILES: dict[str, str] = {
    "ingestion.customers_path": "customers.csv",
}


def read_fixture(key: str) -> pd.DataFrame:
    """The fixture of an input file, read as the contracts read files."""
    path = FIXTURES / FIXTURE_FILES[key]
    if not path.exists():
        pytest.skip(f"tests/fixtures/{path.name} is missing: put a small sample there")
    contract = CONTRACTS[key]
    return pd.read_csv(path, sep=contract.delimiter, skiprows=contract.skiprows, dtype=str)


@pytest.mark.parametrize("key", sorted(FIXTURE_FILES))
def test_fixture_meets_contract(key: str) -> None:
    """The fixture data meets its file's contract."""
    check_frame(CONTRACTS[key], read_fixture(key), key)


@pytest.mark.parametrize("key", sorted(FIXTURE_FILES))
def test_contract_catches_missing_column(key: str) -> None:
    """A file without a required column is refused, naming the column."""
    contract = CONTRACTS[key]
    if not contract.required:
        pytest.skip("the contract requires no column")
    column = contract.required[0]
    frame = read_fixture(key).drop(columns=[column])
    with pytest.raises(ContractError, match=re.escape(column)):
        check_frame(contract, frame, key)


@pytest.mark.parametrize("key", sorted(FIXTURE_FILES))
def test_contract_catches_text_in_numeric_column(key: str) -> None:
    """A number column holding text is refused, naming the column."""
    contract = CONTRACTS[key]
    if not contract.numeric:
        pytest.skip("the contract has no number column")
    column = contract.numeric[0]
    frame = read_fixture(key)
    frame.loc[frame.index[0], column] = "not a number"
    with pytest.raises(ContractError, match=re.escape(column)):
        check_frame(contract, frame, key)


@pytest.mark.parametrize("key", sorted(FIXTURE_FILES))
def test_contract_catches_missing_values(key: str) -> None:
    """A missing value where none is allowed is refused, naming the column."""
    contract = CONTRACTS[key]
    if not contract.not_null:
        pytest.skip("the contract allows missing values everywhere")
    column = contract.not_null[0]
    frame = read_fixture(key)
    frame.loc[frame.index[0], column] = None
    with pytest.raises(ContractError, match=re.escape(column)):
        check_frame(contract, frame, key)


@pytest.mark.parametrize("key", sorted(FIXTURE_FILES))
def test_contract_catches_repeated_keys(key: str) -> None:
    """A repeated join key is refused, naming the column."""
    contract = CONTRACTS[key]
    if not contract.unique:
        pytest.skip("the contract has no key column")
    column = contract.unique[0]
    frame = read_fixture(key)
    frame = pd.concat([frame, frame.iloc[[0]]], ignore_index=True)
    with pytest.raises(ContractError, match=re.escape(column)):
        check_frame(contract, frame, key)
