"""The keyword guard: FROM is noticed only as a keyword, the length is bounded, odd escapes do not trip it.

SERVICE is no longer the guard's business: the engine's own parser decides (tests/store/test_no_service.py).
"""
import pytest

from plangraph.errors import QueryRefused
from plangraph.web.guard import check, keywords


def test_from_is_noticed_only_as_a_keyword():
    assert check("SELECT * FROM <http://x/> WHERE { ?s ?p ?o }", 1000).has_dataset_clause
    assert not check('SELECT * WHERE { ?s ?p "FROM" }', 1000).has_dataset_clause


def test_a_query_longer_than_the_limit_is_a_413():
    with pytest.raises(QueryRefused) as error:
        check("ASK {}" + " " * 100, 50)
    assert error.value.status == 413 and "at most 50" in str(error.value)


def test_keywords_reads_chinese_literals_without_tripping():
    assert keywords('SELECT ?s WHERE { ?s rdfs:label "地区生产总值"@zh }') == ("SELECT", "WHERE")


def test_an_escape_of_no_character_is_left_for_the_parser():
    assert keywords('SELECT ?x WHERE { BIND("\\U00110000" AS ?x) }') == ("SELECT", "WHERE", "BIND", "AS")


def test_a_query_nested_too_deep_is_refused_before_the_parser_overflows():
    assert check("SELECT * WHERE " + "{" * 200 + "}" * 200, 100_000)
    with pytest.raises(QueryRefused, match="5000 deep") as error:
        check("SELECT * WHERE " + "{" * 5000 + "}" * 5000, 100_000)
    assert error.value.status == 400
