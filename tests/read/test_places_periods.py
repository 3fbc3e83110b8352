"""Place names split and placed by level (GB/T 2260), and period words read into SDMX-style codes."""
import pytest

from plangraph.read.periods import arabic_years, label, next_period, period_word
from plangraph.read.places import resolve, split_places


@pytest.mark.parametrize("text, names, level, city", [
    ("太原市小店区第十七届人民代表大会", ["太原市", "小店区"], "district", "太原市"),
    ("甘肃省第十四届人民代表大会常务委员会", ["甘肃省"], "province", None),
    ("洛阳市第十六届人民代表大会", ["洛阳市"], "city", None),
    ("正定县第十七届人民代表大会", ["正定县"], "county", "石家庄市"),
    ("苏州市昆山市第十七届人大常委会", ["苏州市", "昆山市"], "county-level-city", "苏州市"),
    ("北京市朝阳区人民政府", ["北京市", "朝阳区"], "district", "北京市"),
    ("内蒙古自治区发展和改革委员会", ["内蒙古自治区"], "province", None),
    # not in the national list: read by the suffix, qualified by the city before it
    ("某某市新设区第一届人大常委会", ["某某市", "新设区"], "district", "某某市"),
])
def test_a_run_of_place_names(text, names, level, city):
    assert split_places(text) == names
    place = resolve(names)
    assert (place.level, place.city) == (level, city)


@pytest.mark.parametrize("text", ["区第十七届人大常委会", "区发展和改革局局长", "蜀山经济开发区管委会", "全区经济"])
def test_no_place_where_none_is_named(text):
    assert split_places(text) == []


def test_a_name_of_several_places_keeps_its_level_but_no_city():
    place = resolve(["鼓楼区"])
    assert (place.level, place.city, place.code) == ("district", None, None)


@pytest.mark.parametrize("text, word", [
    ("关于小店区2023年上半年国民经济", ("S1", "half-year")),
    ("2023年1—6月份国民经济", ("S1", "half-year")),
    ("2023年1-6月国民经济", ("S1", "half-year")),
    ("2023年1～6月", ("S1", "half-year")),
    ("2023年前三季度全省", ("Q1Q3", "three-quarters")),
    ("2023年1—9月", ("Q1Q3", "three-quarters")),
    ("2024年一季度", ("Q1", "quarter")),
    ("2023年国民经济和社会发展计划执行情况", None),
    ("11-6月", None),
])
def test_period_words(text, word):
    assert period_word(text) == word


@pytest.mark.parametrize("code, text", [("2023-Q1Q3", "2023年前三季度"), ("2024-M04", "2024年4月"), ("2023", "2023年"),
                                        ("2021-S1", "2021年上半年"), ("2023-Q2", "2023年二季度")])
def test_codes_have_labels(code, text):
    assert label(code) == text


def test_years_in_chinese_numerals():
    assert arabic_years("二〇二三年是贯彻落实") == "2023年是贯彻落实"


@pytest.mark.parametrize("code, following", [("2021-S1", "2021-S2"), ("2021-S2", "2022-S1"), ("2023-Q1Q3", "2023-Q4"),
                                             ("2024-Q4", "2025-Q1"), ("2022", "2023")])
def test_the_period_after(code, following):
    assert next_period(code) == following
