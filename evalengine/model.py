"""The case records: one project self-assessment (绩效目标自评表) or one department's figures.

Every record is a small frozen attrs class.  Field names are English; ``docs/case-format.md``
maps each to the label on the form.  Amounts are 万元 as ``Decimal``; percentages are kept
as printed (``100`` means 100%).  Text that the form carries is kept verbatim, so that
nothing the department claimed is lost: parsing happens later, in :mod:`evalengine.values`.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

__all__ = [
    "Case",
    "Department",
    "DepartmentClaims",
    "DepartmentInfo",
    "Figure",
    "FundRow",
    "Funds",
    "Goal",
    "Indicator",
    "Narrative",
    "Project",
    "Review",
    "Suppression",
    "Total",
    "Unread",
]


@attrs.frozen
class Unread:
    """``unread = { actual = "cut" }``: the fields of one record that were not read from the
    form, each with why (a reason word of ``rules/provenance.toml``).  A field that is absent
    and not listed here was printed blank; a hand-written case lists nothing (all read)."""

    items: tuple[tuple[str, str], ...] = ()  # (field, reason), in the order written

    def reason(self, field: str) -> str | None:
        """Why ``field`` was not read, or None when it was read (or printed blank)."""
        for name, reason in self.items:
            if name == field:
                return reason
        return None

    def __contains__(self, field: object) -> bool:
        return any(name == field for name, _ in self.items)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


@attrs.frozen
class Review:
    """``review``: why a form was read too poorly to score (``score`` shows it as 待复核 /
    needs review and runs no rules on it).  Either the importer's reason as data, a ``code``
    with its values (``review = { code = "few-cells", placed = 3, seen = 40, below = 50 }``),
    worded in each language by :func:`evalengine.review.review_words`; or ``text``, a reason
    a person wrote (``review = "表格模糊，待核对"``, or a case imported before reasons were
    data), shown as written."""

    code: str = ""  # a reason of evalengine.review.CODES; "" = the reason is ``text``
    values: tuple[tuple[str, Decimal], ...] = ()  # the code's values, by name, as written
    text: str = ""  # a reason in words, shown as written

    def value(self, name: str) -> Decimal | None:
        for key, value in self.values:
            if key == name:
                return value
        return None

    def __bool__(self) -> bool:
        return bool(self.code) or bool(self.text.strip())


@attrs.frozen
class Project:
    """项目: the header of the form and where the case was transcribed from."""

    name: str  # 项目名称
    source: str  # the document and section this case was transcribed from
    department: str = ""  # 主管部门
    implementer: str = ""  # 实施单位
    year: int | None = None  # 年度
    profile: str = "central-2020"  # scoring profile in rules/profiles/
    code: str = ""  # 项目编码 (the budget system's project code, Sichuan forms)
    has_form: bool = True  # False: the document describes the project but has no 自评表
    incomplete: str = ""  # why the transcribed form is not whole (cut off …); "" = complete
    review: Review = Review()  # why the form was read too poorly to score; empty = scored
    layout: str = ""  # the rules/layouts/<id>.toml the importer recognised
    # header fields not read (name, department, implementer, year, code), and whole sections
    # not read (funds, indicators, goal, narrative)
    unread: Unread = Unread()


@attrs.frozen
class FundRow:
    """One source row under 年度资金总额: 财政拨款, 上年结转, 其他资金 …"""

    source: str  # row label as printed, e.g. "财政拨款", "上年结转资金", "其他资金"
    initial_budget: Decimal | None = None  # 年初预算数
    budget: Decimal | None = None  # 全年预算数 / 调整后预算数
    executed: Decimal | None = None  # 全年执行数 / 预算执行数
    # what the form prints on this 其中 row in the 分值/执行率/得分 columns (only the total
    # row should carry them: real-forms 36 scores 基本支出 and 项目支出 10/10 each)
    claimed_weight: Decimal | None = None
    claimed_rate: Decimal | None = None  # percent, as printed
    claimed_score: Decimal | None = None
    unread: Unread = Unread()


@attrs.frozen
class Funds:
    """项目资金 (万元): the total row, its source rows, and the department's claims on them."""

    budget: Decimal | None = None  # 全年预算数 (central) / 调整后预算数 (Sichuan) / 下达金额
    executed: Decimal | None = None  # 全年执行数 / 预算执行数 / 支付金额
    initial_budget: Decimal | None = None  # 年初预算数
    balance: Decimal | None = None  # 结余 as stated
    claimed_rate: Decimal | None = None  # 执行率 as printed, in percent
    claimed_weight: Decimal | None = None  # 分值 / 权重 of the budget row
    claimed_score: Decimal | None = None  # 得分 of the budget row
    reason: str = ""  # 原因 / 偏差说明 for under-execution or the balance
    adjustment_reason: str = ""  # reason given for 年初 ≠ 调整后
    note: str = ""  # 备注 and any other text about the money, verbatim
    rows: tuple[FundRow, ...] = ()
    source: str = ""  # where these figures are printed
    unread: Unread = Unread()


@attrs.frozen
class Goal:
    """年度总体目标: 预期目标 and 实际完成情况."""

    expected: str = ""
    actual: str = ""
    unread: Unread = Unread()


@attrs.frozen
class Indicator:
    """One 三级 indicator row of the 绩效指标 table."""

    level1: str = ""  # 一级指标
    level2: str = ""  # 二级指标
    name: str = ""  # 三级指标
    target: str = ""  # 年度指标值 / 预期指标值 / 指标值
    actual: str = ""  # 实际完成值 / 实际完成指标值 / 完成值
    operator: str = ""  # 指标性质 (=, ≥, ≤ …), Sichuan forms
    unit: str = ""  # 度量单位, Sichuan forms
    weight: Decimal | None = None  # 分值 / 权重 as printed
    score: Decimal | None = None  # 得分 as printed
    deviation: str = ""  # 偏差原因分析及改进措施 / 未完成原因分析
    not_applicable: bool = False  # 不适用
    # Hebei forms that print 单项得分 / 权重占比 / 折算得分: ``score`` is the 折算得分, these two
    # are the cells it is computed from (折算得分 = 单项得分 × 权重占比, framework.md §9)
    item_score: Decimal | None = None  # 单项得分
    weight_share: Decimal | None = None  # 权重占比, percent as printed
    unread: Unread = Unread()


@attrs.frozen
class Narrative:
    """The prose around the form: 项目完成情况, 评价结论, 存在问题, 改进措施, the claimed total."""

    completion: str = ""  # 项目完成情况
    benefit: str = ""  # 项目效益情况
    conclusion: str = ""  # 评价结论
    problems: str = ""  # 存在问题
    measures: str = ""  # 改进措施 / 相关建议
    deviation: str = ""  # 偏差大或目标未完成原因分析: one cell for the whole form (20/80 layouts)
    claimed_total: Decimal | None = None  # 自评总分 / 合计 as stated
    claimed_grade: str = ""  # 自评等级 as stated
    unread: Unread = Unread()


@attrs.frozen
class Suppression:
    """``[[ignore]]``: accept one rule's findings for this case, with a written reason."""

    rule: str
    reason: str


@attrs.frozen
class Case:
    """One project's self-assessment (项目支出绩效自评)."""

    project: Project
    funds: Funds = Funds()
    goal: Goal = Goal()
    indicators: tuple[Indicator, ...] = ()
    narrative: Narrative = Narrative()
    ignore: tuple[Suppression, ...] = ()

    @property
    def name(self) -> str:
        return self.project.name


@attrs.frozen
class Figure:
    """One statement of a figure in a department's report.

    The same ``id`` may be stated in several places; each statement is its own entry, so a
    figure printed twice with two values is visible to the checks.
    """

    id: str  # stable key, e.g. "expenditure.basic"
    label: str  # as printed, e.g. "基本支出"
    value: Decimal
    source: str  # section of the document
    unit: str = "万元"  # 万元, %, 个, 人 …
    share_of: str = ""  # id of the figure this one is stated as a share of
    share: Decimal | None = None  # the stated share, in percent (占 82.3%)
    change: Decimal | None = None  # stated change from the previous year (+ increase, − decrease)
    change_pct: Decimal | None = None  # stated change in percent (增长 5.5% → 5.5; 下降 → negative)


@attrs.frozen
class Total:
    """A total the report says is made of parts: ``total`` = Σ ``parts``."""

    total: str
    parts: tuple[str, ...]
    source: str = ""


@attrs.frozen
class DepartmentClaims:
    """What the department says about its projects as a whole (部门整体绩效自评)."""

    funds_fully_spent: bool | None = None  # e.g. "预算资金100%使用完成"
    balance_rate: Decimal | None = None  # 资金结余率, percent
    projects_self_assessed: int | None = None  # "对N个项目开展了绩效自评"
    projects_with_targets: int | None = None  # "对N个项目编制了绩效目标"
    projects_monitored: int | None = None  # "对N个项目开展绩效监控"
    project_expenditure: str = ""  # id of the figure holding 项目支出
    source: str = ""


@attrs.frozen
class DepartmentInfo:
    """``[department]``: whose report this is and where it was transcribed from."""

    name: str  # 部门(单位)名称
    source: str
    year: int | None = None


@attrs.frozen
class Department:
    """A department's own figures (部门决算): totals, parts, shares and claims."""

    department: DepartmentInfo
    figures: tuple[Figure, ...] = ()
    totals: tuple[Total, ...] = ()
    claims: DepartmentClaims = DepartmentClaims()
    ignore: tuple[Suppression, ...] = ()

    @property
    def name(self) -> str:
        return self.department.name
