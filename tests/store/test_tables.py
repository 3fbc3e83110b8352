"""The figure table for analysts: CSV that pandas reads with the right types, and CSVW metadata that validates."""
from __future__ import annotations

import json

import pandas as pd
import pyoxigraph
import pytest
from csvw import CSVW, URITemplate

from plangraph.store.tables import (
    base_unit,
    figure_columns,
    figure_rows,
    level,
    metadata,
    write_csv,
)

BASE = "https://w3id.org/plangraph/"
# What each CSVW datatype is in pandas: an analyst's reading of the metadata.
PANDAS_TYPES = {"string": "string", "anyURI": "string", "decimal": "float64", "integer": "Int64"}


@pytest.fixture(scope="module")
def table(seed_store, tmp_path_factory):
    """The seed's figure table and its metadata, written side by side as the CLI writes them."""
    folder = tmp_path_factory.mktemp("table")
    columns = figure_columns(BASE)
    with open(folder / "figures.csv", "w", encoding="utf-8", newline="") as handle:
        write_csv(figure_rows(seed_store), columns, handle)
    described = metadata("figures.csv", columns, ("主要指标数值", "figures"))
    (folder / "figures.csv-metadata.json").write_text(json.dumps(described, ensure_ascii=False), encoding="utf-8")
    return folder


def read(folder) -> pd.DataFrame:
    """Read the CSV with the dtypes its CSVW metadata names."""
    described = json.loads((folder / "figures.csv-metadata.json").read_text(encoding="utf-8"))
    dtypes = {c["name"]: PANDAS_TYPES[c["datatype"]] for c in described["tableSchema"]["columns"]}
    return pd.read_csv(folder / described["url"], dtype=dtypes, keep_default_na=False, na_values=[""])


def test_pandas_reads_every_figure_with_its_type(table, seed_store):
    frame = read(table)
    figures = {r["f"].value for r in seed_store.query("SELECT ?f { GRAPH ?g { ?f a pg:Figure } }",
                                                       prefixes={"pg": "https://w3id.org/plangraph/def#"})}
    assert set(frame["figure"]) == figures and frame["figure"].is_unique
    assert str(frame["value"].dtype) == "float64" and str(frame["start"].dtype) == "Int64"
    assert str(frame["period"].dtype) == "string"  # 2021 and 2021-S1 both stay codes, never numbers


def test_plain_read_csv_infers_numbers(table):
    frame = pd.read_csv(table / "figures.csv")
    assert frame["value"].dtype.kind == "f" and frame["normalized_value"].dtype.kind == "f"


def test_a_row_is_the_figure_as_the_report_states_it(table, seed_text):
    frame = read(table)
    row = frame[frame["stated"] == "779.43亿元"].iloc[0]
    assert (row["indicator_name"], row["role"], row["role_name"]) == ("地区生产总值", "ResultLevel", "完成值")
    assert (row["district_name"], row["level"], row["period"]) == ("武昌区", "district", "2021-S1")
    assert row["value"] == pytest.approx(779.43) and row["unit"] == "亿元"
    assert row["normalized_value"] == pytest.approx(77943000000) and row["base_unit"] == "元"
    assert row["derivation"] == "Stated" and seed_text[row["start"]:row["end"]] == "779.43亿元"
    assert "779.43亿元" in row["sentence_text"]


def test_computed_figures_say_so_and_have_no_span(table):
    frame = read(table)
    computed = frame[frame["derivation"] == "Computed"]
    assert len(computed) and computed["start"].isna().all() and (computed["role"] == "ShareOfTarget").all()


def test_the_metadata_validates_with_a_csvw_processor(table):
    processor = CSVW(str(table / "figures.csv-metadata.json"), validate=True)
    assert processor.is_valid, [str(w.message) for w in processor.warnings]


def test_the_csvw_processor_catches_a_cell_of_the_wrong_type(table, tmp_path):
    text = (table / "figures.csv").read_text(encoding="utf-8").replace(",779.43,", ",七百余,", 1)
    (tmp_path / "figures.csv").write_text(text, encoding="utf-8")
    (tmp_path / "figures.csv-metadata.json").write_bytes((table / "figures.csv-metadata.json").read_bytes())
    assert not CSVW(str(tmp_path / "figures.csv-metadata.json"), validate=True).is_valid


def test_every_column_is_described_in_chinese_and_english(table):
    described = json.loads((table / "figures.csv-metadata.json").read_text(encoding="utf-8"))
    for column in described["tableSchema"]["columns"]:
        assert set(column["titles"]) == {"zh", "en"}
        assert {d["@language"] for d in column["dc:description"]} == {"zh", "en"}


def test_the_links_of_a_row_name_iris_of_the_graph(table, seed_store):
    """aboutUrl and valueUrl, expanded on a row, give IRIs the dataset describes."""
    described = json.loads((table / "figures.csv-metadata.json").read_text(encoding="utf-8"))
    row = read(table).iloc[0].fillna("").astype(str).to_dict()
    subject = URITemplate(described["tableSchema"]["aboutUrl"]).expand(row)
    assert subject == row["figure"]
    for column in described["tableSchema"]["columns"]:
        if "valueUrl" in column and row[column["name"]]:
            value = pyoxigraph.NamedNode(URITemplate(column["valueUrl"]).expand(row))
            about = pyoxigraph.NamedNode(URITemplate(column.get("aboutUrl", "{+figure}")).expand(row))
            assert any(seed_store.quads_for_pattern(about, pyoxigraph.NamedNode(column["propertyUrl"]), value)), \
                column["name"]


@pytest.mark.parametrize("name, expected", [
    ("武昌区", "district"), ("正定县", "county"), ("洛阳市", "city"), ("甘肃省", "province"),
    ("内蒙古自治区", "province"), ("兰州新区", "district"), ("额济纳旗", "county")])
def test_the_level_of_a_place_follows_its_name(name, expected):
    assert level(name) == expected


@pytest.mark.parametrize("unit, expected", [("亿元", "元"), ("万人", "人"), ("%", "%"), ("万亿元", "元"), ("万", "万")])
def test_the_base_unit_drops_the_scale_word(unit, expected):
    assert base_unit(unit) == expected


def test_the_cli_writes_the_table_and_its_metadata_side_by_side(project, tmp_path):
    from click.testing import CliRunner

    from plangraph.cli import main
    result = CliRunner().invoke(main, ["export", "--format", "csv", "--output", str(tmp_path / "figures.csv")])
    assert result.exit_code == 0, result.output
    described = json.loads((tmp_path / "figures.csv-metadata.json").read_text(encoding="utf-8"))
    assert described["url"] == "figures.csv"
    assert CSVW(str(tmp_path / "figures.csv-metadata.json"), validate=True).is_valid
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind
    piped = CliRunner().invoke(main, ["export", "--format", "csv"])
    assert piped.exit_code == 0 and piped.output.splitlines()[0].startswith("figure,report,report_name,")
