"""The general name reader on sentences of each style of the genre (written for these tests, not taken from a report)."""
import pytest

from plangraph.read.names import read_names


def names(text):
    reading = read_names(text)
    return {(n.kind, text[n.start:n.end]) for n in reading.names}


def placed(text):
    reading = read_names(text)
    return {(text[a.start:a.end], text[b.start:b.end]) for a, b in reading.placed}


@pytest.mark.parametrize("sentence, kind, name", [
    ("清河智能制造产业园上半年新入驻企业31家。", "FunctionalArea", "清河智能制造产业园"),
    ("推动星海算力中心一期年底前投入运营。", "Project", "星海算力中心一期"),
    ("确保江北枢纽TOD综合体9月底前开工。", "Project", "江北枢纽TOD综合体"),
    ("新引进湖北楚天光电科技有限公司、江城云数供应链管理有限公司等企业12家。", "Enterprise", "江城云数供应链管理有限公司"),
    ("东湖新区引进华夏联创科技集团华中区域总部。", "Enterprise", "华夏联创科技集团华中区域总部"),
    ("青林镇高标准农田建设项目完成年度任务的70%。", "Project", "青林镇高标准农田建设项目"),
    ("青林镇高标准农田建设项目完成年度任务的70%。", "FunctionalArea", "青林镇"),
    ("区第二人民医院新院区完成主体封顶。", "Project", "区第二人民医院新院区"),
    ("区第二人民医院新院区完成主体封顶。", "Hospital", "区第二人民医院"),
    ("加快白鹭湾片区棚户区改造项目安置房建设。", "Project", "白鹭湾片区棚户区改造项目"),
    ("完成长安大道、桂园路等8条道路提升改造。", "Road", "桂园路"),
    ("实施月牙湖北岸绿化提升。", "WaterBody", "月牙湖"),
    ("汉江城区段水质稳定保持Ⅱ类。", "WaterBody", "汉江城区段"),
    ("赴长三角、粤港澳大湾区开展专题招商活动8次。", "Region", "粤港澳大湾区"),
    ("区第三小学建成招生。", "School", "区第三小学"),
    ("推进红星电缆有限公司电缆扩产项目落地。", "Enterprise", "红星电缆有限公司"),
    ("推进红星电缆有限公司电缆扩产项目落地。", "Project", "电缆扩产项目"),
    ("完成S215省道拓宽改造工程路基施工。", "Project", "S215省道拓宽改造工程"),
    ("位于滨湖新区的D-12地块研发楼项目完成主体施工。", "Project", "D-12地块研发楼项目"),
])
def test_a_name_by_its_head_and_where_it_begins(sentence, kind, name):
    assert (kind, name) in names(sentence)


@pytest.mark.parametrize("sentence", [
    "上半年全区纳入市级调度的重点项目126个,完成投资88.1亿元。",    # a kind of project, counted
    "31名区级领导包联重点项目87个。",
    "新建和改扩建中小学、幼儿园4所。",
    "改造老旧小区42个,新增城镇就业1.1万人。",
    "各项任务提前完成,在南部新开工项目20个。",                    # half-clauses: 任务提前, 在南部
    "社区嵌入式养老服务中心8个、口袋公园12个建成投用。",
    "我们坚持把项目建设作为稳增长的主抓手。",
    "扎实开展第三期、第四期“三个一批”活动。",
    "加快白鹭湾片区学校、卫生服务中心等公共服务设施建设。",       # the schools of an area, not a school
    "区人大及其常委会依法监督。",                                  # two bodies
])
def test_kinds_counts_and_half_clauses_are_no_names(sentence):
    assert names(sentence) == set()


@pytest.mark.parametrize("text, pairs", [
    ("位于滨湖新区的星光数据中心项目主体封顶。", {("星光数据中心项目", "滨湖新区")}),
    ("滨湖新区内,星光数据中心项目完成主体施工,滨湖会展中心进入装修阶段。",
     {("星光数据中心项目", "滨湖新区"), ("滨湖会展中心", "滨湖新区")}),
    ("老城文旅片区的老城艺术中心开工建设,鼓楼历史街区保护项目完成征收。",
     {("老城艺术中心", "老城文旅片区"), ("鼓楼历史街区保护项目", "老城文旅片区")}),
    ("清河智能制造产业园新入驻企业31家。园区内,星海算力中心一期完成主体施工。",
     {("星海算力中心一期", "清河智能制造产业园")}),
    ("推进清河智能制造产业园标准厂房二期开工建设。", {("清河智能制造产业园标准厂房二期", "清河智能制造产业园")}),
    ("江北物流园新入驻企业9家,园区内冷链分拨中心项目完成设备安装。", {("冷链分拨中心项目", "江北物流园")}),
])
def test_a_project_lies_where_the_text_places_it(text, pairs):
    assert pairs <= placed(text)


def test_a_project_whose_place_is_left_open_lies_nowhere():
    text = "位于滨湖新区的星光数据中心项目建成投产。华腾电子元器件生产基地完成主体施工。"
    assert ("华腾电子元器件生产基地", "滨湖新区") not in placed(text)
    assert ("Project", "华腾电子元器件生产基地") in names(text)


def test_a_sentence_opening_with_two_areas_places_nothing_by_its_opening():
    text = "滨湖新区和江北物流园新入驻企业9家,星光数据中心项目完成主体施工。"
    assert placed(text) == set()


def test_documents_with_their_number_after_the_title_and_the_notice_number_left_to_the_notice():
    text = ("关于印发《青州区2024年国民经济和社会发展计划》的通知\n\n青政发〔2024〕5号\n\n"
            "印发《青州区促进消费若干措施》(青政办〔2023〕8号),制定《青州区数字经济三年行动计划(2023—2025年)》。"
            "播出《青州故事》系列短视频。")
    documents = {(text[n.start:n.end], n.detail) for n in read_names(text).names if n.kind == "PolicyDocument"}
    assert documents == {("青州区2024年国民经济和社会发展计划", None),
                         ("青州区促进消费若干措施", "青政办〔2023〕8号"),
                         ("青州区数字经济三年行动计划(2023—2025年)", None)}


def test_a_person_after_the_office_with_the_office_as_role():
    text = "市政府常务副市长刘建国带队赴重点项目现场办公10次,副区长陈敏主持召开调度会。"
    people = {(text[n.start:n.end], n.detail) for n in read_names(text).names if n.kind == "Person"}
    assert people == {("刘建国", "常务副市长"), ("陈敏", "副区长")}


def test_a_run_without_punctuation_is_read_piece_by_piece():
    """A name never spans more than a bounded width, so a run four times as long holds four times the names
    (bench/entities.py times it: the cost grows with the length, not its square)."""
    unit = "推进智能制造产业园区二期建设引进华中数据科技有限公司和长江存储等龙头项目落地"
    short, long = read_names(unit * 50).names, read_names(unit * 200).names
    assert short and len(long) == 4 * len(short)
    assert max(n.end - n.start for n in long) <= 32


@pytest.mark.parametrize("text, expected", [
    ("空港经济区新签约项目12个,其中,位于空港经济区的顺丰华南转运中心项目竣工投产。",
     {("Project", "顺丰华南转运中心项目"), ("FunctionalArea", "空港经济区")}),
    ("东湖高新区引进小米科技华中总部、华星光电技术有限公司等重点企业8家。",
     {("Enterprise", "小米科技华中总部"), ("Enterprise", "华星光电技术有限公司"), ("FunctionalArea", "东湖高新区")}),
    ("市委书记张建华主持召开项目调度会。", {("Person", "张建华")}),
])
def test_names_of_other_provinces_styles(text, expected):
    assert names(text) == expected
