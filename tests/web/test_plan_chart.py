"""The plan chart's layout: a few groups fill the default width; many groups widen it instead of overlapping."""
from decimal import Decimal

from plangraph.web.pages.plan import Row
from plangraph.web.pages.plan_chart import COLUMN, WIDTH, plan_chart, plan_svg


def _row(year: str, place: str = "武昌区") -> Row:
    return Row(f"f/{place}/{year}", place, year, "Met", Decimal("0.6"),
               targets=[(f"t/{year}", Decimal("7"), "%", year)], part=[(f"p/{year}", Decimal("7.2"), "%", f"{year}-S1")],
               full=[(f"r/{year}", Decimal("7.6"), "%", year)])


def _assert_apart(chart):
    """No column of a group reaches into the next group's, and the labels' centres keep their distance."""
    for left, right in zip(chart.groups, chart.groups[1:]):
        assert left.columns[-1].x + COLUMN <= right.columns[0].x
        assert right.x - left.x >= COLUMN * len(left.columns)


def test_three_years_fill_the_default_width():
    chart = plan_chart([_row(str(y)) for y in (2021, 2022, 2023)], "zh")
    assert chart.width == WIDTH
    _assert_apart(chart)
    assert 'width="100%"' in plan_svg(chart, str)


def test_forty_years_widen_the_chart_and_it_scrolls():
    chart = plan_chart([_row(str(y)) for y in range(1990, 2030)], "zh")
    assert chart.width > WIDTH and len(chart.groups) == 40
    _assert_apart(chart)
    assert f'width="{chart.width}" class="wide"' in plan_svg(chart, str)


def test_district_names_get_room_for_their_labels():
    places = ["武汉市武昌区", "郑州市金水区", "杭州市余杭区", "福州市鼓楼区", "武汉市江汉区", "西安市雁塔区"] * 2
    chart = plan_chart([_row("2021", p) for p in places], "zh", by="place")
    _assert_apart(chart)
    assert all(b.x - a.x >= 6 * 12 for a, b in zip(chart.groups, chart.groups[1:]))  # six characters at 12px
