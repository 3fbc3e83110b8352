"""Report headers as the genre writes them: titles, notices, portal lines, occasions, presenters, levels, periods.

Most headers here are invented for these tests (places are real, people and dates made up), so that the reader
is judged on headers it was not written from.
"""
import datetime as dt

import pytest

from plangraph.errors import InputError
from plangraph.read.metadata import read_metadata
from plangraph.read.outline import parse_outline

SALUTATION = "主任、各位副主任、各位委员:\n"
HALF_YEAR_BODY = "一、上半年计划执行情况\n(一)主要指标完成情况\n二、下半年工作安排\n"


def meta(header: str, body: str = HALF_YEAR_BODY, sidecar=None, name="test.txt"):
    text = header + body
    return read_metadata(text, parse_outline(text, name), name, sidecar)


@pytest.mark.parametrize("header, district, city, level, period, genre", [
    # the seed's house style: title, occasion, presenter
    ("关于小店区2023年上半年国民经济和社会发展计划执行情况的报告\n"
     "——2023年8月29日在太原市小店区第十七届人民代表大会常务委员会第十二次会议上\n",
     "小店区", "太原市", "district", "2023-S1", "half-year"),
    # 1—6月份 is the first half, never the whole year; the city comes from the national list
    ("关于芙蓉区2024年1—6月份国民经济和社会发展计划执行情况的报告\n", "芙蓉区", "长沙市", "district", "2024-S1", "half-year"),
    ("关于芙蓉区2024年1-6月国民经济和社会发展计划执行情况的报告\n", "芙蓉区", "长沙市", "district", "2024-S1", "half-year"),
    # a county-level city and the first three quarters
    ("关于宜都市2023年前三季度国民经济和社会发展计划执行情况的报告\n", "宜都市", "宜昌市", "county-level-city", "2023-Q1Q3",
     "three-quarters"),
    ("关于长白朝鲜族自治县2022年1—9月国民经济和社会发展计划执行情况的报告\n", "长白朝鲜族自治县", "白山市", "county",
     "2022-Q1Q3", "three-quarters"),
    # a title split over three lines
    ("关于宁乡市2023年\n1—6月国民经济和社会发展\n计划执行情况的报告\n", "宁乡市", "长沙市", "county-level-city", "2023-S1",
     "half-year"),
    # a title that begins with the issuing government
    ("贵阳市南明区人民政府关于南明区2023年上半年国民经济和社会发展计划执行情况的报告\n", "南明区", "贵阳市", "district",
     "2023-S1", "half-year"),
    # a year in Chinese numerals
    ("关于遵义市二〇二三年上半年国民经济和社会发展计划执行情况的报告\n", "遵义市", None, "city", "2023-S1", "half-year"),
    # a city: no city before it
    ("关于柳州市2024年上半年国民经济和社会发展计划执行情况的报告\n", "柳州市", None, "city", "2024-S1", "half-year"),
])
def test_title_gives_place_level_and_period(header, district, city, level, period, genre):
    m = meta(header + SALUTATION)
    assert (m.district, m.city, m.level, m.period, m.genre) == (district, city, level, period, genre)
    assert not m.title_inferred


def test_ambiguous_district_takes_its_city_from_the_occasion_line():
    m = meta("关于鼓楼区2023年上半年国民经济和社会发展计划执行情况的报告\n"
             "——2023年8月22日在福州市鼓楼区第十八届人大常委会第十三次会议上\n区发改局局长 林 森\n" + SALUTATION)
    assert (m.district, m.city, m.code, m.presenter) == ("鼓楼区", "福州市", "350102", "林森")


def test_occasion_line_without_the_place_names_the_meeting_with_it():
    m = meta("关于南岸区2023年上半年国民经济和社会发展计划执行情况的报告\n"
             "——2023年8月28日在区第十九届人大常委会第十二次会议上\n" + SALUTATION)
    assert m.city == "重庆市" and m.date == dt.date(2023, 8, 28)
    assert m.meeting == "重庆市南岸区第十九届人大常委会第十二次会议"


def test_annual_report_with_the_next_years_draft_plan():
    body = ("一、2023年国民经济和社会发展计划执行情况\n(一)主要指标完成情况\n"
            "二、2024年国民经济和社会发展的主要预期目标\n三、2024年重点任务\n")
    m = meta("关于江北区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告\n"
             "——2024年1月10日在重庆市江北区第十九届人民代表大会第四次会议上\n区发展和改革委员会主任  何  平\n各位代表:\n", body)
    assert (m.year, m.period, m.genre, m.reviewed, m.planned) == (2023, "2023", "annual", "2023", "2024")
    assert m.covers == ("2023", "2024")
    assert [(key, kind, code) for key, kind, code in m.parts] == [("1", "review", "2023"), ("2", "plan", "2024"),
                                                                   ("3", "plan", "2024")]
    assert (m.part_period("1.1"), m.part_period("3")) == ("2023", "2024")
    assert m.presenter == "何平" and m.date == dt.date(2024, 1, 10)


def test_annual_plan_published_as_a_notice():
    header = ("关于印发《西湖区2024年国民经济和社会发展计划》的通知\n西政发〔2024〕5号\n各镇人民政府、街道办事处，区政府各部门：\n"
              "　　《西湖区2024年国民经济和社会发展计划》已经区十五届人大四次会议审议批准，现印发给你们，请认真组织实施。\n"
              "杭州市西湖区人民政府\n2024年2月1日\n（此件公开发布）\n西湖区2024年国民经济和社会发展计划\n")
    body = "一、2023年国民经济和社会发展计划执行情况\n二、2024年经济社会发展的主要目标\n三、2024年重点任务\n"
    m = meta(header, body)
    assert (m.district, m.city, m.year, m.period, m.genre) == ("西湖区", "杭州市", 2024, "2024", "plan")
    assert (m.reviewed, m.planned, m.covers) == ("2023", "2024", ("2023", "2024"))
    assert m.title == "西湖区2024年国民经济和社会发展计划"
    notice = m.notice
    assert (notice.title, notice.number, notice.issuer, notice.date) == (
        "关于印发《西湖区2024年国民经济和社会发展计划》的通知", "西政发〔2024〕5号", "杭州市西湖区人民政府", dt.date(2024, 2, 1))
    assert m.issued == dt.date(2024, 2, 1) and m.presenter is None and m.date is None


def test_province_report_without_a_title_gets_one_inferred():
    m = meta("——2024年7月30日在湖南省第十四届人民代表大会常务委员会第十次会议上\n湖南省发展和改革委员会主任  李  明\n"
             + SALUTATION, "一、前三季度国民经济和社会发展计划执行情况\n二、第四季度重点工作\n")
    assert (m.district, m.level, m.period, m.genre, m.presenter) == ("湖南省", "province", "2024-Q1Q3", "three-quarters",
                                                                     "李明")
    assert m.title_inferred and m.title == "关于湖南省2024年前三季度国民经济和社会发展计划执行情况的报告"


def test_portal_lines_above_the_title():
    m = meta("索引号：000014349/2023-00123  发布机构：成都市武侯区发展和改革局\n成文日期：2023年09月01日\n发布日期：2023-09-06\n"
             "关于武侯区2023年上半年国民经济和社会发展计划执行情况的报告\n" + SALUTATION)
    assert (m.district, m.city, m.publisher) == ("武侯区", "成都市", "成都市武侯区发展和改革局")
    assert (m.created, m.issued, m.date) == (dt.date(2023, 9, 1), dt.date(2023, 9, 6), None)
    assert dict(m.portal)["索引号"] == "000014349/2023-00123"


@pytest.mark.parametrize("line, name, office", [
    ("市发展和改革委员会主任 李欣", "李欣", "市发展和改革委员会主任"),
    ("区发改局局长王 强", "王强", "区发改局局长"),
    ("报告人：县发展和改革局局长  欧阳  明华", "欧阳明华", "县发展和改革局局长"),
    ("（区发展和改革局局长 赵  六）", "赵六", "区发展和改革局局长"),
    ("常务副区长周敏", "周敏", "常务副区长"),
])
def test_presenter_line_variants(line, name, office):
    m = meta("关于天心区2023年上半年国民经济和社会发展计划执行情况的报告\n" + line + "\n" + SALUTATION)
    assert (m.presenter, m.office) == (name, office)


def test_place_from_the_presenters_office_when_nothing_else_names_it():
    m = meta("——2023年8月30日在区第十七届人大常委会第九次会议上\n郫都区发展和改革局局长 杨  帆\n" + SALUTATION)
    assert (m.district, m.city, m.period, m.year) == ("郫都区", "成都市", "2023-S1", 2023)
    assert m.title_inferred


def test_place_from_the_opening_line():
    m = meta("主任、各位副主任、各位委员：\n受区人民政府委托，现将雨花区2023年上半年国民经济和社会发展计划执行情况报告如下，请予审议。\n")
    assert (m.district, m.city) == ("雨花区", "长沙市")


def test_refused_only_when_no_place_is_named_and_the_message_names_the_sidecar_field():
    with pytest.raises(InputError) as error:
        meta("——2023年8月30日在区第十七届人大常委会第九次会议上\n区发展和改革局局长 杨帆\n" + SALUTATION, name="nowhere.txt")
    assert "nowhere.meta.json" in str(error.value) and '"district"' in str(error.value)


def test_sidecar_names_the_place_when_the_text_does_not():
    m = meta("——2023年8月30日在区第十七届人大常委会第九次会议上\n" + SALUTATION, sidecar={"district": "天心区"})
    assert (m.district, m.city, m.level) == ("天心区", "长沙市", "district")


def test_occasion_with_the_date_after_the_meeting_and_a_title_without_place():
    m = meta("关于2023年上半年全区国民经济和社会发展计划执行情况的报告\n"
             "——在兰州市城关区第十八届人大常委会第十二次会议上\n（2023年8月29日）\n" + SALUTATION)
    assert (m.district, m.city, m.date) == ("城关区", "兰州市", dt.date(2023, 8, 29))
    assert m.meeting == "兰州市城关区第十八届人大常委会第十二次会议" and not m.title_inferred


def test_annual_report_joined_by_ji_and_a_title_note():
    body = "一、2022年国民经济和社会发展计划执行情况\n二、2023年经济社会发展主要目标和重点任务\n"
    m = meta("关于平桂区2022年国民经济和社会发展计划执行情况及2023年国民经济和社会发展计划草案的报告（书面）\n"
             "——2023年1月5日在贺州市平桂区第三届人民代表大会第三次会议上\n各位代表：\n", body)
    assert (m.district, m.city, m.genre, m.period, m.planned) == ("平桂区", "贺州市", "annual", "2022", "2023")
    assert m.part_period("2") == "2023" and m.part_kind("2") == "plan"


def test_annual_report_without_a_title_takes_its_year_from_the_headings_not_the_date():
    body = "一、2023年国民经济和社会发展计划执行情况\n二、2024年国民经济和社会发展的主要预期目标\n"
    m = meta("——2024年1月8日在济宁市任城区第十九届人民代表大会第四次会议上\n各位代表：\n", body)
    assert (m.year, m.period, m.genre, m.planned) == (2023, "2023", "annual", "2024")
    assert m.title == "关于任城区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告"


@pytest.mark.parametrize("header, place, presenter", [
    # a title without 关于 that names the city, and a bare title for an office
    ("重庆市渝中区2023年上半年国民经济和社会发展计划执行情况的报告\n区长 王伟\n", ("渝中区", "重庆市", "district"), "王伟"),
    # a county-level city, full-width spaces in the presenter line
    ("关于昆山市2023年上半年国民经济和社会发展计划执行情况的报告\n——2023年8月28日在昆山市第十七届人大常委会第十次会议上\n"
     "市发展和改革委员会主任\u3000李\u3000明\n", ("昆山市", "苏州市", "county-level-city"), "李明"),
    # a banner of a league
    ("关于阿拉善左旗2023年上半年国民经济和社会发展计划执行情况的报告\n旗发展和改革委员会主任 巴特尔\n", ("阿拉善左旗", "阿拉善盟", "county"),
     "巴特尔"),
])
def test_more_levels_and_presenters(header, place, presenter):
    m = meta(header + SALUTATION)
    assert ((m.district, m.city, m.level), m.presenter) == (place, presenter)
