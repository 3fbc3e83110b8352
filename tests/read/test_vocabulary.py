"""The indicator table (data/indicators.csv): each row's names are its own, and its example reads as it."""
import pytest

from plangraph.read.vocabulary import default_table, find_known

ROWS = default_table()


def test_a_name_belongs_to_one_row_only():
    """An alias is another name of the same measure: 财政总收入 is not 一般公共预算收入, so it has its own row."""
    seen = {}
    for row in ROWS:
        for name in (row.name, *row.aliases):
            assert name not in seen, f"{name} is in the rows of {seen[name]} and {row.name}"
            seen[name] = row.name


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
def test_the_example_states_the_row_by_one_of_its_names(row):
    known = find_known(row.example)
    assert known is not None and known.group() in (row.name, *row.aliases), (row.example, known)
