"""Read the names a report gives in prose of any style, by the word that ends each name, and where projects lie.

A name of the genre ends in a head that says what it names (…有限公司 an enterprise, …产业园 a park, …项目 or
…二期 a project) and begins where the clause, a list mark, a verb, a time word or a count leaves off
(``推动|云岭算力中心一期|年底前投入运营``). The longest name from one beginning wins; a park or a body it begins
with is a name too (``许西片区``城中村改造项目). Every step scans a clause once with patterns of bounded width, so
reading costs time linear in the text's length.

Projects are placed in an area when the text places them (``位于X的Y``, ``X内,Y…``, ``X的Y…``, a sentence that
opens with X and names no other area, ``园区内`` referring back to the last park, or a name that begins with X).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

CJK = r"\u4e00-\u9fff"
PHASE = r"[一二三四五六七八九十]+期"          # 一期, 二期; not 培训5期 (a count of sessions)
# Heads, longest alternative first within a row; each row: kind, head pattern, an example of the genre.
HEADS = (
    ("Enterprise", r"有限责任公司|股份有限公司|有限公司|集团公司|集团[东西南北华中]{0,2}(?:区域)?总部|"
                   rf"集团[{CJK}]{{2,3}}总部", "北京云鼎数智科技集团华北区域总部、山西汇川供应链管理有限公司"),
    ("Project", rf"(?:项目|工程|线)?{PHASE}", "云岭算力中心一期 / 芯锐功率半导体模块封装线一期"),
    ("Project", r"项目|工程|生产基地|研发基地|制造基地|大厦|综合体|工厂|广场(?!舞)|新院区|院区|综合楼|住院楼|门诊楼|"
                r"公园|步道|中心(?!城区|城市)|配套道路|大桥|隧道|体育馆|博物馆|图书馆|艺术馆|夜市|(?<!充)电站",
     "北格镇高标准农田建设项目 / 晋数智造大厦 / 南岗科技园科创服务中心"),
    ("Plot", r"地块", "C-07地块"),
    ("FunctionalArea", r"产业园区|工业园区|产业园|科技园|工业园|物流园|创业园|园区|经济开发区|技术开发区|开发区|高新区|"
                       r"新区|商务区|商圈|片区|街区|文旅带|文化带|经济带|走廊|试验区|示范区|旅游区|景区|保税区|自贸区|"
                       r"古城|新城|科学城|科技城|金融城|基地|小镇|风貌区|核心区|功能区|镇(?!街)|街道(?!办)",
     "汾东数字经济产业园 / 龙城南站枢纽商务区 / 许西片区 / 酒泉新能源基地 / 北格镇"),
    ("WaterBody", rf"(?:江|河)[{CJK}]{{0,4}}?段|(?<!河)湖(?![区滨畔]|[东西南北](?!岸))", "湘江天元段 / 黄河干流洛阳段 / 艾溪湖北岸"),
    ("Road", r"大道|大街|国道|省道|(?<![线道思出销公])路(?=、|等|沿线|两侧|[东西南北]?段|提升|改造|$)", "京东大道、塘山路等6条道路"),
    ("Enterprise", r"投资基金|产业基金|引导基金", "设立规模5亿元的区天使投资基金"),
    ("Hospital", r"医院|保健院|卫生院", "市第三人民医院"),
    ("School", r"小学|中学|幼儿园|学校|大学|学院", "青山湖区湖滨第二小学 / 区第九幼儿园"),
    ("GovernmentBody", r"委员会|管委会|常委会|人民政府|政府|办公室|分局|(?<![布大格开结当全])局(?!长|面|势)", "市发展和改革委员会"),
)
HEAD = re.compile("|".join(f"(?P<h{i}>{pattern})" for i, (_, pattern, _) in enumerate(HEADS)))
# Where a name may begin: after these words (verbs, prepositions, time words, counts, apposition nouns).
OPENERS = (
    (r"新引进|引进|推动|推进|加快|加速|完成|启动|确保|力争|位于|依托|围绕|支持|开拓|赴|落实|实施|开展|设立|打造|建成|"
     r"新建|举办|出台|印发|制定|培育|实现|进入|签约|开工|新开工|新增|完善|组织|服务于|落户|入驻|其中|聚焦|包括|建立|"
     r"对接|争取|谋划|保障|发放|带动|兑现|办好|健全|我?受|加强|深化|优化|抓好?|等|参加|参与|方面", "推动|云岭算力中心一期"),
    (r"[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.．、]|[一二三四五六七八九十]+[是、]", "(三)|项目建设成效明显 / 2.|重点项目"),
    (r"上半年|下半年|前三季度|[一二三四]季度|年内|年底前|全年|今年|[\d一二三四五六七八九十]+月底?前?", "汾东数字经济产业园|上半年"),
    (r"[\d.]+[万亿]?(?:个|项|家|所|座|条|处|栋|宗|名|人|户|次|场)", "31名|区级领导包联重点项目87个"),
    (r"首[栋个批家座所](?:楼宇)?", "首栋楼宇|青创智谷大厦"),
    (r"的|(?<=[区园城带廊地])内", "雁南文旅片区的|雁南文化艺术中心 / 园区内|冷链物流分拨中心项目"),
)
OPENER = re.compile("|".join(pattern for pattern, _ in OPENERS))
# Verbs that may stand right before a name but also inside one (阅江楼景区品质提升工程): dropped only at its start.
LEAD_VERBS = re.compile(
    r"(?:推荐|做好|紧盯|融入|提升|激活|强化|吸引|协调解决|协调|实行|持续发力|持续|精准编制|包装策划|认真|督促|按照|每周在|"
    r"在(?!建|谈)|拓展|建设|入围|不断增强|不断|规范|推行|做优|做强|做大|用好|盘活|招引|做实|抓实|打响|擦亮|壮大|释放)+")
TITLE = re.compile(r"《[^《》\n]{1,100}》")
CLAUSE = re.compile(r"[^,，；;:：。！!？?、\s“”《》]+")
SEGMENT = re.compile(r"[^。；;！!？\n]+")
HARD_END = {"Enterprise"}                   # 山西晋芯微电子有限公司|功率器件封装测试线: a company ends its name
AREAS = {"FunctionalArea"}
PLACED = {"Project", "Plot"}
MAX_NAME = 32
# Kinds, not names: a stem of generic words only, or a name that is counted (改造项目14个, 口袋公园12个).
GENERIC_STEM = re.compile(
    r"^(?:[省市区县]级|[省市区县]+|重点|重大|产业|工业|技改|在建|续建|新开工|签约|招商|民生|投资|基础设施|工程建设|建设|"
    r"政府投资|亿元以上|[\d.]+亿元以上|智能化改造|数字化改造|改造|城中村|老旧小区|和|化工|重点项目|主体|一期|二期|三期|"
    r"产业化|示范|标准化|服务|配套|社区|中小|城|乡|全区|全市|全县|全省|各类|各|一批|中小学|党群服务|养老服务|数据|部分|个别|"
    r"新入库|外资|大|高质量|省列|铺装|景观|土建|装修|附属|收尾|商业|口袋|卫生服务|改扩建|老旧|小区|城中村|改扩建中|断头路|院士|专家|"
    r"团队|参赛|企业|合作|好|省市县长|民生实事|审批|储备|成果|园林|前期策划|新开|先进|特色|科创|智慧|历史文化|国家级|智能|"
    r"商贸|校园|街道|养老|老年人?|综合|再担|极简|区域|医疗|公办|涉河|在建|城建|水务|文化|重点工程|市级|区级|明年|领域|可供出让|政府办社区卫生服务)+$")
PROJECT_TAIL = re.compile(r"项目|工程")
# Words no name holds: 我们坚持把项目, 区四套班子领导带头深入一线抓项目, 以目标任务为中心.
NOT_IN_NAME = re.compile(r"我们|我区|把|跟着|坚持|带头|深入|一线|领导|包联|抓|为中心|任务|目标|以|一带一路|及其|纳入|尽早|"
                         r"更多|增速|高于|低于|收入|向|[(（]\d|[一二三四五六七八九十两\d]+[个大宗]|\d+[万亿]?余?[名人个家项次]")
# A place or project name holding an organisation's head is two names run together (湖北省武昌实验小学东湖).
ORG_INSIDE = re.compile(r"小学|中学|医院|公司|政府|学院")
JOINED = re.compile(r"^..+和")   # 城市更新和功能区; not 阳和楼周边街区, nor 八铺街堤江滩防洪及综合环境提升工程
AREA_SCHOOL = re.compile(r"(?:片区|新区|园区|开发区|街道|社区|城区)$")
AROUND = re.compile(r"周边|沿线|两侧|附近")   # 阳和楼周边街区: the blocks around a place, not a place's name
TWO_NAMES = re.compile(r"(?:园|区|城|镇|段|路|项目|工程|期|公司)[和与及]")
COUNTED = re.compile(r"\d+(?:\.\d+)?[万亿]?[个项家所座条处栋宗]")
BAD_START = re.compile(rf"^(?:第|全国|[一二三四五六七八九十]号|[\d一二三四五六七八九十两]+[个项家所座条批期]|[和与及的在对从向将把被]|各|等|全[区市县省])")
# Macro-regions named as such (赴长三角、粤港澳大湾区开展招商, 开拓中亚、东南亚市场): a gazetteer, not a rule.
REGIONS = re.compile(r"粤港澳大湾区|长三角|珠三角|京津冀|成渝地区双城经济圈|东南亚|中亚|东盟|中东|欧盟|非洲|拉美")
# 园区内, 区内: an area named before and referred back to; the head word says which kind of area.
BACK_REFERENCE = re.compile(r"(?P<word>园区|片区|新区|开发区|商圈|基地|街区|古城|区)内")


@dataclass(frozen=True)
class Found:
    """A name read from the text: its pg class and its code-point span."""

    kind: str
    start: int
    end: int
    detail: str | None = None     # a document's number, a person's office


@dataclass(frozen=True)
class Reading:
    """The names of a text and the (project, area) pairs the text places."""

    names: tuple[Found, ...]
    placed: tuple[tuple[Found, Found], ...]


def read_names(text: str, start: int = 0, end: int | None = None) -> Reading:
    """Read every name of ``text[start:end]`` and where each project lies."""
    end = len(text) if end is None else end
    names, placed, last_areas = [], [], []
    names += documents(text, start, end) + people(text, start, end)
    for segment in SEGMENT.finditer(text, start, end):
        found = _segment_names(text, *segment.span())
        names += found
        placed += _placements(text, segment.span(), found, last_areas)
        last_areas += [n for n in found if n.kind in AREAS]
    return Reading(tuple(names), tuple(dict.fromkeys(placed)))


def _segment_names(text: str, start: int, end: int) -> list[Found]:
    out = []
    for clause in CLAUSE.finditer(text, start, end):
        out += clause_names(text, *clause.span())
    inside = set()                          # 《正定县2023年重点项目建设攻坚行动方案》 names a document only
    for title in TITLE.finditer(text, start, end):
        inside.update(range(*title.span()))
    return sorted({n for n in out if n.start not in inside}, key=lambda n: (n.start, -n.end))


def clause_names(text: str, start: int, end: int) -> list[Found]:
    """Names of one clause: from each beginning, the longest name and the areas and bodies it begins with."""
    openers = [start] + [m.end() for m in OPENER.finditer(text, start, end)]
    heads = [(HEADS[int(m.lastgroup[1:])][0], m.start(), m.end()) for m in HEAD.finditer(text, start, end)]
    openers = sorted(openers + [e for kind, _, e in heads if kind in HARD_END])
    by_begin: dict[int, list[tuple[Found, int]]] = {}
    for kind, head_start, head_end in heads:
        begin = openers[bisect.bisect_right(openers, head_start) - 1]
        lead = LEAD_VERBS.match(text, begin, head_start)
        begin = lead.end() if lead else begin       # 建设|数字经济产业园
        if head_start > begin and head_end - begin <= MAX_NAME:
            by_begin.setdefault(begin, []).append((Found(kind, begin, head_end), head_start))
    out = [Found("Region", *m.span()) for m in REGIONS.finditer(text, start, end) if m.start() in openers]
    for found in by_begin.values():
        longest = max(found, key=lambda pair: pair[0].end)
        if not _is_name(text, *longest):
            continue
        out.append(longest[0])
        if longest[0].kind not in PLACED:
            continue                        # 武汉银融兴昌信息软件产业园有限公司: a company, not a park
        for name, head_start in found:
            if name.kind not in PLACED and name.end < longest[0].end and _is_name(text, name, head_start) \
                    and not PROJECT_TAIL.fullmatch(text, name.end, longest[0].end):
                out.append(name)            # 许西片区|城中村改造项目; not 合芯半导体封测基地|项目
    return out


def tidy(text: str, kind: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a name another reader gave, with the verbs before it dropped (位于X, 举办X, 的X); None when
    what is left is no name (四是部分重点项目, 举办古城)."""
    while True:
        lead = OPENER.match(text, start, end) or LEAD_VERBS.match(text, start, end)
        if not lead or lead.end() == start:
            break
        start = lead.end()
    heads = [m for m in HEAD.finditer(text, start, end) if m.end() == end]
    if end - start < 2 or BAD_START.match(text, start, end):
        return None
    if heads and not _is_name(text, Found(kind, start, end), heads[-1].start()):
        return None
    return start, end


def _is_name(text: str, name: Found, head_start: int) -> bool:
    """A name, not a kind: its stem says more than generic words, it is not counted, and it does not open badly."""
    surface, stem = text[name.start:name.end], text[name.start:head_start]
    if name.kind == "WaterBody":
        stem = surface[:-1]
    if not stem or BAD_START.match(surface) or NOT_IN_NAME.search(surface) or COUNTED.match(text, name.end):
        return False
    if surface.count("(") + surface.count("（") != surface.count(")") + surface.count("）"):
        return False                        # 市七医院迁建项目(区公共卫生服务中心: cut inside a bracket
    if name.kind == "GovernmentBody":       # 区人民政府, 区数据局: a level and a field; not 格局, 大局
        return bool(re.match(rf"[{CJK}]{{0,8}}?[省市区县州]", surface))
    if GENERIC_STEM.match(stem) or len(stem) < 2 and not (name.kind == "WaterBody" and surface.endswith("段")):
        return False                        # 城镇, 新区, 中小学, 重点项目: a kind, not a name
    if name.kind in ("FunctionalArea", "WaterBody", "Road") and (ORG_INSIDE.search(stem) or AROUND.search(stem)):
        return False                        # 湖北省武昌实验小学东湖, 阳和楼周边街区: not a place's own name
    if name.kind == "School" and AREA_SCHOOL.search(stem):
        return False                        # 加快扬子洲片区学校、卫生服务中心等…建设: the schools of an area
    if name.kind != "Enterprise" and (TWO_NAMES.search(surface) or JOINED.search(surface)):
        return False                        # 临空物流产业园和跨境电商综合试验区: two names, not one
    return True


def _placements(text: str, span: tuple[int, int], found: list[Found], before: list[Found]):
    """(project, area) pairs of one segment: names that begin with an area, and the area in force at each project."""
    areas_from: dict[int, list[Found]] = {}
    for area in (n for n in found if n.kind in AREAS):
        areas_from.setdefault(area.start, []).append(area)
    in_force = _openers(text, span, found, before)
    starts = [at for at, _ in in_force]
    pairs = []
    for project in (n for n in found if n.kind in PLACED):
        pairs += [(project, a) for a in areas_from.get(project.start, ()) if a.end < project.end]
        at = bisect.bisect_right(starts, project.start) - 1
        if at >= 0 and in_force[at][1].end <= project.start:
            pairs.append((project, in_force[at][1]))
    return pairs


def _openers(text: str, span: tuple[int, int], found: list[Found], before: list[Found]) -> list[tuple[int, Found]]:
    """Where an area comes into force in a segment: the area it opens with (when no other area is named), an area
    followed by 内 or 的 or after 位于, and 园区内 at the head of a clause, which refers back to the last park."""
    start, end = span
    longest: dict[int, int] = {}
    for name in found:
        longest[name.start] = max(name.end, longest.get(name.start, name.end))
    areas = [n for n in found if n.kind in AREAS and longest[n.start] == n.end]   # not 许西片区 of 许西片区…项目
    out = []
    if areas and text[start:areas[0].start].strip() in ("", "其中,", "其中，") and \
            len({text[a.start:a.end] for a in areas}) == 1:
        out.append((start, areas[0]))
    for area in areas:
        if text.startswith(("内", "的"), area.end) or text[max(start, area.start - 2):area.start] == "位于":
            out.append((area.start, area))
    for back in BACK_REFERENCE.finditer(text, start, end):
        head = back.start() == start or text[back.start() - 1] in ",，　 "
        referent = _referent(text, back["word"], before + areas) if head else None
        if referent is not None:
            out.append((back.end(), referent))
    return sorted(out, key=lambda pair: pair[0])


def _referent(text: str, word: str, before: list[Found]) -> Found | None:
    """The last area named before whose head fits the word that refers back (园区 → …产业园, 片区 → …片区)."""
    for area in reversed(before):
        surface = text[area.start:area.end]
        if word == "区" or word in surface or (word == "园区" and surface.endswith("园")):
            return area
    return None


# Documents by title: 印发《小店区2023年优化营商环境攻坚行动方案》(小政发〔2023〕9号), or the number on its own line
# under a notice's title (关于印发《历下区2024年国民经济和社会发展计划》的通知 / 历下政发〔2024〕3号).
DOCUMENT = re.compile(r"《(?P<title>[^《》\n]{4,100})》(?:[(（](?P<number>[^()（）\n]{2,20}?〔\d{4}〕\d+号)[)）])?")
DOCUMENT_KIND = re.compile(r"(?:意见|方案|计划|措施|政策|办法|规定|清单|举措|纲要|规划|条例|通知|决定|细则)"
                           r"(?:[(（][^()（）]{2,16}[)）])?$")
NUMBER_LINE = re.compile(r"[^\S\n]*\n\s*(?P<number>[^\s〔]{1,12}〔\d{4}〕\d+号)[^\S\n]*(?:\n|$)")


def documents(text: str, start: int, end: int) -> list[Found]:
    """Policy documents named by their title in 《》, with their number (文号) where the text gives one."""
    out = []
    for match in DOCUMENT.finditer(text, start, end):
        if not DOCUMENT_KIND.search(match["title"]):
            continue                        # 《建党百年·武昌故事》系列短视频: a title, but no policy document
        number = match["number"]
        line_end = text.find("\n", match.end())
        if number is None and line_end >= 0:
            below = NUMBER_LINE.match(text, line_end)
            number = below["number"] if below else None
        out.append(Found("PolicyDocument", *match.span("title"), number))
    return out


# People named after their office: 市政府常务副市长王强带队赴重点项目现场办公. The name is the surname and one or two
# characters, closed by what the person does; the surnames are the common ones (a table, not a guess).
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
OFFICE = re.compile(r"(?:常务)?副?(?:省长|市长|区长|县长|州长|书记|主任|局长|秘书长|主席)")
PERSON = re.compile(rf"(?P<office>(?:常务)?副?(?:省长|市长|区长|县长|州长|书记|局长|秘书长))"
                    rf"(?P<name>[{SURNAMES}][{CJK}]{{1,2}}?)"
                    r"(?=带队|率队|主持|出席|调研|督导|参加|召开|同志|指出|强调|深入|赴|到)")


def people(text: str, start: int, end: int) -> list[Found]:
    """People named in the body with the office they hold (常务副市长王强带队…)."""
    return [Found("Person", *m.span("name"), m["office"]) for m in PERSON.finditer(text, start, end)]
