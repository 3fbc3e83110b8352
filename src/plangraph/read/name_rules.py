"""The rule tables of the name reader (read/names.py): heads, where names begin, what is no name, documents and
people. Each row carries an example of the genre; the reader's logic is in names.py."""
from __future__ import annotations

import re

CJK = r"\u4e00-\u9fff"
PHASE = r"[一二三四五六七八九十]+期"          # 一期, 二期; not 培训5期 (a count of sessions)
BREAKS = r",，；;:：。！!？?、\s“”《》"       # what ends a clause (CLAUSE below): no name runs over one
# Heads, longest alternative first within a row; each row: kind, head pattern, an example of the genre.
HEADS = (
    ("Enterprise", r"有限责任公司|股份有限公司|有限公司|集团公司|集团[东西南北华中]{0,2}(?:区域)?总部|"
                   r"(?:华北|华东|华南|华中|西南|西北|东北|中部|西部)(?:区域)?总部|"
                   rf"集团[{CJK}]{{2,3}}总部", "北京云鼎数智科技集团华北区域总部、山西汇川供应链管理有限公司"),
    ("Project", rf"(?:项目|工程|线)?{PHASE}", "云岭算力中心一期 / 芯锐功率半导体模块封装线一期"),
    ("Project", r"项目|工程|生产基地|研发基地|制造基地|大厦|综合体|工厂|广场(?!舞)|新院区|院区|综合楼|住院楼|门诊楼|"
                r"公园|步道|中心(?!城区|城市)|配套道路|大桥|隧道|体育馆|博物馆|图书馆|艺术馆|夜市|(?<!充)电站",
     "北格镇高标准农田建设项目 / 晋数智造大厦 / 南岗科技园科创服务中心"),
    ("Plot", r"地块", "C-07地块"),
    ("FunctionalArea", r"产业园区|工业园区|产业园|科技园|工业园|物流园|创业园|园区|经济开发区|技术开发区|开发区|高新区|"
                       r"经济区|新区|商务区|商圈|片区|街区|文旅带|文化带|经济带|走廊|试验区|示范区|旅游区|景区|保税区|自贸区|"
                       r"古城|新城|科学城|科技城|金融城|基地|小镇|风貌区|核心区|功能区|镇(?!街)|街道(?!办)",
     "汾东数字经济产业园 / 龙城南站枢纽商务区 / 许西片区 / 酒泉新能源基地 / 北格镇"),
    ("WaterBody", rf"(?:江|河)[{CJK}]{{0,4}}?段|(?<!河)湖(?![区滨畔]|[东西南北](?!岸))", "湘江天元段 / 黄河干流洛阳段 / 艾溪湖北岸"),
    ("Road", rf"大道|大街|国道|省道|(?<![线道思出销公])路(?=、|等|沿线|两侧|[东西南北]?段|提升|改造|[{BREAKS}]|$)",
     "京东大道、塘山路等6条道路"),
    ("Enterprise", r"投资基金|产业基金|引导基金", "设立规模5亿元的区天使投资基金"),
    ("Hospital", r"医院|保健院|卫生院", "市第三人民医院"),
    ("School", r"小学|中学|幼儿园|学校|大学|学院", "青山湖区湖滨第二小学 / 区第九幼儿园"),
    ("GovernmentBody", r"委员会|管委会|常委会|人民政府|政府|办公室|分局|(?<![布大格开结当全])局(?!长|面|势)", "市发展和改革委员会"),
)
# Any head, found in one scan (no group per row: that slowed it down by half); a head's kind is that of the
# first row that matches where it starts, the row the alternation chose (HEAD_ROWS).
ANY_HEAD = re.compile("|".join(f"(?:{pattern})" for _, pattern, _ in HEADS))
HEAD_ROWS = tuple((kind, re.compile(pattern)) for kind, pattern, _ in HEADS)
# Where a name may begin: after these words (verbs, prepositions, time words, counts, apposition nouns).
OPENERS = (
    (r"新引进|引进|推动|推进|加快|加速|完成|启动|确保|力争|位于|依托|围绕|支持|开拓|赴|落实|实施|开展|设立|打造|建成|"
     r"新建|举办|出台|印发|制定|培育|实现|进入|签约|开工|新开工|新增|完善|组织|服务于|落户|入驻|其中|聚焦|包括|建立|"
     r"对接|争取|谋划|保障|发放|带动|兑现|办好|健全|我?受|加强|深化|优化|抓好?|等|参加|参与|方面|主持召开|召开|主持|出席", "推动|云岭算力中心一期"),
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
CLAUSE = re.compile(rf"[^{BREAKS}]+")
SEGMENT = re.compile(r"[^。；;！!？\n]+")
HARD_END = {"Enterprise"}                   # 山西晋芯微电子有限公司|功率器件封装测试线: a company ends its name
AREAS = {"FunctionalArea"}
PLACED = {"Project", "Plot"}
MAX_NAME = 32
# Kinds, not names: a stem of generic words only, or a name that is counted (改造项目14个, 口袋公园12个).
# Stems of kinds, not names, each row with an example: a name whose stem is made of these words only is no name.
GENERIC_WORDS = (
    (r"重点|重大|在建|续建|新开工|签约|新入库|省列|省市县长|储备|前期策划|新开|极简|审批|重点项目|重点工程",
     "上半年全区纳入市级调度的重点项目152个"),
    (r"产业|工业|技改|招商|民生|民生实事|投资|政府投资|外资|合作|参赛|企业|成果|院士|专家|团队", "院士专家团队项目"),
    (r"基础设施|工程建设|建设|城建|水务|涉河|园林|铺装|景观|土建|装修|附属|收尾|主体|配套|断头路", "完成铺装工程"),
    (r"改造|智能化改造|数字化改造|城中村|老旧小区|老旧|小区|改扩建|改扩建中|中小学|中小|校园", "规上企业实施智能化改造项目14个"),
    (r"[省市区县]级|[省市区县]+|市级|区级|全区|全市|全县|全省|国家级|区域|各类|各|一批|部分|个别|好|大|高质量|明年|领域",
     "31名区级领导包联重点项目87个"),
    (r"示范|标准化|产业化|服务|社区|街道|城|乡|党群服务|养老服务|卫生服务|政府办社区卫生服务|养老|老年人?|综合|医疗|公办",
     "社区嵌入式养老服务中心8个"),
    (r"数据|商业|口袋|商贸|智慧|智能|科创|特色|先进|历史文化|文化|再担|化工|可供出让|亿元以上|[\d.]+亿元以上|和|一期|二期|三期",
     "口袋公园12个"),
)
GENERIC_STEM = re.compile("^(?:" + "|".join(words for words, _ in GENERIC_WORDS) + ")+$")
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
BAD_START = re.compile(r"^(?:第|全国|[一二三四五六七八九十]号|[\d一二三四五六七八九十两]+[个项家所座条批期]|[和与及的在对从向将把被]|各|等|全[区市县省])")
# Macro-regions named as such (赴长三角、粤港澳大湾区开展招商, 开拓中亚、东南亚市场): a gazetteer, not a rule.
REGIONS = re.compile(r"粤港澳大湾区|长三角|珠三角|京津冀|成渝地区双城经济圈|东南亚|中亚|东盟|中东|欧盟|非洲|拉美")
# 园区内, 区内: an area named before and referred back to; the head word says which kind of area.
BACK_REFERENCE = re.compile(r"(?P<word>园区|片区|新区|开发区|商圈|基地|街区|古城|区)内")


# Documents by title: 印发《小店区2023年优化营商环境攻坚行动方案》(小政发〔2023〕9号); not 《建党百年·武昌故事》系列短视频.
DOCUMENT = re.compile(r"《(?P<title>[^《》\n]{4,100})》(?:[(（](?P<number>[^()（）\n]{2,20}?〔\d{4}〕\d+号)[)）])?")
DOCUMENT_KIND = re.compile(r"(?:意见|方案|计划|措施|政策|办法|规定|清单|举措|纲要|规划|条例|通知|决定|细则)"
                           r"(?:[(（][^()（）]{2,16}[)）])?$")


# People named after their office: 市政府常务副市长王强带队赴重点项目现场办公. The name is the surname and one or two
# characters, closed by what the person does; the surnames are the common ones (a table, not a guess).
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
PERSON = re.compile(rf"(?P<office>(?:[省市区县]委)?(?:常务)?副?(?:省长|市长|区长|县长|州长|书记|局长|秘书长))"
                    rf"(?P<name>[{SURNAMES}][{CJK}]{{1,2}}?)"
                    r"(?=带队|率队|主持|出席|调研|督导|参加|召开|同志|指出|强调|深入|赴|到)")
