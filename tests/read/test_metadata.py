"""Report metadata read from the occasion and presenter lines, for the phrasings of the genre."""
import datetime as dt

import pytest

from plangraph.read.metadata import read_metadata
from plangraph.read.outline import parse_outline

BODY = "主任、各位副主任,各位委员:\n一、上半年计划执行情况\n"


def meta(front: str, sidecar=None):
    text = front + BODY
    return read_metadata(text, parse_outline(text), "test.txt", sidecar)


def test_seed_metadata(seed_report):
    m = seed_report.meta
    assert (m.district, m.city, m.year, m.period, m.date) == ("武昌区", "武汉市", 2021, "2021-S1", dt.date(2021, 8, 27))
    assert m.meeting == "武汉市武昌区第十五届人大常委会第三十八次会议"
    assert (m.presenter, m.office, m.organization, m.role) == ("李武军", "区发改局局长", "区发改局", "局长")


@pytest.mark.parametrize("front, date, district", [
    ("——2021年8月27日在武汉市武昌区第十五届人大常委会\n第三十八次会议上\n区发改局局长 李武军\n", dt.date(2021, 8, 27), "武昌区"),
    ("——2020826日在武汉市武昌区第十五届人大常委会第二十九次会议上\n区发改局局长 李武军\n", dt.date(2020, 8, 26), "武昌区"),
    ("——2022年8月25日在南京市鼓楼区第十八届人大常委会第五次会议上\n区发展和改革委员会主任 沈 岚\n", dt.date(2022, 8, 25), "鼓楼区"),
])
def test_occasion_line_variants(front, date, district):
    m = meta(front)
    assert (m.date, m.district, m.year) == (date, district, date.year)


def test_name_with_inner_space_is_joined():
    m = meta("——2022年8月25日在南京市鼓楼区第十八届人大常委会第五次会议上\n区发展和改革委员会主任 沈 岚\n")
    assert (m.presenter, m.office, m.role) == ("沈岚", "区发展和改革委员会主任", "主任")


def test_title_line_gives_district_year_and_half():
    m = meta("关于江汉区2021年上半年国民经济和社会发展计划执行情况的报告\n——2021年8月25日在武汉市江汉区第十五届人大常委会第三十五次会议上\n")
    assert (m.title, m.district, m.period) == ("关于江汉区2021年上半年国民经济和社会发展计划执行情况的报告", "江汉区", "2021-S1")


def test_sidecar_overrides_the_text():
    m = meta("——2021年8月27日在武汉市武昌区第十五届人大常委会第三十八次会议上\n", {"presenter": "王五", "date": "2021-08-28"})
    assert (m.presenter, m.date) == ("王五", dt.date(2021, 8, 28))
