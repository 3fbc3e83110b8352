"""The genre's frames: rule tables, each with an example of the genre, and the text helpers they use.

``relations`` reads status events, places and people with these; ``entities`` and ``statements`` reuse the
repair of lost middle dots and the list splitting. Every helper works on code-point offsets into the text.
"""
from __future__ import annotations

import re

CJK = r"\u4e00-\u9fff"
CLAUSE = re.compile(r"[^,，；;:：。！!]+")

# Verbs and adverbs that open a clause before the names it lists: 继续推进四美塘…, 以水果湖街滨湖社区为重点.
LEAD = re.compile(
    r"(?:其中|以|在|新增|依托|围绕|继续|持续|积极|全面|加快|加速|加紧|尽快|重点|协调|统筹|全力|大力|力争|确保|督促|"
    r"进一步|成功|实现|建设|新建|新引进|引进|发布|推进|推动|完成|做好|启动|开展|服务|完善|深化|强化|跟进|推荐|打造|加强|支持|紧盯|落实)+")
LEAD_WORD = re.compile(r"推进|推动|打造|依托|加快|加速|围绕|建设|积极|继续")
# Where the names of a clause end: 四美塘、明伦街棚改|等项目房屋征收 / 斗级营片区|两宗地块出让 / 东区地块|完成土地储备.
CUT = re.compile(
    r"等|[(（]|改造$|(?:项目)?(?:房屋)?征收|(?:土地)?储备|(?:土地)?出让|开工|加快建设|基本完工|已完工|完工|开街|并?对外开放|"
    r"顺利推进|按进度推进|项目建设|建设|启动|完成|规划|沿线|年内|前期|主体|[两一二三四五六七八九十\d]+[宗个项条处家所座]")
# A count closing the clause right after the names: kinds counted (新引进金融机构和总部企业46家), not names;
# not 斗级营片区两宗地块出让, where the count opens what happened.
COUNT = re.compile(r"[两一二三四五六七八九十\d]+[宗个项条处家所座](?:以上)?[,，。；;]?$")
# What happened, most specific first; every specific status found counts (土地储备出让 → reserve and sale).
SPECIFIC_STATUS = (
    (re.compile(r"征收"), "Acquisition"),            # 四美塘、明伦街棚改等项目房屋征收
    (re.compile(r"储备"), "LandReserve"),            # 白沙新城北片等地块土地储备工作
    (re.compile(r"出让"), "LandSale"),               # 万吨冷库W2地块、临江大道76号等4宗土地出让
    (re.compile(r"开工"), "ConstructionStarted"),    # 紫阳东路延长线、小龟山路等11条道路开工建设
    (re.compile(r"完工"), "Completed"),              # 东四路已完工 / 八铺街堤……工程基本完工
    (re.compile(r"开街|对外开放"), "Opened"),         # 昙华林核心区二期开街 / 展示中心建设并对外开放
)
GENERIC_STATUS = (
    (re.compile(r"^完成.*?\|建设|建成|^完成\|$"), "Completed"),  # 完成武昌区科技创新展示中心建设 / 完成……整治项目
    (re.compile(r"加快建设|加速推进|^加[快速].*\|.*建设"), "SpedUp"),  # 加快轨道交通12号线武昌段……建设  # 武汉长江中心、龙湖天街等项目加快建设
    (re.compile(r"启动"), "Launched"),                     # 启动武昌城市历史馆、斗级营片区项目建设
    (re.compile(r"推进"), "Advanced"),                     # 和平大道南延线……等项目顺利推进
)
# A functional area opening a sentence: 滨江商务区继续推进… / 武昌古城亮点片区,加快推进… / 幕府山片区完成….
AREA_SUFFIX = r"(?:商务区|古城|金融城|科学城|科技城|新城|风貌区|商贸区|高新区|开发区|核心区|片区)"
AREA_HEAD = re.compile(rf"(?P<area>[{CJK}·?]{{2,10}}?{AREA_SUFFIX})(?:亮点片区|核心区)?[,，]?")
# An area named inside another: 中科·武大智谷核心区小洪山科学城.
AREA_CHAIN = re.compile(rf"(?P<outer>[{CJK}·?]{{2,10}}?核心区)(?P<inner>[{CJK}]{{2,8}}?(?:科学城|科技城|新城|商务区))")
PHASE = re.compile(r"[一二三四五六七八九十\d]+期")
# A list "framed" as projects: 四美塘、明伦街棚改|等项目 / 阿里巴巴华中总部|等31项亿元以上重大项目 / 等11条道路.
FRAMED = re.compile(r"等[^，。,；;]{0,12}?(?:项目|工程|道路|地块|片区|区域)")
# Names that mark a project outside an area sentence: 武昌区科技创新展示中心, 东四路, 八铺街堤……提升工程.
PROJECT_HEAD = re.compile(
    r"(?:工程|项目|地块|大厦|楼|中心|总部|馆|路|线|段|街区|[一二三四五六七八九十\d]期|片区?|公园|小镇|综合体|停车库|"
    r"停车楼|广场|天街|校区|小学|中学|园)$")
# Enterprises brought in, or to be landed: 引进华为(武汉)人工智能创新中心、北京珞石、北京沃丰科技时代等企业.
INTRODUCED = re.compile(r"引进(?P<list>[^，。,；;“”]{1,300}?)等(?:\d+家)?[^，。,；;]{0,12}?企业")
INTRODUCED_ONE = re.compile(r"^(?:新|成功)?引进(?P<list>[^，。,；;“”、\d]{2,24})$")   # 引进武汉华联(SKP)
# …but not a kind introduced in a batch: 引进一批软件和信息服务企业, 成功引进多家新能源企业
INTRODUCED_KIND = re.compile(r"^(?:一批|一大批|大批|一些|多家|数家|若干|各类)|(?:企业|机构|团队|人才)$")
TO_LAND = re.compile(r"推动(?P<list>[^，。,；;]{1,300}?)等(?:一批)?[^，。,；;]{0,12}?(?:企业|公司)[^，。,；;]{0,6}?尽快落[地户]")
# Other enterprises in a list: 强化铁四院、中南建筑设计院……等龙头品牌企业引领.
ENTERPRISE_LIST = re.compile(
    r"(?P<list>[^，。,；;]{1,300}?)等(?:\d+家)?[^，。,；;、\d]{0,10}?(?:龙头|重点|上市|头部|品牌|标杆)[^，。,；;、\d]{0,6}?企业")
# Documents: 起草印发《中共武昌区委 武昌区人民政府关于……的实施意见》(武昌发〔2021〕5号).
DOCUMENT_ACTS = (("起草印发", "Issued"), ("拟定", "Drafted"), ("起草", "Drafted"), ("印发", "Issued"),
                 ("出台", "Issued"), ("发布", "Issued"), ("编制", "Compiled"), ("制定", "Drafted"))
DOCUMENT = re.compile(r"(?P<verb>" + "|".join(verb for verb, _ in DOCUMENT_ACTS) + r")?《(?P<title>[^》]{4,80})》"
                      r"(?:[(（](?P<number>[^()（）]{2,20}?〔\d{4}〕\d+号)[)）])?")
DOCUMENT_HEAD = re.compile(r"(?:意见|方案|计划|措施|政策|办法|规定|清单|举措|纲要|规划|条例|通知|决定)[”)）]?$")
AGENTS = re.compile(r"(?P<agents>(?:[^\s关]{2,14}?(?:区委|县委|市委|政府|委员会|办公室)\s*)+)关于")
# Academicians: 刘经南、詹明生、叶朝辉等3个院士专家 / 陶志远院士、韩明哲院士等 / 卢雪峰院士团队.
ACADEMICIANS = re.compile(rf"(?P<list>(?:[{CJK}]{{2,3}}(?:院士)?、)*[{CJK}]{{2,3}})(?:院士)?(?=等\d*个?院士|院士(?:、|等|团队))")
# Streets and their communities: 以水果湖街滨湖社区、粮道街昙华林社区为重点.
STREET_COMMUNITY = re.compile(rf"^(?P<street>[{CJK}]{{2,4}}?街)(?P<community>[{CJK}]{{2,4}}?社区)(?=为|等|$)")
WATER = re.compile(rf"^[{CJK}]{{1,4}}(?:湖|河|港|渠)$")   # 巡司河(武昌段)、沙湖港(武昌段)、董家明渠
# A lake named before the works on it: 开展紫阳湖星级公厕项目 / 启动紫阳湖公园改造.
WATER_NAMED = re.compile(r"(?:(?<=开展)|(?<=推进)|(?<=完成)|(?<=启动)|(?<=实现)|(?<=、))(?P<name>[\u4e00-\u9fff]{1,3}湖)"
                         r"(?=星级|公园|综合整治|水环境|湿地)")
# Places by what they are: the subject of a clause (小龟山金融文化公园新入驻…, 推进大运河文化带余杭段建设) …
PLACE_HEAD = re.compile(rf"[{CJK}·]{{2,14}}?(?:公园|产业园|小镇|历史文化街区|步行街|景区|文化带[{CJK}]{{0,4}}段|风貌区)"
                        r"(?:[一二三四五六七八九十]期)?(?!有限公司|公司|集团)")
# … and enterprises by their suffix at the head of a clause: 推荐武汉银融兴昌信息软件产业园有限公司申报….
ENTERPRISE_HEAD = re.compile(rf"[{CJK}()（）]{{2,24}}?(?:有限公司|集团公司|股份公司)")
# … a quoted name with its kind (“昙华林?花园山”历史文化街区), or a list of places (江汉路、武广、唐家墩三个核心商圈).
QUOTED_PLACE = re.compile(r"“(?P<name>[^”]{2,12})”(?=历史文化街区|街区|园区|小镇)")
PLACE_LIST = re.compile(r"(?P<list>[^，。,；;]{1,300}?)(?:[两三四五六七八九十]+(?:大|个)(?:核心)?商圈|等(?:街区|景区|商圈|湖泊))")
# Named application scenes: 发布AI公交站、洪山礼堂?云图数字共享客厅等6个人工智能应用场景 (not 在线教育、远程医疗等).
SCENES = re.compile(r"(?P<list>[^，。,；;]{1,300}?)等\d*个?[^，。,；;、]{0,8}?应用场景")
SCENE_NAME = re.compile(r"(?:站|客厅|馆|中心|街区)$")
# Kinds, not names: 一批社区口袋公园, 区域医疗中心, 中小学、幼儿园, 企业投资项目, 世界级文化旅游目的地.
GENERIC = re.compile(r"^(?:\d|[一二三四五六七八九十两]+[个批家项所条大类]|区域|企业|各类|全区|老旧小区|背街小巷|中小学|校园)|一批|"
                     r"\d+(?:\.\d+)?[万亿平]|^(?:中小学|幼儿园|学校|医院|社区)$")
PLANNED_PART = re.compile(r"下半年|工作安排|打算|明年")


LIST_CLAUSE = re.compile(r"[^，。,；;]+")


def list_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` a list may fill: split at ，, ; and 。 (found once for every list frame)."""
    return [clause.span() for clause in LIST_CLAUSE.finditer(text, start, end)]


def list_matches(pattern: re.Pattern, text: str, clauses: list[tuple[int, int]]):
    """Yield the matches of a list pattern in ``clauses`` (list_clauses), tried where a clause begins (and after a
    match), never at every character: a list runs from the clause's start, so one try per clause keeps the cost
    linear in its length."""
    for begin, stop in clauses:
        at = begin
        while at < stop:
            match = pattern.match(text, at, stop)
            if match is None:
                break
            yield match
            at = max(match.end(), at + 1)


def clauses(text: str, start: int, end: int):
    """Yield (start, end) of each clause of ``text[start:end]``, split at , ; : and 。."""
    for match in CLAUSE.finditer(text, start, end):
        yield match.start(), match.end()


LETTER_ITEM = re.compile(r"[A-Z]\d?[片区]?")


def split_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a list on 、 into item spans; a bare letter rejoins its neighbour (得胜桥千年古轴A、B、C片).
    Items shorter than two characters are dropped. Called for every clause: str.find, no slicing."""
    merged: list[tuple[int, int]] = []
    cursor = start
    while cursor <= end:
        mark = text.find("、", cursor, end)
        stop = end if mark < 0 else mark
        if merged and LETTER_ITEM.fullmatch(text, cursor, stop):
            merged[-1] = (merged[-1][0], stop)
        else:
            merged.append((cursor, stop))
        if mark < 0:
            break
        cursor = mark + 1
    return [(s, e) for s, e in merged if e - s >= 2]


def lead_end(text: str, start: int, end: int) -> int:
    """Return where the names of a clause begin, after its opening verbs."""
    match = LEAD.match(text, start, end)
    return match.end() if match else start


def trim_lead(text: str, start: int, end: int) -> int:
    """Return where a name begins once the verbs before it are dropped (积极推进中科·武大智谷核心区)."""
    last = None
    for last in LEAD_WORD.finditer(text, start, end):
        pass
    return last.end() if last and end - last.end() >= 2 else start


OPEN_BRACKET = re.compile(r"[(（]")


def strip_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a bracketed tail from a name span: 巡司河(武昌段) → 巡司河."""
    match = OPEN_BRACKET.search(text, start, end)
    return (start, match.start()) if match and match.start() - start >= 2 else (start, end)
