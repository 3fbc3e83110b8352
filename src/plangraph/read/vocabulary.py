"""The indicators the reader knows by name: ``data/indicators.csv``, one row per indicator with its aliases and unit.

    地区生产总值,GDP|生产总值|经济总量,亿元,level,"上半年GDP实现612.35亿元,同比增长5.8%"

A name the table does not know is still read when its clause has the shape of an indicator's (a noun phrase
that ends in a head noun such as 增加值, 收入, 总额, 率, then a figure): see :data:`HEAD_NOUNS`.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..paths import indicator_table_file

TABLE_FILE = indicator_table_file()
# Head nouns of indicator names, each with a name the table does not list: the shape of an unknown indicator.
HEAD_NOUNS = (
    "增加值",    # 数字经济核心产业增加值
    "总值",      # 海洋生产总值
    "产值",      # 规模以上工业总产值
    "收入",      # 旅游收入
    "投资",      # 基础设施投资
    "总额",      # 跨境电商交易总额
    "成交额", "交易额", "销售额", "营业额", "营业收入",  # 技术合同成交额
    "资金",      # 招商引资实际到位资金
    "余额",      # 贷款余额
    "比重", "占比", "比例",  # 服务业增加值占比
    "率",        # 城镇化率, 空气质量优良天数比例
    "指数",      # 工业生产者出厂价格指数
    "用电量", "发电量", "客运量", "货运量", "吞吐量", "产量",  # 港口货物吞吐量
    "就业", "人数",  # 城镇新增就业
    "强度",      # 研发经费投入强度
    "浓度",      # PM10平均浓度
)
HEAD = re.compile("(?:" + "|".join(HEAD_NOUNS) + r")$")


@dataclass(frozen=True)
class Indicator:
    """One row of the table: the name used in the graph, the other names reports use, its usual unit."""

    name: str
    aliases: tuple[str, ...]
    unit: str
    kind: str
    example: str


def read_table(path: str | Path = TABLE_FILE) -> tuple[Indicator, ...]:
    """Read the indicator table; a row without a name or an example is an error."""
    path = Path(path)
    try:
        rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    except OSError as error:
        raise InputError(f'Cannot read the indicator table "{path}": {error}. Restore it from git.') from None
    out = []
    for number, row in enumerate(rows, start=2):
        if not (row.get("name") and row.get("example")):
            raise InputError(f"{path}, line {number}: a row needs a name and an example sentence.")
        aliases = tuple(a for a in (row.get("aliases") or "").split("|") if a)
        out.append(Indicator(row["name"], aliases, row.get("unit") or "", row.get("kind") or "", row["example"]))
    return tuple(out)


@lru_cache(maxsize=1)
def default_table() -> tuple[Indicator, ...]:
    """The project's checked-in indicator table, read once."""
    return read_table()


@lru_cache(maxsize=1)
def known_names() -> tuple[str, ...]:
    """Every name and alias of the table, longest first (so 城镇居民人均可支配收入 wins over 居民人均可支配收入)."""
    names = {n for row in default_table() for n in (row.name, *row.aliases)}
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _known_pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(n) for n in known_names()))


def find_known(text: str) -> re.Match | None:
    """The first known indicator name in ``text`` (the longest one at that place), or None."""
    return _known_pattern().search(text)


def starts_known(text: str, start: int, end: int) -> re.Match | None:
    """The known indicator name that ``text[start:end]`` opens with, or None."""
    return _known_pattern().match(text, start, end)


def looks_like_indicator(name: str) -> bool:
    """A name the table does not know but shaped like an indicator's: it ends in a head noun (旅游收入)."""
    return 2 <= len(name) <= 24 and bool(HEAD.search(name))
