"""Figures in text: value, scale, unit, qualifier; and what is not a figure."""
from decimal import Decimal

import pytest

from plangraph.read.numbers import find_figures, not_a_fact


@pytest.mark.parametrize("text, stated, value, unit, qualifier, normalized", [
    ("上半年地区生产总值完成779.43亿元", "779.43亿元", "779.43", "亿元", None, "77943000000"),
    ("吸引1万余名大学生留汉", "1万余名", "1", "万名", "MoreThan", "10000"),
    ("存贷款规模超1.74万亿", "1.74万亿", "1.74", "万亿", "MoreThan", "1740000000000"),
    ("对接金额逾93.3亿元", "93.3亿元", "93.3", "亿元", "MoreThan", "9330000000"),
    ("营业收入突破150亿元", "150亿元", "150", "亿元", "MoreThan", "15000000000"),
    ("培训人数约160人次", "160人次", "160", "人次", "About", "160"),
    ("登记失业率控制在市级目标5.5%以内", "5.5%以内", "5.5", "%", "Within", "5.5"),
    ("完成 779.43 亿元", "779.43 亿元", "779.43", "亿元", None, "77943000000"),
    ("增速-14.2%", "-14.2%", "-14.2", "%", None, "-14.2"),
])
def test_figures(text, stated, value, unit, qualifier, normalized):
    [figure] = find_figures(text)
    assert (figure.stated, figure.value, figure.unit_label, figure.qualifier, figure.normalized) == (
        stated, Decimal(value), unit, qualifier, Decimal(normalized))
    assert text[figure.start:figure.end] == stated


@pytest.mark.parametrize("text, kinds", [
    ("较2019年同期增长4.9%", ["year", None]),
    ("截至6月30日", ["date", "date"]),
    ("1-6月我区", ["range", "range"]),
    ("排名中心城区第2", ["ordinal"]),
    ("轨道交通11号线三期", ["name part"]),
    ("12345政务服务便民热线上半年受理群众诉求1.86万件", ["phone number", None]),
    ("持续提升12345热线响应效率", ["phone number"]),
    ("全区65周岁以上老年人健康体检", ["name part"]),
    ("为3周岁以下婴幼儿家庭提供服务", ["name part"]),
])
def test_figures_that_are_not_facts(text, kinds):
    assert [not_a_fact(text, f) for f in find_figures(text)] == kinds
