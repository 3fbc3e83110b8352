"""Read what the task text says happened to projects, plots, enterprises and documents, and who is who.

Each relation is read from a frame of the genre (the tables below carry an example of each). Names keep
their code-point span in the stored text; a ``?`` standing for a lost ``·`` is repaired in the name only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .outline import Outline, Sentence

CJK = r"\u4e00-\u9fff"
CLAUSE = re.compile(r"[^,，；;:：。！!]+")

# Verbs and adverbs that open a clause before the names it lists: 继续推进四美塘…, 以水果湖街滨湖社区为重点.
LEAD = re.compile(
    r"(?:其中|以|在|新增|依托|围绕|继续|持续|积极|全面|加快|加速|加紧|尽快|重点|协调|统筹|全力|大力|力争|确保|督促|"
    r"进一步|成功|实现|建设|新建|新引进|引进|推进|推动|完成|做好|启动|开展|服务|完善|深化|强化|跟进|推荐|打造|加强|支持|紧盯|落实)+")
LEAD_WORD = re.compile(r"推进|推动|打造|依托|加快|加速|围绕|建设|积极|继续")
# Where the names of a clause end: 四美塘、明伦街棚改|等项目房屋征收 / 斗级营片区|两宗地块出让 / 东区地块|完成土地储备.
CUT = re.compile(
    r"等|[(（]|改造$|(?:项目)?(?:房屋)?征收|(?:土地)?储备|(?:土地)?出让|开工|加快建设|基本完工|已完工|完工|开街|并?对外开放|"
    r"顺利推进|按进度推进|项目建设|建设|启动|完成|规划|沿线|年内|前期|主体|[两一二三四五六七八九十\d]+[宗个项条处家所座]")
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
INTRODUCED = re.compile(rf"引进(?P<list>[^，。,；;“”]+?)等(?:\d+家)?[^，。,；;]{{0,12}}?企业")
INTRODUCED_ONE = re.compile(rf"^(?:新|成功)?引进(?P<list>[^，。,；;“”、\d]{{2,24}})$")   # 引进武汉华联(SKP)
TO_LAND = re.compile(rf"推动(?P<list>[^，。,；;]+?)等(?:一批)?[^，。,；;]{{0,12}}?(?:企业|公司)[^，。,；;]{{0,6}}?尽快落[地户]")
# Other enterprises in a list: 强化铁四院、中南建筑设计院……等龙头品牌企业引领.
ENTERPRISE_LIST = re.compile(
    r"(?P<list>[^，。,；;]+?)等(?:\d+家)?[^，。,；;、\d]{0,10}?(?:龙头|重点|上市|头部|品牌|标杆)[^，。,；;、\d]{0,6}?企业")
# Documents: 起草印发《中共武昌区委 武昌区人民政府关于……的实施意见》(武昌发〔2021〕5号).
DOCUMENT_ACTS = (("起草印发", "Issued"), ("拟定", "Drafted"), ("起草", "Drafted"), ("印发", "Issued"),
                 ("出台", "Issued"), ("发布", "Issued"), ("编制", "Compiled"), ("制定", "Drafted"))
DOCUMENT = re.compile(r"(?P<verb>起草印发|拟定|起草|印发|出台|发布|编制|制定)?《(?P<title>[^》]{4,80})》"
                      r"(?:[(（](?P<number>[^()（）]{2,20}?〔\d{4}〕\d+号)[)）])?")
DOCUMENT_HEAD = re.compile(r"(?:意见|方案|计划|措施|政策|办法|规定|清单|举措|纲要|规划|条例|通知|决定)[”)）]?$")
AGENTS = re.compile(r"(?P<agents>(?:[^\s关]{2,14}?(?:区委|县委|市委|政府|委员会|办公室)\s*)+)关于")
# Academicians: 刘经南、詹明生、叶朝辉等3个院士专家 / 陶志远院士、韩明哲院士等 / 卢雪峰院士团队.
ACADEMICIANS = re.compile(rf"(?P<list>(?:[{CJK}]{{2,3}}(?:院士)?、)*[{CJK}]{{2,3}})(?:院士)?(?=等\d*个?院士|院士(?:、|等|团队))")
# Streets and their communities: 以水果湖街滨湖社区、粮道街昙华林社区为重点.
STREET_COMMUNITY = re.compile(rf"^(?P<street>[{CJK}]{{2,4}}?街)(?P<community>[{CJK}]{{2,4}}?社区)(?=为|等|$)")
WATER = re.compile(rf"^[{CJK}]{{1,4}}(?:湖|河|港|渠)$")   # 巡司河(武昌段)、沙湖港(武昌段)、董家明渠
# Places by what they are: the subject of a clause (小龟山金融文化公园新入驻…, 推进大运河文化带余杭段建设) …
PLACE_HEAD = re.compile(rf"[{CJK}·]{{2,14}}?(?:公园|产业园|小镇|历史文化街区|步行街|景区|文化带[{CJK}]{{0,4}}段|风貌区)"
                        r"(?:[一二三四五六七八九十]期)?(?!有限公司|公司|集团)")
# … and enterprises by their suffix at the head of a clause: 推荐武汉银融兴昌信息软件产业园有限公司申报….
ENTERPRISE_HEAD = re.compile(rf"[{CJK}()（）]{{2,24}}?(?:有限公司|集团公司|股份公司)")
# … a quoted name with its kind (“昙华林?花园山”历史文化街区), or a list of places (江汉路、武广、唐家墩三个核心商圈).
QUOTED_PLACE = re.compile(r"“(?P<name>[^”]{2,12})”(?=历史文化街区|街区|园区|小镇)")
PLACE_LIST = re.compile(rf"(?P<list>[^，。,；;]+?)(?:[两三四五六七八九十]+(?:大|个)(?:核心)?商圈|等(?:街区|景区|商圈|湖泊))")
# Named application scenes: 发布AI公交站、洪山礼堂?云图数字共享客厅等6个人工智能应用场景 (not 在线教育、远程医疗等).
SCENES = re.compile(r"(?P<list>[^，。,；;]+?)等\d*个?[^，。,；;、]{0,8}?应用场景")
SCENE_NAME = re.compile(r"(?:站|客厅|馆|中心|街区)$")
# Kinds, not names: 一批社区口袋公园, 区域医疗中心, 中小学、幼儿园, 企业投资项目, 世界级文化旅游目的地.
GENERIC = re.compile(r"^(?:\d|[一二三四五六七八九十两]+[个批家项所条大类]|区域|企业|各类|全区|老旧小区|背街小巷|中小学|校园)|一批|"
                     r"\d+(?:\.\d+)?[万亿平]|^(?:中小学|幼儿园|学校|医院|社区)$")
PLANNED_PART = re.compile(r"下半年|工作安排|打算|明年")


@dataclass(frozen=True)
class Named:
    """A name as the text gives it: ``kind`` is a pg class name, ``name`` the repaired form."""

    kind: str
    name: str
    start: int
    end: int
    detail: str | None = None     # a document's number, a person's role


@dataclass(frozen=True)
class StatusEvent:
    """What happened to (or is planned for) a thing in one sentence, and where the thing lies."""

    subject: Named
    status: str
    modality: str
    sentence: Sentence
    area: Named | None = None
    agents: tuple[Named, ...] = ()


@dataclass(frozen=True)
class Containment:
    """``inner`` lies in ``outer`` (a community in its street, an area in a larger one)."""

    inner: Named
    outer: Named
    sentence: Sentence


@dataclass(frozen=True)
class Relations:
    """Every relation read from one report."""

    events: tuple[StatusEvent, ...]
    containments: tuple[Containment, ...]
    names: tuple[Named, ...]          # further names found in lists (people, enterprises, water bodies …)


def repair(text: str) -> str:
    """Put back the ``·`` a ``?`` stands for between Chinese characters (same length, so offsets hold)."""
    return re.sub(rf"(?<=[{CJK}])[?？](?=[{CJK}])", "·", text)


def modality_map(outline: Outline) -> dict[int, str]:
    """Map each sentence number to Achieved (part one) or Planned (the part of next-period plans)."""
    planned = {s.key for s in outline.sections if s.kind == "part" and PLANNED_PART.search(s.title)}
    return {sentence.number: "Planned" if (p.section or "").split(".")[0] in planned else "Achieved"
            for p in outline.paragraphs for sentence in p.sentences}


def read_relations(text: str, outline: Outline) -> Relations:
    """Read every status event, containment and listed name of a report."""
    fixed, modality = repair(text), modality_map(outline)
    events, containments, names = [], [], []
    for paragraph in outline.paragraphs:
        if paragraph.kind != "task":
            continue
        for sentence in paragraph.sentences:
            mood = modality[sentence.number]
            reader = _SentenceReader(fixed, sentence, mood)
            reader.read()
            events += reader.events
            containments += reader.containments
            names += reader.names
    return Relations(tuple(events), tuple(containments), tuple(names))


def clauses(text: str, start: int, end: int):
    """Yield (start, end) of each clause of ``text[start:end]``, split at , ; : and 。."""
    for match in CLAUSE.finditer(text, start, end):
        yield match.start(), match.end()


def split_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a list on 、 into item spans; a bare letter rejoins its neighbour (得胜桥千年古轴A、B、C片)."""
    items, cursor = [], start
    for match in re.finditer("、", text[start:end]):
        items.append((cursor, start + match.start()))
        cursor = start + match.end()
    items.append((cursor, end))
    merged: list[tuple[int, int]] = []
    for s, e in items:
        if merged and re.fullmatch(r"[A-Z]\d?[片区]?", text[s:e]):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return [(s, e) for s, e in merged if e - s >= 2 or re.fullmatch(rf"[{CJK}]{{2,}}", text[s:e] or "")]


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


def strip_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a bracketed tail from a name span: 巡司河(武昌段) → 巡司河."""
    match = re.search(r"[(（]", text[start:end])
    return (start, start + match.start()) if match and match.start() >= 2 else (start, end)


class _SentenceReader:
    """Read the frames of one sentence; the results collect on the instance."""

    def __init__(self, text: str, sentence: Sentence, modality: str):
        self.text, self.sentence, self.modality = text, sentence, modality
        self.events: list[StatusEvent] = []
        self.containments: list[Containment] = []
        self.names: list[Named] = []
        self.taken: list[tuple[int, int]] = []     # clauses already read by an enterprise frame

    def named(self, kind: str, start: int, end: int, detail: str | None = None) -> Named:
        return Named(kind, self.text[start:end], start, end, detail)

    def event(self, subject: Named, status: str, area: Named | None = None, agents=()) -> None:
        self.events.append(StatusEvent(subject, status, self.modality, self.sentence, area, tuple(agents)))

    def read(self) -> None:
        self._enterprises()
        self._documents()
        self._people_and_places()
        area, begin = self._area()
        for start, end in clauses(self.text, self.sentence.start, self.sentence.end):
            start = max(start, begin)
            if start < end and not any(s <= start < e for s, e in self.taken):
                self._projects(start, end, area)

    def _enterprises(self) -> None:
        s, e = self.sentence.start, self.sentence.end
        for pattern, status in ((TO_LAND, "ToLand"), (INTRODUCED, "Introduced"), (ENTERPRISE_LIST, None)):
            for match in pattern.finditer(self.text, s, e):
                if any(a < match.end() and match.start() < b for a, b in self.taken):
                    continue
                self.taken.append((match.start(), match.end()))
                first = lead_end(self.text, match.start("list"), match.end("list"))
                if re.match(r"[\d一两]", self.text[first:first + 1]):
                    continue                      # 力争引进1-2家大数据、人工智能……等行业头部企业: kinds, not names
                for a, b in split_list(self.text, first, match.end("list")):
                    name = self.named("Enterprise", a, b)
                    self.names.append(name)
                    if status:
                        self.event(name, status)
        for start, end in clauses(self.text, s, e):
            match = INTRODUCED_ONE.match(self.text[start:end].strip())
            if match and not any(a <= start < b for a, b in self.taken):
                offset = start + len(self.text[start:end]) - len(self.text[start:end].lstrip())
                name = self.named("Enterprise", offset + match.start("list"), offset + match.end("list"))
                self.names.append(name)
                self.event(name, "Introduced")
                self.taken.append((start, end))

    def _documents(self) -> None:
        for match in DOCUMENT.finditer(self.text, self.sentence.start, self.sentence.end):
            verb, title = match["verb"], match["title"]
            if not verb and not DOCUMENT_HEAD.search(title):
                continue                      # 《建党百年·武昌故事》系列短视频 is no policy document
            document = self.named("PolicyDocument", match.start("title"), match.end("title"), match["number"])
            self.names.append(document)
            agents = self._agents(match.start("title"))
            self.names += agents
            if verb:
                self.event(document, dict(DOCUMENT_ACTS)[verb], agents=agents)
            self.taken.append((match.start(), match.end()))

    def _agents(self, start: int) -> list[Named]:
        match = AGENTS.match(self.text, start, start + 60)
        if not match:
            return []
        out = []
        for part in re.finditer(r"\S+", match["agents"]):
            out.append(self.named("GovernmentBody", start + part.start(), start + part.end()))
        return out

    def _people_and_places(self) -> None:
        for start, end in clauses(self.text, self.sentence.start, self.sentence.end):
            first = lead_end(self.text, start, end)
            match = ACADEMICIANS.match(self.text, first, end)
            if match:
                for a, b in split_list(self.text, first, match.end("list")):
                    b = b - 2 if self.text[a:b].endswith("院士") else b
                    self.names.append(self.named("Person", a, b, "院士"))
            stop = self.text.find("等", first, end)
            for a, b in split_list(self.text, first, stop if stop > first else end):
                self._list_item(a, b)
            head = PLACE_HEAD.match(self.text, first, end)
            if head and not (AREA_CHAIN.match(self.text, first, end) or GENERIC.search(head.group())
                             or CUT.search(head.group()) or LEAD_WORD.search(head.group())):
                self.names.append(self.named("FunctionalArea", first, head.end()))
            head = ENTERPRISE_HEAD.match(self.text, first, end)
            if head:
                self.names.append(self.named("Enterprise", first, head.end()))
        for match in SCENES.finditer(self.text, self.sentence.start, self.sentence.end):
            first = lead_end(self.text, match.start("list"), match.end("list"))
            first += 2 if self.text.startswith("发布", first) else 0
            for a, b in split_list(self.text, first, match.end("list")):
                if SCENE_NAME.search(self.text[a:b]):
                    self.names.append(self.named("Project", a, b))
        for match in QUOTED_PLACE.finditer(self.text, self.sentence.start, self.sentence.end):
            self.names.append(self.named("FunctionalArea", *match.span("name")))
        for match in PLACE_LIST.finditer(self.text, self.sentence.start, self.sentence.end):
            self.taken.append(match.span())
            first = lead_end(self.text, match.start("list"), match.end("list"))
            for a, b in split_list(self.text, first, match.end("list")):
                if not re.search(r"[“”\d]", self.text[a:b]):
                    self.names.append(self.named("FunctionalArea", a, b))
        for match in AREA_CHAIN.finditer(self.text, self.sentence.start, self.sentence.end):
            outer = self.named("FunctionalArea", trim_lead(self.text, *match.span("outer")), match.end("outer"))
            inner = self.named("FunctionalArea", *match.span("inner"))
            self.names += [outer, inner]
            self.containments.append(Containment(inner, outer, self.sentence))

    def _list_item(self, a: int, b: int) -> None:
        a2, b2 = strip_brackets(self.text, a, b)
        match = STREET_COMMUNITY.match(self.text[a2:b2])
        if match:
            street = self.named("Street", a2, a2 + match.end("street"))
            community = self.named("Community", a2 + match.end("street"), a2 + match.end("community"))
            self.names += [street, community]
            self.containments.append(Containment(community, street, self.sentence))
        elif WATER.match(self.text[a2:b2]):
            self.names.append(self.named("WaterBody", a2, b2))

    def _area(self) -> tuple[Named | None, int]:
        """The area a sentence opens with (or builds: 推进……小洪山科学城建设,) and where its names begin."""
        s, e = self.sentence.start, self.sentence.end
        match = AREA_HEAD.match(self.text, s, e)
        if match:
            area = self.named("FunctionalArea", trim_lead(self.text, *match.span("area")), match.end("area"))
            if area.start > s and not self.text.startswith("建设", area.end):
                match = None                      # 推进良渚古城遗址保护: a verb first, so not an area sentence
            elif area.start > s:                  # 加速华中金融城建设运营,……: the names begin after that clause
                self.names.append(area)
                return area, next(clauses(self.text, s, e))[1]
        if match:
            self.names.append(area)
            phase = PHASE.match(self.text, match.end(), e)
            if phase:                             # 昙华林核心区二期开街: the area's phase is the project
                clause_end = next(clauses(self.text, s, e))[1]
                project = self.named("Project", area.start, phase.end())
                self._statuses(project, self.text[phase.end():clause_end], "", area)
                return area, clause_end
            return area, match.end()
        chain = AREA_CHAIN.search(self.text, s, e)
        first_clause = next(clauses(self.text, s, e))
        if chain and chain.end() <= first_clause[1] and self.text.startswith("建设", chain.end()):
            self.taken.append(first_clause)
            return self.named("FunctionalArea", *chain.span("inner")), s
        return None, s

    def _projects(self, start: int, end: int, area: Named | None, in_area: bool = False) -> None:
        """Read ``[lead] A、B等…项目 status`` from one clause."""
        in_area = in_area or area is not None
        first = lead_end(self.text, start, end)
        lead = self.text[start:first]
        cut = CUT.search(self.text, first, end)
        if cut is not None and cut.start() == first or cut is None and not lead:
            return
        cut_at = cut.start() if cut else end          # 加快建设数字经济产业园: the names run to the end
        tail = self.text[cut_at:end]
        if not in_area and not self._status_words(lead, tail):
            return
        if not lead and not self._status_words(lead, tail) and in_area:
            return                                # 金融要素集聚能力持续增强: no verb, no status, no project
        items = split_list(self.text, first, cut_at)
        framed = bool(FRAMED.match(tail))
        if re.match(r"[(（]\d", tail):
            return                                # 示范片区(10个)、道路(42段): counts of kinds, not names
        for name, a, b in self._distribute(items):
            if any(p.start < b and a < p.end for p in self.names if p.kind == "Person"):
                continue                          # 刘经南、詹明生、叶朝辉等3个院士专家项目: people, not projects
            if "“" in name or "”" in name or len(name) > 24:
                continue
            if not (in_area or framed or PROJECT_HEAD.search(name)) or GENERIC.search(name):
                continue
            kind = "Plot" if re.sub("项目$", "", name).endswith("地块") else "Project"
            self._statuses(Named(kind, name, a, b), tail, lead, area)
        rest = re.match(r"[^和及]*?(?:出让|征收|储备)(?=[和及])", tail)
        if rest:                                  # 滨江核心区F3地块出让和国棉二厂片征收收尾
            self._projects(cut_at + rest.end() + 1, end, area, in_area)

    def _distribute(self, items) -> list[tuple[str, int, int]]:
        """Name each item; 外沙湖、水果湖综合整治工程 → 外沙湖综合整治工程 and 水果湖综合整治工程."""
        named = [(self.text[a:b], a, b) for a, b in items]
        if len(items) < 2:
            return named
        size = items[0][1] - items[0][0]
        last_a, last_b = items[-1]
        head = self.text[last_a + size:last_b]
        if not (all(b - a == size for a, b in items[:-1]) and size <= 4 and len(head) >= 2
                and PROJECT_HEAD.search(head) and WATER.match(self.text[last_a:last_a + size])):
            return named
        out = []
        for a, b in items[:-1] + [(last_a, last_a + size)]:
            place = self.named("WaterBody", a, b)
            self.names.append(place)
            project = Named("Project", place.name + head, a, b if b != last_a + size else last_b)
            self.containments.append(Containment(project, place, self.sentence))
            out.append((project.name, project.start, project.end))
        return out

    def _status_words(self, lead: str, tail: str) -> list[str]:
        found = [status for pattern, status in SPECIFIC_STATUS if pattern.search(tail)]
        probe = f"{lead}|{tail}"
        if lead.endswith("完成") and tail.startswith("建设"):
            found.append("Completed")
        if not found:
            found = [status for pattern, status in GENERIC_STATUS if pattern.search(probe)][:1]
        return found

    def _statuses(self, subject: Named, tail: str, lead: str, area: Named | None) -> None:
        statuses = self._status_words(lead, tail)
        if not statuses:
            self.names.append(subject)
            if area:                              # 完善楚江大道沿线配套设施: in the area, nothing happened yet
                self.containments.append(Containment(subject, area, self.sentence))
        for status in statuses:
            self.event(subject, status, area)
