"""Read a report's metadata: where it is from, its level, genre and periods, its title, occasion and presenter.

The header above the first part is read by ``header``; here its pieces are weighed against each other and the
body: the place comes from the title, a notice, the occasion line, the portal's 发布机构, the presenter's office or
the opening lines, in that order; the period from the title's words (上半年, 1—6月份, 前三季度 …), else the first
part's heading. An optional sidecar ``NAME.meta.json`` beside the report overrides any key (data/reports/README.md).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import MISSING, dataclass, fields
from pathlib import Path

from ..errors import InputError
from .header import (
    TITLE,
    Notice,
    Title,
    infer_title,
    parse_date,
    portal_fields,
    read_notice,
    read_occasion,
    read_presenter,
    read_title,
)
from .outline import Outline, lines
from .periods import (
    ANNUAL_WITH_PLAN,
    PLAN_ONLY,
    arabic_years,
    heading_year,
    part_kind,
    period_word,
    year_of_part,
)
from .places import Place, place_named, places_before_years, resolve, split_places

ROLE = re.compile(r"(?P<org>.+?)(?P<role>(?:常务副|副|代理)?(?:局长|主任|区长|县长|市长|省长|书记|处长|厅长|委员|"
                  r"秘书长|主席|部长|负责人|总经济师))$")
REPORT_LINE = re.compile(r"国民经济|计划执行|经济社会发展")   # 受区人民政府委托,现将我区2023年上半年国民经济…
SIDECAR_HINT = '{"district": "小店区", "city": "太原市", "year": 2023}'


@dataclass(frozen=True)
class Metadata:
    """What a report says about itself; spans are code-point offsets of the lines it was read from.

    ``period`` is the report's own period (SDMX code, ``periods``). ``reviewed`` is the period of the results it
    reports and ``planned`` the year whose targets it sets: ``2023-S1``/``2023`` for a half-year report, ``2022``/
    ``2023`` for 2022's execution with the 2023 draft plan, ``2023``/``2024`` for the 2024 plan. ``parts`` gives
    each part of the outline (its key) its kind (review, plan, problems) and the period its figures belong to.
    """

    district: str
    city: str | None
    year: int
    period: str
    date: dt.date | None
    meeting: str | None
    presenter: str | None
    office: str | None          # 区发改局局长
    organization: str | None    # 区发改局
    role: str | None            # 局长
    title: str | None
    occasion_span: tuple[int, int] | None = None
    presenter_span: tuple[int, int] | None = None
    title_span: tuple[int, int] | None = None
    level: str = "district"     # province, city, county-level-city, county, district (places.LEVELS)
    province: str | None = None
    code: str | None = None     # GB/T 2260 code of the district, when the national list knows it
    genre: str = "half-year"    # half-year, three-quarters, quarter, annual, plan
    title_inferred: bool = False
    reviewed: str | None = None
    planned: str | None = None
    parts: tuple[tuple[str, str, str], ...] = ()
    issuer: str | None = None   # 南昌市青山湖区人民政府, the body that issues the report or its notice
    portal: tuple[tuple[str, str], ...] = ()
    portal_span: tuple[int, int] | None = None
    created: dt.date | None = None    # 成文日期
    issued: dt.date | None = None     # 发布日期, or the date of the notice
    publisher: str | None = None      # 发布机构
    notice: Notice | None = None

    @property
    def label(self) -> str:
        """A readable name for the report, the title when it has one."""
        return self.title or infer_title(self.district, self.year, self.period, self.genre, self.planned)

    @property
    def covers(self) -> tuple[str, ...]:
        """Every period the report speaks about: its results' period, then its plan's year."""
        return tuple(dict.fromkeys(p for p in (self.reviewed or self.period, self.planned) if p))

    def part_period(self, key: str | None) -> str:
        """The period of figures stated in part ``key`` (a section key such as ``2.1``): the review or the plan."""
        part = (key or "").split(".")[0]
        return next((code for k, _, code in self.parts if k == part), self.reviewed or self.period)

    def part_kind(self, key: str | None) -> str:
        """The kind of part ``key`` is in: review, plan or problems."""
        part = (key or "").split(".")[0]
        return next((kind for k, kind, _ in self.parts if k == part), "review")


def read_metadata(text: str, outline: Outline, name: str, sidecar: dict | None = None) -> Metadata:
    """Read the metadata from the header and opening lines of a report; ``sidecar`` values win."""
    header = _header_lines(text, outline)
    found = _read_header(header)
    found.update(sidecar or {})
    for key in ("date", "created", "issued"):
        if isinstance(found.get(key), str):
            found[key] = _iso_date(found[key], name, key)
    _place(found, header, name)
    _periods(found, outline, header, name)
    _qualify_meeting(found)
    return Metadata(**{f.name: found[f.name] if found.get(f.name) is not None else
                       (None if f.default is MISSING else f.default) for f in fields(Metadata)})


def read_sidecar(report_path: Path) -> dict | None:
    """Return the sidecar metadata of a report file, or None when it has none."""
    path = report_path.with_name(report_path.stem + ".meta.json")
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError(f'Sidecar "{path}" is not valid UTF-8 JSON ({error}). Fix it or remove it.') from None
    if not isinstance(data, dict):
        raise InputError(f'Sidecar "{path}" must hold a JSON object such as {SIDECAR_HINT}.')
    return data


def _header_lines(text: str, outline: Outline) -> list[tuple[int, int, str]]:
    """Every line above the first part heading, the opening paragraphs included."""
    first = next((s.start for s in outline.sections if s.kind == "part"), len(text))
    return [line for line in lines(text) if line[0] < first]


def _read_header(header: list) -> dict:
    found: dict = {}
    portal, portal_span = portal_fields(header)
    if portal:
        fields_ = dict(portal)
        found.update(portal=portal, portal_span=portal_span, publisher=fields_.get("发布机构") or fields_.get("发文机关"),
                     created=parse_date(fields_.get("成文日期", "")), issued=parse_date(fields_.get("发布日期", "")))
    notice = read_notice(header)
    if notice:
        found.update(notice=notice, issuer=notice.issuer, issued=notice.date or found.get("issued"))
    skip = {notice.span[0]} if notice else set()
    title = read_title(header, skip) or _notice_title(notice)
    if title:
        found.update(title=title.text, title_span=title.span if title.span != (notice and notice.span) else None,
                     title_subject=title.subject, year=title.year, issuer=title.issuer or found.get("issuer"))
    occasion = read_occasion(header)
    if occasion:
        found.update(date=occasion.date, meeting=occasion.meeting, occasion_span=occasion.span)
    presenter = read_presenter(header)
    if presenter:
        found.update(presenter=presenter.name, office=presenter.office, presenter_span=presenter.span)
        role = ROLE.match(presenter.office)
        if role:
            found.update(organization=role["org"], role=role["role"])
    return found


def _notice_title(notice: Notice | None) -> Title | None:
    """A plan known only from its notice: 关于印发《历下区2024年国民经济和社会发展计划》的通知."""
    match = TITLE.match(arabic_years(notice.inner)) if notice else None
    return Title(notice.inner, notice.span, match["subject"], None, int(match["year"])) if match else None


def _place(found: dict, header: list, name: str) -> None:
    """Find the district (or city, county, province) and the city that qualifies it; refuse when there is none."""
    if found.get("district"):
        place = place_named(found["district"], found.get("city"))
    else:
        runs = [split_places(s) for s in _place_sources(found)] + places_before_years(line for _, _, line in header)
        runs = [r for r in runs if r]
        if not runs:
            raise InputError(
                f'Report "{name}" does not say which place it is from: no title such as "关于小店区2023年上半年国民经济'
                '和社会发展计划执行情况的报告", no occasion line naming the place ("——2023年8月29日在太原市小店区第十七届'
                '人民代表大会常务委员会第十二次会议上"), no 发布机构 and no presenter\'s office naming it. Add its name as '
                f'"district" (and "city" when it is a district or county) to a sidecar "{Path(name).stem}.meta.json" '
                f'beside the report, such as {SIDECAR_HINT}.')
        subject = runs[0][-1]
        qualified = next((r[:r.index(subject) + 1] for r in runs if subject in r[1:]), [subject])
        place = resolve(qualified) or Place(subject, "district")
    found["district"] = place.name
    found.setdefault("city", place.city)
    found.setdefault("level", place.level)
    found.setdefault("province", place.province)
    found.setdefault("code", place.code)


def _place_sources(found: dict) -> list[str]:
    """Where a place may be named, surest first."""
    notice = found.get("notice")
    return [found.get("title_subject") or "", found.get("meeting") or "", found.get("issuer") or "",
            notice.issuer or "" if notice else "", found.get("publisher") or "", found.get("office") or ""]


def _periods(found: dict, outline: Outline, header: list, name: str) -> None:
    """The year, genre and period of the report, what it reviews and plans, and the period of each part."""
    headings = [s for s in outline.sections if s.kind == "part"]
    title = arabic_years(found.get("title") or "")
    # the title, else the first part's heading, else the line that says what is reported (现将…2023年上半年…)
    texts = [title] + [arabic_years(s.title) for s in headings[:1]] + [
        arabic_years(line) for start, _, line in header if REPORT_LINE.search(line) and start not in _spans(found)]
    word = next((w for w in map(period_word, texts) if w and w[0] != "S2"), None)
    annual = next((m for m in map(ANNUAL_WITH_PLAN.search, texts) if m), None)
    plan = PLAN_ONLY.search(title) if not annual and "执行" not in title else None
    found.setdefault("year", _year(found, texts, annual, word))
    if not found["year"]:
        raise InputError(f'Report "{name}" does not say its year. Add "year" to its sidecar '
                         f'"{Path(name).stem}.meta.json", such as {SIDECAR_HINT}.')
    year = found["year"] = int(found["year"])
    if word and not (annual or plan):
        suffix, genre = word
        found.setdefault("genre", genre)
        found.setdefault("period", f"{year}-{suffix}")
        found.setdefault("planned", str(year))
    else:
        found.setdefault("genre", "plan" if plan else "annual")
        found.setdefault("period", str(year))
        titles = [s.title for s in headings]
        planned = annual["planned"] if annual else str(year) if plan else year_of_part(titles, "plan")
        found.setdefault("planned", planned)
        found.setdefault("reviewed", year_of_part(titles, "review") if plan else str(year))
    found.setdefault("reviewed", found["period"])
    if not found.get("title"):
        found["title"] = infer_title(found["district"], year, found["period"], found["genre"], found.get("planned"))
        found["title_inferred"] = True
    found["parts"] = tuple(_part(s.key, s.title, found) for s in headings)


def _spans(found: dict) -> set[int]:
    """Starts of the lines already read as the occasion or the notice (their years are not the report's)."""
    spans = [found.get("occasion_span"), found.get("notice") and found["notice"].span]
    return {span[0] for span in spans if span}


def _year(found: dict, texts: list[str], annual, word) -> int | None:
    """The year: the title's, else the first year of the first heading or opening line, else the occasion's."""
    if annual:
        return int(annual["reviewed"])
    for text in texts:
        if heading_year(text):
            return int(heading_year(text))
    date = found.get("date") or found.get("issued") or found.get("created")
    if not date:
        return None
    # an annual report is presented early in the next year (2023年1月 for 2022); a plan early in its own year
    return date.year - 1 if not word and date.month <= 3 else date.year


def _part(key: str, heading: str, found: dict) -> tuple[str, str, str]:
    """(key, kind, period) of a part: 一、2022年…执行情况 reviews 2022; 二、2023年…主要预期目标 plans 2023."""
    kind, year = part_kind(heading), heading_year(heading)
    if kind == "plan":
        return key, kind, year or found.get("planned") or str(found["year"])
    if year and kind == "review" and found["genre"] in ("annual", "plan"):
        return key, kind, year
    return key, kind, found["reviewed"]


def _qualify_meeting(found: dict) -> None:
    """区第十七届人大常委会第十五次会议 names no place: put the report's place in front, so meetings stay apart."""
    meeting = found.get("meeting")
    if meeting and not split_places(meeting) and meeting[0] in "省市区县旗州":
        found["meeting"] = (found.get("city") or "") + found["district"] + meeting[1:]


def _iso_date(value: str, name: str, key: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f'Sidecar of "{name}": {key} "{value}" is not YYYY-MM-DD.') from None
