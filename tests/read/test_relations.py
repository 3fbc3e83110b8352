"""Status events, places and people read from the genre's frames, tested on real sentences."""
import pytest

from plangraph.read.outline import parse_outline
from plangraph.read.relations import read_relations
from plangraph.read.repair import repaired as repair

SKELETON = "一、上半年计划执行情况\n(二)主要任务完成情况\n1.坚持项目兴区战略\n{h1}\n二、下半年工作安排\n(一)推进城市有机更新\n{h2}\n"


def relations(h1: str, h2: str = "持续优化城区功能布局。"):
    text = SKELETON.format(h1=h1, h2=h2)
    return read_relations(text, parse_outline(text))


def events(h1: str, h2: str = "持续优化城区功能布局。"):
    return {(e.subject.name, e.status, e.area.name if e.area else None, e.modality)
            for e in relations(h1, h2).events}


def test_a_sentence_opening_with_an_area_places_every_project_in_it():
    found = events("深化功能区建设。滨江商务区继续推进四美塘、明伦街棚改等项目房屋征收,做好白沙新城北片等地块土地储备工作,"
                   "完成万吨冷库W2地块、临江大道76号等4宗土地出让,武汉长江中心、龙湖天街等项目加快建设。")
    assert found == {
        ("四美塘", "Acquisition", "滨江商务区", "Achieved"), ("明伦街棚改", "Acquisition", "滨江商务区", "Achieved"),
        ("白沙新城北片", "LandReserve", "滨江商务区", "Achieved"),
        ("万吨冷库W2地块", "LandSale", "滨江商务区", "Achieved"), ("临江大道76号", "LandSale", "滨江商务区", "Achieved"),
        ("武汉长江中心", "SpedUp", "滨江商务区", "Achieved"), ("龙湖天街", "SpedUp", "滨江商务区", "Achieved")}


def test_letters_of_one_list_item_stay_together_and_reserve_and_sale_both_count():
    found = events("深化功能区建设。武昌古城继续推进得胜桥千年古轴A、B、C片、蛇山北坡等项目房屋征收,"
                   "加快中医药大学紫阳校区B地块、天工宿舍片等片区土地储备出让。")
    assert ("得胜桥千年古轴A、B、C片", "Acquisition", "武昌古城", "Achieved") in found
    assert {("天工宿舍片", s, "武昌古城", "Achieved") for s in ("LandReserve", "LandSale")} <= found


def test_projects_outside_area_sentences_need_a_frame_or_a_project_name():
    found = events("加强基础设施建设。紫阳东路延长线、小龟山路等11条道路开工建设,其中东四路已完工。完成5G宏站建设72个。")
    assert found == {("紫阳东路延长线", "ConstructionStarted", None, "Achieved"),
                     ("小龟山路", "ConstructionStarted", None, "Achieved"), ("东四路", "Completed", None, "Achieved")}


def test_a_shared_head_is_distributed_over_the_list_and_the_projects_lie_in_the_lakes():
    rel = relations("提升城区生态品质。持续改善水环境质量,外沙湖、水果湖综合整治工程完工,水环境得到极大提高。")
    assert {(e.subject.name, e.status) for e in rel.events} == {
        ("外沙湖综合整治工程", "Completed"), ("水果湖综合整治工程", "Completed")}
    assert {(c.inner.name, c.outer.name) for c in rel.containments} == {
        ("外沙湖综合整治工程", "外沙湖"), ("水果湖综合整治工程", "水果湖")}


def test_introduced_in_h1_and_to_land_in_h2():
    found = events("加快数字经济发展。引进华为(武汉)人工智能创新中心、北京珞石、北京沃丰科技时代等企业。聚力“商贸中心”发展,引进武汉华联(SKP),先开首店。",
                   "持续发力重大项目建设。推动长江沿岸铁路公司、字节跳动、光大集团、东华软件等一批产业链龙头企业项目尽快落地开工。"
                   "力争引进1-2家大数据、人工智能、区块链等行业头部企业。")
    assert {(n, s, m) for n, s, _, m in found} == {
        ("华为(武汉)人工智能创新中心", "Introduced", "Achieved"), ("北京珞石", "Introduced", "Achieved"),
        ("北京沃丰科技时代", "Introduced", "Achieved"), ("武汉华联(SKP)", "Introduced", "Achieved"),
        ("长江沿岸铁路公司", "ToLand", "Planned"), ("字节跳动", "ToLand", "Planned"),
        ("光大集团", "ToLand", "Planned"), ("东华软件", "ToLand", "Planned")}


def test_documents_with_act_number_and_issuing_bodies():
    rel = relations("推动支柱产业做优做强。起草印发《中共武昌区委 武昌区人民政府关于落实“五个中心”建设 构建高质量现代化产业体系的实施意见》"
                    "(武昌发〔2021〕5号),拟定《武昌区关于2021年推进光谷科技创大走廊建设工作举措》。制作《建党百年·武昌故事》系列短视频30期。")
    acts = {(e.subject.name[:6], e.status, e.subject.detail, tuple(a.name for a in e.agents)) for e in rel.events}
    assert acts == {("中共武昌区委", "Issued", "武昌发〔2021〕5号", ("中共武昌区委", "武昌区人民政府")),
                    ("武昌区关于2", "Drafted", None, ())}


@pytest.mark.parametrize("sentence, people", [
    ("服务院士经济发展,积极推进刘经南、詹明生、叶朝辉等3个院士专家项目落地工作。", {"刘经南", "詹明生", "叶朝辉"}),
    ("服务陶志远院士、韩明哲院士等2个院士专家团队项目落地。", {"陶志远", "韩明哲"}),
    ("设立院士专家成果项目就地转化专项支持政策,激发院士专家科技创新内生动力。", set()),
])
def test_academicians(sentence, people):
    names = {n.name for n in relations("完善科技创新生态。" + sentence).names if n.kind == "Person"}
    assert names == people


def test_street_and_community_and_the_lost_middle_dot():
    rel = relations("构建基层治理新格局。以水果湖街滨湖社区、粮道街昙华林社区为重点,着力打造社会治理样板社区。")
    assert {(c.inner.name, c.outer.name) for c in rel.containments} == {("滨湖社区", "水果湖街"), ("昙华林社区", "粮道街")}
    assert repair("洪山礼堂?云图数字共享客厅") == "洪山礼堂·云图数字共享客厅"


def test_a_frame_name_keeps_no_verb_before_it_and_no_area_in_front_of_an_enterprise():
    report = relations("培育新兴产业。江北科创街区引进华腾微电子有限公司、楚天北斗导航技术有限公司等企业12家。"
                       "位于滨湖新区的星光数据中心项目主体封顶。")
    names = {n.name for n in report.names + report.read}
    assert {"华腾微电子有限公司", "江北科创街区", "星光数据中心项目"} <= names
    assert not any(n.startswith(("江北科创街区引进", "位于", "的")) for n in names)


def test_names_read_by_their_heads_are_placed_as_the_text_places_them():
    report = relations("推进重点项目建设。清河智能制造产业园新入驻企业31家。园区内,星海算力中心一期完成主体结构施工,"
                       "华创智造大厦进入内部装修阶段。")
    placed = {(c.inner.name, c.outer.name) for c in report.containments}
    assert {("星海算力中心一期", "清河智能制造产业园"), ("华创智造大厦", "清河智能制造产业园")} <= placed


@pytest.mark.parametrize("line", ["：", "。", "；。"])
def test_a_task_line_of_punctuation_alone_reads_as_nothing(line):
    # a stray line of a converted document: no clause, so no name and no event, and no crash
    assert relations(line).events == ()
