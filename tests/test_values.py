"""The indicator value parser (:mod:`evalengine.values`).

The first table holds target / actual strings copied exactly from published forms:
``seed`` is /work/shared/seed/000_c70018bc0e5f2afe.txt (仁和区人民政府办公室 2021 决算, its
four 自评表 and the goal text), ``01`` … ``34`` are the files in /work/shared/real-forms/.
The second table covers the forms the brief names that those documents do not happen to
contain (fullwidth text, each date form, each claim word).  Property tests follow.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from evalengine.values import (
    Claim,
    ClaimLevel,
    Dimension,
    Empty,
    Operator,
    Quantity,
    Text,
    When,
    parse_value,
)

GE, GT, EQ, LE, LT = Operator.GE, Operator.GT, Operator.EQ, Operator.LE, Operator.LT
MONEY, PERCENT, COUNT, PLAIN = Dimension.MONEY, Dimension.PERCENT, Dimension.COUNT, Dimension.PLAIN
ACHIEVED, MOSTLY, PARTIAL, MISSED = (
    ClaimLevel.ACHIEVED,
    ClaimLevel.MOSTLY,
    ClaimLevel.PARTIAL,
    ClaimLevel.MISSED,
)


# --- expectations ----------------------------------------------------------------------


@attrs.frozen
class Q:
    """Expect a Quantity."""

    op: Operator
    amount: str
    unit: str
    dim: Dimension


@attrs.frozen
class W:
    """Expect a When."""

    op: Operator
    latest: datetime.date | None


@attrs.frozen
class C:
    """Expect a Claim."""

    level: ClaimLevel
    percent: str | None = None


@attrs.frozen
class T:
    """Expect a Text with these (amount, unit) quantities, in order."""

    quantities: tuple[tuple[str, str], ...] = ()


@attrs.frozen
class E:
    """Expect Empty."""


def d(year: int, month: int, day: int) -> datetime.date:
    return datetime.date(year, month, day)


def check(value: Any, expected: Any, text: str) -> None:
    assert value.text == text  # the original cell, verbatim
    if isinstance(expected, Q):
        assert isinstance(value, Quantity), value
        assert (value.operator, value.amount, value.unit, value.dimension) == (
            expected.op, Decimal(expected.amount), expected.unit, expected.dim
        ), value  # fmt: skip
        assert isinstance(value.amount, Decimal)
    elif isinstance(expected, W):
        assert isinstance(value, When), value
        assert (value.operator, value.latest) == (expected.op, expected.latest), value
    elif isinstance(expected, C):
        assert isinstance(value, Claim), value
        assert value.level is expected.level, value
        want = None if expected.percent is None else Decimal(expected.percent)
        assert value.percent == want, value
    elif isinstance(expected, T):
        assert isinstance(value, Text), value
        got = tuple((q.amount, q.unit) for q in value.quantities)
        assert got == tuple((Decimal(a), u) for a, u in expected.quantities), value
    else:
        assert isinstance(value, Empty), value


# --- real strings ----------------------------------------------------------------------

# (source, cell text exactly as published, parse_value keyword arguments, expectation)
REAL: list[tuple[str, str, dict[str, Any], Any]] = [
    # seed: 招商引资经费 (2021, 仁和区)
    ("seed", "50 万元", {}, Q(EQ, "500000", "元", MONEY)),
    ("seed", "49.78 万元", {}, Q(EQ, "497800", "元", MONEY)),
    ("seed", "市级下达任 务数", {}, T()),
    ("seed", "157.62 亿元", {}, Q(EQ, "15762000000", "元", MONEY)),
    ("seed", "2021 年", {}, W(EQ, d(2021, 12, 31))),
    ("seed", "促进富邦破 产重整、白 云破产重 整、汽车 零部件产 业园、攀 西冷链智 慧商贸城 等项建 设",
     {}, T()),  # fmt: skip
    ("seed", "攀枝花铜锣湾时代广场、攀西冷链智慧商贸城、四川美亚迪光电科技产业园、华芝浅水湾等项目落地建设",
     {}, T()),  # fmt: skip
    ("seed", "完成2021年全区重点招商引资项目的考察、引进、洽谈等工作，培育仁和经济新的增长点", {}, T()),
    ("seed", "2021 年新签约中通快递川滇渝智能科技电商物流园项目、普达天立学校、桂林恒泰电子PCB 线路板产业"
     "集群项目、荔浦坤泰塑业 LED 注塑生产项目、拥华新材料钒钛资源再生综合利用项目、思创新材料 5 万吨精密"
     "铸件生产项目、轰隆隆川滇黔区域总部项目等。", {}, T((("50000", "吨"),))),  # fmt: skip
    ("seed", "招商工作、招商活动的连续性，促成项目引进成功", {}, T()),
    ("seed", "完成", {}, C(ACHIEVED)),
    ("seed", "达到 95% 及以上。", {}, Q(GE, "95", "%", PERCENT)),
    ("seed", "<p>仁和区 2021 年完成招商引资到位资金 157.62 亿元，超额完成年初目标任务。</p>",
     {}, T((("15762000000", "元"),))),  # fmt: skip
    # seed: 安全维稳专项经费
    ("seed", "40 万元", {}, Q(EQ, "400000", "元", MONEY)),
    ("seed", "39.86 万元", {}, Q(EQ, "398600", "元", MONEY)),
    ("seed", "及时落实各项民生实事，抓好社会事业各项建设，处理好新冠疫情防控、森林防火，全力维护社会稳定",
     {}, T()),  # fmt: skip
    ("seed", "2021 年度仁和区经济社会发展平稳。", {}, T()),
    ("seed", "按工作计划", {}, T()),
    ("seed", "2021 年度", {}, W(EQ, d(2021, 12, 31))),
    ("seed", "通过各项工作的具体落实，提升社会稳定性，提高群众安全感、满意度。", {}, T()),
    ("seed", "全面完成", {}, C(ACHIEVED)),
    ("seed", "达到全区安全维稳工作的持续性、连续性", {}, T()),
    ("seed", "达到 95%及以上。", {}, Q(GE, "95", "%", PERCENT)),
    ("seed", "完成 2021 年度脱贫攻坚、森林防灭火、新冠疫情防控、安全生产等工作年度任务，仁和区社会稳定。",
     {}, T()),  # fmt: skip
    # seed: 电子政务外网光纤租用费、协同办公平台运维费
    ("seed", "44 条光纤、政府大院单位、全区 84 家协同平台使用单位", {},
     T((("44", "条"), ("84", "家")))),  # fmt: skip
    ("seed", "保障使用", {}, T()),
    ("seed", "48.84 万元", {}, Q(EQ, "488400", "元", MONEY)),
    ("seed", "网络平台政务信息公开, 方便群众游览; 协同平台提高政令上传下达效率。", {}, T()),
    ("seed", "≥95%", {}, Q(GE, "95", "%", PERCENT)),
    ("seed", "完成 2021 年度电子政务外网、协同办公平台运维工作。", {}, T()),
    ("seed", "1. 保障区委办、区巡查办、区政府办、区政协等 29 家单位(20M 光纤 27 条, 30M 光纤 17 条)外网"
     "使用, 2、乡镇 13 个单位(30M 光纤 13 条)电子政务外网上搭载的政府信息公开、政府门户网站、协同办公平"
     "台、全省一体化政务平台、行政效能延伸到乡镇平台的正常使用。 3. 保障区委办楼、区政府楼、区政协楼、区"
     "人大楼、区档案局楼互联网正常使用。4. 保障全区协同办公平台的正常使用。", {},
     T((("29", "家"), ("27", "条"), ("17", "条"), ("13", "个"), ("13", "条")))),  # fmt: skip
    # seed: 史志编辑出版印刷经费
    ("seed", "各印刷 250 册", {}, Q(EQ, "250", "册", COUNT)),
    ("seed", "完成共 500 册", {}, Q(EQ, "500", "册", COUNT)),
    ("seed", "完成 500 册印刷任务", {}, Q(EQ, "500", "册", COUNT)),
    ("seed", "内容详实、符合要求, 页面清晰整齐, 美观大方", {}, T()),
    ("seed", "质量达到要求", {}, C(ACHIEVED)),
    # the cell is split over two lines of the flattened PDF; joined as printed
    ("seed", "2021 年 7 资料收集编辑排版, 2021 年 10 月中旬完成出\n版印刷", {}, W(EQ, d(2021, 10, 20))),
    ("seed", "2021年7资料收集编辑排版,2021年10月中旬完成出版印刷", {}, W(EQ, d(2021, 10, 20))),
    ("seed", "《执政实录》7.5万元,《仁和年鉴》6.5万元", {}, T((("75000", "元"), ("65000", "元")))),
    ("seed", "收集整理史料,留存史实,为查证服务", {}, T()),
    ("seed", "2021 年 10 月底编辑公开出版《中国共产党仁和区执政实录》(2020 卷) 250 册、公开出版发行《仁和"
     "年鉴》(2020 卷) 250 册。", {}, T((("250", "册"), ("250", "册")))),  # fmt: skip
    # 01: 委托业务项目 (central template)
    ("01", "≥50个", {}, Q(GE, "50", "个", COUNT)),
    ("01", "50", {}, Q(EQ, "50", "", PLAIN)),
    ("01", "≥100百分比", {}, Q(GE, "100", "%", PERCENT)),
    ("01", "100", {}, Q(EQ, "100", "", PLAIN)),
    ("01", "严格执行相关制度规定", {}, T()),
    ("01", "达成预期指标", {}, C(ACHIEVED)),
    ("01", "在项目计划完成时间内完成", {}, T()),
    ("01", "≤90万元", {}, Q(LE, "900000", "元", MONEY)),
    ("01", "90", {}, Q(EQ, "90", "", PLAIN)),
    ("01", "符合相关规定", {}, C(ACHIEVED)),
    ("01", "效果明显", {}, T()),
    ("01", "本项目共申请预算资金90万元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程项目审计;"
     "30万元用于基建工程项目设计、规划、测绘。", {},
     T((("900000", "元"), ("300000", "元"), ("300000", "元"), ("300000", "元")))),  # fmt: skip
    # 02: 村级补助及运转经费
    ("02", "=8个", {}, Q(EQ, "8", "个", COUNT)),
    ("02", "8", {}, Q(EQ, "8", "", PLAIN)),
    ("02", "=42个", {}, Q(EQ, "42", "个", COUNT)),
    ("02", "合规", {}, C(ACHIEVED)),
    ("02", "及时", {}, C(ACHIEVED)),
    ("02", "≤202.6万元", {}, Q(LE, "2026000", "元", MONEY)),
    ("02", "132.9", {}, Q(EQ, "132.9", "", PLAIN)),
    ("02", "本项目共完成预算资金1329120.67元,其中村级组织运转439120.67元,村民组长,党小组长基本报酬152000元,"
     "村民监督委员会 工资28000元,村级事务补助660000元,村级工作目标奖励50000元。", {},
     T((("1329120.67", "元"), ("439120.67", "元"), ("152000", "元"), ("28000", "元"),
        ("660000", "元"), ("50000", "元")))),  # fmt: skip
    # 03: Sichuan 510000 layout, 指标性质 / 指标值 / 度量单位 columns, blank 完成值
    ("03", "100", {"operator": "=", "unit": "%"}, Q(EQ, "100", "%", PERCENT)),
    ("03", "", {"unit": "%"}, E()),
    ("03", "/", {}, E()),
    ("03", "100.00%", {}, Q(EQ, "100.00", "%", PERCENT)),
    ("03", "0.00%", {}, Q(EQ, "0", "%", PERCENT)),
    ("03", "238.93", {}, Q(EQ, "238.93", "", PLAIN)),
    ("03", "严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。",
     {}, T()),  # fmt: skip
    ("03", "对照年度目标,说明相关任务目标的完成情况(100字以内)", {}, T()),
    # 04: 成本控制数 ≤ 30 万元, 完成值 "完成"
    ("04", "30", {"operator": "≤", "unit": "万元"}, Q(LE, "300000", "元", MONEY)),
    ("04", "完成", {"unit": "万元"}, C(ACHIEVED)),
    ("04", "无", {}, E()),
    ("04", "3.36", {}, Q(EQ, "3.36", "", PLAIN)),
    ("04", "2023年购买13台安可电脑,并于12月前完成资金支付。", {}, T((("13", "台"),))),
    ("04", "根据要求购买安可设备,并完成项目资金支付。", {}, T()),
    # 05: tail of a Sichuan form (indicator name and value run together when flattened)
    ("05", "=100%", {}, Q(EQ, "100", "%", PERCENT)),
    ("05", "科目调整次数≤10次", {}, Q(LE, "10", "次", COUNT)),
    ("05", "结余率(计算方法为:结余数/预算数)≤5%", {}, T((("5", "%"),))),
    ("05", "暂无", {}, E()),
    ("05", "及时、足额缴纳。", {}, T()),
    # 06: unscored 大英 form (2020), every actual "已完成100%"
    ("06", "至少全年完成2次宣传", {}, Q(GE, "2", "次", COUNT)),
    ("06", "已完成100%", {}, C(ACHIEVED, "100")),
    ("06", "按质按量完成", {}, C(ACHIEVED)),
    ("06", "1-12月", {"default_year": 2020}, W(EQ, d(2020, 12, 31))),
    ("06", "1-12月", {}, W(EQ, None)),
    ("06", "10万元", {}, Q(EQ, "100000", "元", MONEY)),
    ("06", "不断提升", {}, T()),
    ("06", "90%", {}, Q(EQ, "90", "%", PERCENT)),
    # 08: 廊坊 (2019), bare numbers and blank (nbsp) cells
    ("08", "43.2", {}, Q(EQ, "43.2", "", PLAIN)),
    ("08", "37.24", {}, Q(EQ, "37.24", "", PLAIN)),
    ("08", "86%", {}, Q(EQ, "86", "%", PERCENT)),
    ("08", "0", {}, Q(EQ, "0", "", PLAIN)),
    ("08", "\xa0", {}, E()),
    ("08", "……", {}, E()),
    ("08", "已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。", {}, T((("3", "%"),))),
    # 19: 襄阳 (Hubei layout)
    ("19", "不超过预算", {}, T()),
    ("19", "专款专用", {}, T()),
    ("19", "1000万元", {}, Q(EQ, "10000000", "元", MONEY)),
    ("19", "1年", {}, Q(EQ, "1", "年", COUNT)),
    ("19", "完成东津院区建设,医院东 津医疗收入达到5亿元", {}, T((("500000000", "元"),))),
    ("19", "5亿元", {}, Q(EQ, "500000000", "元", MONEY)),
    ("19", "6.47亿元", {}, Q(EQ, "647000000", "元", MONEY)),
    ("19", "服务范围扩 大", {}, T()),
    # 20: 大英 医保 (Sichuan columns)
    ("20", "101400", {"operator": "≤", "unit": "元"}, Q(LE, "101400", "元", MONEY)),
    ("20", "1", {"operator": "=", "unit": "元/人"}, Q(EQ, "1", "元/人", MONEY)),
    ("20", "优良中低差", {"operator": "定性"}, T()),
    ("20", "90", {"operator": "≥", "unit": "%"}, Q(GE, "90", "%", PERCENT)),
    ("20", "", {"operator": "≥", "unit": "%"}, E()),
    # 21: 广水 (pdf)
    ("21", "300 公里", {}, Q(EQ, "300", "公里", COUNT)),
    ("21", "1.完成乡村道路建设养护里程 300 公里; 2. 3.", {}, T((("300", "公里"),))),
    ("21", "100 %", {}, Q(EQ, "100", "%", PERCENT)),
    # 30: 济南 历城 (预期指标值 A / 实际完成指标值 B)
    ("30", "100%", {}, Q(EQ, "100", "%", PERCENT)),
    ("30", "45万", {}, Q(EQ, "450000", "", PLAIN)),
    ("30", "45", {}, Q(EQ, "45", "", PLAIN)),
    # 34: 大英 经开区 (three text columns)
    ("34", "做好经开区辖区内河道保洁服务费。", {}, T()),
    ("34", "2020年全年。", {}, W(EQ, d(2020, 12, 31))),
    ("34", "15万元。", {}, Q(EQ, "150000", "元", MONEY)),
    ("34", "按合同10.5万元。", {}, Q(EQ, "105000", "元", MONEY)),
    ("34", "美化环境。", {}, T()),
    ("34", "做好经开区辖区内河道保洁服务费,美化环境。", {}, T()),
    ("34", "辖区企业满意率达95%以上。", {}, Q(GE, "95", "%", PERCENT)),
]


def test_enough_real_strings():
    assert len({text for _, text, _, _ in REAL}) >= 80


@pytest.mark.parametrize(
    ("source", "text", "kwargs", "expected"),
    REAL,
    ids=[f"{src}-{i}" for i, (src, *_rest) in enumerate(REAL)],
)
def test_real_strings(source: str, text: str, kwargs: dict[str, Any], expected: Any) -> None:
    check(parse_value(text, **kwargs), expected, text)


# --- the forms the brief names ---------------------------------------------------------

SYNTHETIC: list[tuple[str, dict[str, Any], Any]] = [
    # fullwidth
    ("９５％", {}, Q(EQ, "95", "%", PERCENT)),
    ("＞１００个", {}, Q(GT, "100", "个", COUNT)),
    ("≥１００百分比", {}, Q(GE, "100", "%", PERCENT)),
    ("１０．５万元", {}, Q(EQ, "105000", "元", MONEY)),
    ("２０２１年１０月底前", {}, W(LE, d(2021, 10, 31))),
    ("９５", {"operator": "＞＝", "unit": "％"}, Q(GE, "95", "%", PERCENT)),
    ("完成。", {}, C(ACHIEVED)),
    ("完成，", {}, C(ACHIEVED)),
    # money
    ("3千元", {}, Q(EQ, "3000", "元", MONEY)),
    ("1,000元", {}, Q(EQ, "1000", "元", MONEY)),
    ("12,345.67万元", {}, Q(EQ, "123456700", "元", MONEY)),
    ("0.5亿元", {}, Q(EQ, "50000000", "元", MONEY)),
    ("4.5万", {"unit": "元"}, Q(EQ, "45000", "元", MONEY)),
    ("30000元/人/年", {}, Q(EQ, "30000", "元/人/年", MONEY)),
    ("-5%", {}, Q(EQ, "-5", "%", PERCENT)),
    # operators
    ("不低于90%", {}, Q(GE, "90", "%", PERCENT)),
    ("不少于3次", {}, Q(GE, "3", "次", COUNT)),
    ("大于等于95%", {}, Q(GE, "95", "%", PERCENT)),
    (">=95%", {}, Q(GE, "95", "%", PERCENT)),
    ("高于等于80%", {}, Q(GE, "80", "%", PERCENT)),
    ("95%以上", {}, Q(GE, "95", "%", PERCENT)),
    ("超过100人", {}, Q(GT, "100", "人", COUNT)),
    ("多于5家", {}, Q(GT, "5", "家", COUNT)),
    ("高于90%", {}, Q(GT, "90", "%", PERCENT)),
    ("大于10个", {}, Q(GT, "10", "个", COUNT)),
    ("不超过30万元", {}, Q(LE, "300000", "元", MONEY)),
    ("<=5%", {}, Q(LE, "5", "%", PERCENT)),
    ("控制在30万元以内", {}, Q(LE, "300000", "元", MONEY)),
    ("5%以下", {}, Q(LE, "5", "%", PERCENT)),
    ("最多3次", {}, Q(LE, "3", "次", COUNT)),
    ("3个工作日内", {}, Q(LE, "3", "个工作日", COUNT)),
    ("小于5%", {}, Q(LT, "5", "%", PERCENT)),
    ("低于2%", {}, Q(LT, "2", "%", PERCENT)),
    ("少于3起", {}, Q(LT, "3", "起", COUNT)),
    ("一起", {}, T()),  # "together", not one incident
    ("等于100%", {}, Q(EQ, "100", "%", PERCENT)),
    ("95", {"operator": ">="}, Q(GE, "95", "", PLAIN)),
    ("95", {"operator": "大于等于", "unit": "百分比"}, Q(GE, "95", "%", PERCENT)),
    ("13", {"operator": "＝", "unit": "台（套）"}, Q(EQ, "13", "台(套)", COUNT)),
    ("≤30万元", {"operator": "≥"}, Q(LE, "300000", "元", MONEY)),  # the text wins
    # measure words and Chinese numerals
    ("三个", {}, Q(EQ, "3", "个", COUNT)),
    ("两次", {}, Q(EQ, "2", "次", COUNT)),
    ("十二期", {}, Q(EQ, "12", "期", COUNT)),
    ("一百二十人次", {}, Q(EQ, "120", "人次", COUNT)),
    ("百分之九十五", {}, Q(EQ, "95", "%", PERCENT)),
    ("1.2万人次", {}, Q(EQ, "12000", "人次", COUNT)),
    ("3年", {}, Q(EQ, "3", "年", COUNT)),
    ("12个月", {}, Q(EQ, "12", "个月", COUNT)),
    ("500平方米", {}, Q(EQ, "500", "平方米", COUNT)),
    ("20km", {}, Q(EQ, "20", "km", COUNT)),
    ("满意度≥90分", {}, Q(GE, "90", "分", COUNT)),
    ("5‰", {}, Q(EQ, "0.5", "%", PERCENT)),
    ("一次性", {}, T()),
    ("未达到95%", {}, T((("95", "%"),))),
    ("定性", {}, T()),
    ("95%", {"operator": "定性"}, T((("95", "%"),))),
    # dates
    ("2021年", {}, W(EQ, d(2021, 12, 31))),
    ("2021年度", {}, W(EQ, d(2021, 12, 31))),
    ("2021年10月底", {}, W(EQ, d(2021, 10, 31))),
    ("2021年10月中旬", {}, W(EQ, d(2021, 10, 20))),
    ("2021年10月上旬", {}, W(EQ, d(2021, 10, 10))),
    ("2021年10月下旬", {}, W(EQ, d(2021, 10, 31))),
    ("2021年2月末", {}, W(EQ, d(2021, 2, 28))),
    ("10月31日前", {"default_year": 2021}, W(LE, d(2021, 10, 31))),
    ("10月31日前", {}, W(LE, None)),
    ("2021年12月31日前", {}, W(LE, d(2021, 12, 31))),
    ("截止2021年12月31日", {}, W(LE, d(2021, 12, 31))),
    ("2021年10月底前完成", {}, W(LE, d(2021, 10, 31))),
    ("2021.10", {}, W(EQ, d(2021, 10, 31))),
    ("2021-10-31", {}, W(EQ, d(2021, 10, 31))),
    ("2021/3/15", {}, W(EQ, d(2021, 3, 15))),
    ("第三季度", {"default_year": 2021}, W(EQ, d(2021, 9, 30))),
    ("2021年第一季度", {}, W(EQ, d(2021, 3, 31))),
    ("上半年", {"default_year": 2021}, W(EQ, d(2021, 6, 30))),
    ("2021年下半年", {}, W(EQ, d(2021, 12, 31))),
    ("2021年1月至10月31日", {}, W(EQ, d(2021, 10, 31))),
    ("2021年1月1日至2021年12月31日", {}, W(EQ, d(2021, 12, 31))),
    ("年底前", {"default_year": 2022}, W(LE, d(2022, 12, 31))),
    ("二〇二一年", {}, W(EQ, d(2021, 12, 31))),
    ("2023", {"unit": "年"}, W(EQ, d(2023, 12, 31))),
    ("3", {"operator": "≤", "unit": "年"}, Q(LE, "3", "年", COUNT)),
    ("2021", {}, Q(EQ, "2021", "", PLAIN)),
    ("2021.10万元", {}, Q(EQ, "20211000", "元", MONEY)),  # a decimal, not October
    ("按时", {}, C(ACHIEVED)),
    ("按计划", {}, T()),
    # claims
    ("已完成", {}, C(ACHIEVED)),
    ("全部完成", {}, C(ACHIEVED)),
    ("圆满完成", {}, C(ACHIEVED)),
    ("按时完成", {}, C(ACHIEVED)),
    ("已全部完成", {}, C(ACHIEVED)),
    ("达成年度指标", {}, C(ACHIEVED)),
    ("达到", {}, C(ACHIEVED)),
    ("达标", {}, C(ACHIEVED)),
    ("已达到", {}, C(ACHIEVED)),
    ("是", {}, C(ACHIEVED)),
    ("满意", {}, C(ACHIEVED)),
    ("合格", {}, C(ACHIEVED)),
    ("良好", {}, C(ACHIEVED)),
    ("正常", {}, C(ACHIEVED)),
    ("基本完成", {}, C(MOSTLY)),
    ("基本达到", {}, C(MOSTLY)),
    ("基本达成", {}, C(MOSTLY)),
    ("基本满意", {}, C(MOSTLY)),
    ("部分完成", {}, C(PARTIAL)),
    ("部分达成", {}, C(PARTIAL)),
    ("部分达成年度指标并具有一定效果", {}, C(PARTIAL)),
    ("未完成", {}, C(MISSED)),
    ("未达成", {}, C(MISSED)),
    ("未达到", {}, C(MISSED)),
    ("未达成年度指标且效果较差", {}, C(MISSED)),
    ("否", {}, C(MISSED)),
    ("不满意", {}, C(MISSED)),
    ("已完成80%", {}, C(PARTIAL, "80")),
    ("100%完成", {}, C(ACHIEVED, "100")),
    ("完成率100%", {}, Q(EQ, "100", "%", PERCENT)),
    ("达标", {"operator": "定性"}, C(ACHIEVED)),
    # empties
    ("", {}, E()),
    ("-", {}, E()),
    ("—", {}, E()),
    ("——", {}, E()),
    ("空", {}, E()),
    ("不适用", {}, E()),
    (" \n\t\u3000", {}, E()),
]


@pytest.mark.parametrize(("text", "kwargs", "expected"), SYNTHETIC, ids=[t for t, *_ in SYNTHETIC])
def test_named_forms(text: str, kwargs: dict[str, Any], expected: Any) -> None:
    check(parse_value(text, **kwargs), expected, text)


def test_operator_properties():
    assert [op for op in Operator if op.positive] == [GE, GT]
    assert [op for op in Operator if op.reverse] == [LE, LT]
    assert not EQ.positive and not EQ.reverse


def test_inner_quantities_carry_their_operator():
    value = parse_value("成本≤30万元,满意度≥95%,完成时间2021年")
    assert isinstance(value, Text)
    assert [(q.operator, q.amount, q.unit) for q in value.quantities] == [
        (LE, Decimal(300000), "元"),
        (GE, Decimal(95), "%"),
    ]


def test_values_are_frozen():
    value = parse_value("≥95%")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        value.amount = Decimal(1)  # type: ignore[misc]


# --- properties ------------------------------------------------------------------------

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_FULLWIDTH = st.characters(min_codepoint=0xFF00, max_codepoint=0xFFEF)
_PUNCT = st.characters(min_codepoint=0x3000, max_codepoint=0x303F)
# Fragments that reach the deeper branches (dates, units, claims, operators).
_PIECES = st.sampled_from(
    list("0123456789.,-%/:年月日前底季度旬上中下半万亿千百元个次人≥≤<>=＝％０９一二两三十第已完成未部分")
    + ["百分之", "万元", "2021年", "10月", "截止", "控制在", "及以上", "以内", "已完成100%",
       "人次", "公里", "/人", "按时", "基本", "满意", "1,000", "Q3", " ", "\n", "　", "定性"]
)  # fmt: skip
_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.one_of(_CJK, _FULLWIDTH, _PUNCT, st.characters())),
    st.lists(_PIECES, max_size=30).map("".join),
)


@given(
    text=_TEXT,
    operator=st.one_of(st.just(""), _TEXT),
    unit=st.one_of(st.just(""), _TEXT),
    default_year=st.one_of(st.none(), st.integers(-10, 12000)),
)
def test_never_raises_and_is_deterministic(
    text: str, operator: str, unit: str, default_year: int | None
) -> None:
    first = parse_value(text, operator=operator, unit=unit, default_year=default_year)
    second = parse_value(text, operator=operator, unit=unit, default_year=default_year)
    assert isinstance(first, (Quantity, When, Claim, Text, Empty))
    assert first == second
    assert first.text == text
    if isinstance(first, Quantity):
        assert isinstance(first.amount, Decimal) and first.amount.is_finite()
    if "定性" in operator:
        assert not isinstance(first, (Quantity, When))


_DECIMALS = st.decimals(
    min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False, places=4
)


@given(_DECIMALS, st.booleans())
def test_percent_round_trips_exactly(n: Decimal, fullwidth: bool) -> None:
    written = f"≥{n:f}%"
    if fullwidth:  # ＞＝ is not a character; use the fullwidth digits and ％
        written = written.translate(str.maketrans("0123456789.%-", "０１２３４５６７８９．％－"))
    value = parse_value(written)
    assert isinstance(value, Quantity), value
    assert (value.operator, value.unit, value.dimension) == (GE, "%", PERCENT)
    assert value.amount == n
    assert value.amount.as_tuple() == Decimal(f"{n:f}").as_tuple()  # same digits, same scale


@given(_DECIMALS)
def test_wan_yuan_is_ten_thousand_yuan(n: Decimal) -> None:
    value = parse_value(f"{n:f}万元")
    assert isinstance(value, Quantity), value
    assert (value.operator, value.unit, value.dimension) == (EQ, "元", MONEY)
    assert value.amount == n * 10000


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["个", "次", "册", "人次"]))
def test_counts_keep_their_measure_word(n: int, word: str) -> None:
    value = parse_value(f"{n}{word}")
    assert value == Quantity(EQ, Decimal(n), word, COUNT, f"{n}{word}")


@given(st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_full_dates_are_their_own_latest_day(day: datetime.date) -> None:
    for written in (f"{day.year}年{day.month}月{day.day}日", day.isoformat()):
        value = parse_value(written)
        assert value == When(EQ, day, written)
    value = parse_value(f"{day.year}年{day.month}月{day.day}日前")
    assert isinstance(value, When) and value.operator is LE and value.latest == day


# --- ranges, signs and decreases (review fixes) -------------------------------------------


@pytest.mark.parametrize(
    ("text", "kwargs", "low", "high", "unit"),
    [
        ("95%-100%", {}, "95", "100", "%"),
        ("95%～100%", {}, "95", "100", "%"),
        ("95%~100%", {}, "95", "100", "%"),
        ("95-100%", {}, "95", "100", "%"),
        ("90%至100%", {}, "90", "100", "%"),
        ("达到95%-100%", {}, "95", "100", "%"),
        ("3～5个", {}, "3", "5", "个"),
        ("10-20万元", {}, "100000", "200000", "元"),
        ("100%-95%", {}, "95", "100", "%"),  # written high to low
        ("95-100", {"unit": "%"}, "95", "100", "%"),
    ],
)
def test_ranges_parse_as_one_quantity_with_an_upper_end(text, kwargs, low, high, unit):
    value = parse_value(text, **kwargs)
    assert isinstance(value, Quantity), value
    assert (value.operator, value.amount, value.upper, value.unit) == (
        GE, Decimal(low), Decimal(high), unit)


@pytest.mark.parametrize("text", ["1-12月", "2021年1-3月", "第1-3季度", "5%-10万元"])
def test_dates_ordinals_and_mixed_units_are_not_ranges(text):
    value = parse_value(text)
    assert not (isinstance(value, Quantity) and value.upper is not None), value


def test_a_range_inside_a_description_keeps_its_upper_end_positive():
    value = parse_value("95%-100%", operator="定性")
    assert isinstance(value, Text)
    assert [q.amount for q in value.quantities] == [Decimal(95), Decimal(100)]


@pytest.mark.parametrize(
    ("text", "op", "amount", "unit"),
    [
        ("-5%", EQ, "-5", "%"),
        ("负5%", EQ, "-5", "%"),
        ("≥负5%", GE, "-5", "%"),  # 负 is a sign: the operator is as written
        ("下降5%", EQ, "-5", "%"),
        ("同比下降了5%", EQ, "-5", "%"),
        ("成本降低5万元", EQ, "-50000", "元"),
        ("下降不低于5%", LE, "-5", "%"),  # a decrease of at least 5: a change of at most -5
        ("下降不超过5%", GE, "-5", "%"),
        ("下降至5%", LE, "5", "%"),  # a level reached from above, not a change
        ("降至3%", LE, "3", "%"),
    ],
)
def test_negative_numbers_and_decreases(text, op, amount, unit):
    value = parse_value(text)
    assert isinstance(value, Quantity), value
    assert (value.operator, value.amount, value.unit) == (op, Decimal(amount), unit)


@pytest.mark.parametrize(("text", "op"), [(">95%", GT), ("高于95%", GT), ("大于95%", GT),
                                          ("<5%", LT), ("低于5%", LT), ("小于5%", LT)])
def test_strict_operators_stay_strict(text, op):
    assert parse_value(text).operator is op


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # denials and shortfalls
        ("未完成", MISSED), ("尚未开展", MISSED), ("没有达到", MISSED), ("较差", MISSED),
        ("暂未开展", MISSED), ("未达到预期目标", MISSED), ("效果不理想", MISSED),
        ("受疫情影响，项目延期至2022年", MISSED), ("完成率较低", MISSED),
        # part of it
        ("部分完成", PARTIAL), ("部分项目未完工", PARTIAL), ("未全部完成", PARTIAL),
        ("群众满意度有所提升", PARTIAL), ("工程正在推进", PARTIAL), ("效果一般", PARTIAL),
        # mostly (the profile decides the tier: central-2020 maps it to achieved)
        ("基本完成", MOSTLY), ("基本达到预期效果", MOSTLY), ("大部分已完成", MOSTLY),
        # affirmed
        ("完成", ACHIEVED), ("良好", ACHIEVED), ("是", ACHIEVED), ("效果明显", ACHIEVED),
        ("群众满意度明显提升", ACHIEVED), ("已建成并投入使用", ACHIEVED),
        ("全年未发生一起安全生产事故", ACHIEVED), ("无投诉", ACHIEVED), ("不断提升", ACHIEVED),
        ("2021年度仁和区经济社会发展平稳。", ACHIEVED), ("在三个乡镇建立了委托业务台账", ACHIEVED),
        ("举办了培训班", ACHIEVED), ("为了方便群众办事", None),
        # neither: a description that does not say whether the target was reached
        ("按计划推进", None), ("专款专用", None), ("不超过预算", None), ("美化环境。", None),
        ("为未来发展奠定基础", None), ("支付差旅费5万元", None), ("", None),
    ],
)
def test_text_level_reads_what_a_description_claims(text, level):
    from evalengine.values import text_level

    assert text_level(text) is level
