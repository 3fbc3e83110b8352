"""Read a report's metadata from its own lines: title, occasion line and presenter line.

An optional sidecar ``NAME.meta.json`` beside the report overrides any key (see data/reports/README.md).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, fields
from pathlib import Path

from ..errors import InputError
from .outline import Outline

# 关于武昌区2021年上半年国民经济和社会发展计划执行情况的报告
TITLE = re.compile(r"^关于(?P<district>\S+?[区县市旗])(?P<year>\d{4})年(?P<half>上半年|下半年)?.*报告$")
# ——2021年8月27日在武汉市武昌区第十五届人大常委会第三十八次会议上 (also 2020826日, or split over two lines)
OCCASION = re.compile(
    r"^[—–-]*\s*(?P<y>\d{4})\s*年?\s*(?P<md>\d{1,2}\s*月\s*\d{1,2}|\d{2,4})\s*日\s*在\s*(?P<meeting>.+?会议)\s*上\s*$")
# 武汉市武昌区第十五届人大常委会第三十八次会议
MEETING = re.compile(r"^(?P<city>[^市]{2,8}市)?(?P<district>[^市区县]{1,8}[区县旗市])")
# 区发改局局长 李武军 / 区发展和改革局局长 成 洁
PRESENTER = re.compile(r"^(?P<office>\S{2,30}?)\s+(?P<name>[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3})$")
ROLE = re.compile(r"(?P<org>.+?)(?P<role>(?:副|代理)?(?:局长|主任|区长|县长|市长|书记|处长|委员|秘书长|主席))$")
SALUTATION = re.compile(r"[:：]\s*$")
HALF = {"上半年": "S1", "下半年": "S2"}


@dataclass(frozen=True)
class Metadata:
    """What a report says about itself; spans are code-point offsets of the lines it was read from."""

    district: str
    city: str | None
    year: int
    period: str                 # SDMX code: "2021-S1" for the first half, "2021" for the year
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

    @property
    def label(self) -> str:
        """A readable name for the report, the title when the text has one."""
        half = {"S1": "上半年", "S2": "下半年"}.get(self.period.rpartition("-")[2], "")
        return self.title or f"关于{self.district}{self.year}年{half}国民经济和社会发展计划执行情况的报告"


def read_metadata(text: str, outline: Outline, name: str, sidecar: dict | None = None) -> Metadata:
    """Read the metadata from the front lines of a report; ``sidecar`` values win."""
    found: dict = {}
    front = list(outline.front)
    _read_title(front, found)
    _read_occasion(front, found)
    _read_presenter(front, found)
    found.update(sidecar or {})
    if "date" in found and isinstance(found["date"], str):
        found["date"] = _iso_date(found["date"], name)
    if not found.get("district"):
        raise InputError(
            f'Report "{name}" does not say which district it is from: no occasion line such as '
            '"——2021年8月27日在武汉市武昌区第十五届人大常委会第三十八次会议上" and no title line. '
            f'Add a sidecar "{Path(name).stem}.meta.json" with {{"district": "…", "year": …}}.')
    found.setdefault("year", found["date"].year if found.get("date") else None)
    if not found["year"]:
        raise InputError(f'Report "{name}" does not say its year. Add "year" to its sidecar .meta.json.')
    found["year"] = int(found["year"])
    found.setdefault("period", _period(found, outline))
    known = {f.name for f in fields(Metadata)}
    defaults = {k: None for k in known}
    return Metadata(**{**defaults, **{k: v for k, v in found.items() if k in known}})


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
        raise InputError(f'Sidecar "{path}" must hold a JSON object such as {{"district": "武昌区"}}.')
    return data


def _read_title(front: list, found: dict) -> None:
    for start, end, line in front:
        match = TITLE.match(line)
        if match:
            found.update(title=line, title_span=(start, end), district=match["district"], year=int(match["year"]))
            if match["half"]:
                found["half"] = HALF[match["half"]]
            return


def _read_occasion(front: list, found: dict) -> None:
    for i, (start, end, line) in enumerate(front):
        if not re.match(r"^[—–-]*\s*\d{4}", line):
            continue
        # the occasion line is sometimes broken before "第三十八次会议上": join it with the next line
        for j in (i, i + 1):
            joined = "".join(item[2] for item in front[i:j + 1])
            match = OCCASION.match(joined)
            if match:
                found["occasion_span"] = (start, front[j][1])
                found["date"] = _occasion_date(match["y"], match["md"])
                meeting = re.sub(r"\s+", "", match["meeting"])
                found["meeting"] = meeting
                place = MEETING.match(meeting)
                if place:
                    found.setdefault("district", place["district"])
                    found["city"] = place["city"]
                del front[i:j + 1]
                return


def _read_presenter(front: list, found: dict) -> None:
    for start, end, line in front:
        if SALUTATION.search(line):
            return
        match = PRESENTER.match(line)
        if match:
            office = match["office"]
            found.update(office=office, presenter=re.sub(r"\s+", "", match["name"]), presenter_span=(start, end))
            role = ROLE.match(office)
            if role:
                found.update(organization=role["org"], role=role["role"])
            return


def _occasion_date(year: str, month_day: str) -> dt.date | None:
    digits = re.findall(r"\d+", month_day)
    if len(digits) == 2:
        month, day = map(int, digits)
    else:  # 年/月 missing: "826" is 8-26, "1026" is 10-26, "0826" is 08-26
        d = digits[0]
        month, day = (int(d[:-2]), int(d[-2:])) if len(d) > 2 else (int(d[0]), int(d[1:]))
    try:
        return dt.date(int(year), month, day)
    except ValueError:
        return None


def _iso_date(value: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f'Sidecar of "{name}": date "{value}" is not YYYY-MM-DD.') from None


def _period(found: dict, outline: Outline) -> str:
    half = found.get("half")
    if not half:
        first_part = next((s.title for s in outline.sections if s.kind == "part"), "")
        half = next((code for word, code in HALF.items() if word in first_part), None)
    return f"{found['year']}-{half}" if half else str(found["year"])

