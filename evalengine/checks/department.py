"""D: rules about a department's own figures (部门决算说明) and its claims about its projects.

A figure may be stated in several places of the report; each statement is its own
``[[figures]]`` entry.  Where a check needs "the" value of a figure, it takes the statements
nearest the place being checked (the longest shared beginning of ``source``, i.e. the same
section first), and accepts the check if any of them passes: a figure stated twice with two
values is D504's finding, not a reason for every other rule to fire.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from decimal import Decimal

from ..findings import Severity
from ..model import Department, Figure
from ..numbers import HUNDRED, ZERO
from .base import DepartmentContext, Hit, Rule, Setting, money, pct

__all__ = ["RULES"]

_MAX_COMBINATIONS = 256  # statements tried per check before taking the nearest ones only


def _statements(department: Department) -> dict[str, list[tuple[int, Figure]]]:
    out: dict[str, list[tuple[int, Figure]]] = {}
    for index, figure in enumerate(department.figures):
        out.setdefault(figure.id, []).append((index, figure))
    return out


def _shared(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _nearest(statements: list[tuple[int, Figure]], source: str) -> list[tuple[int, Figure]]:
    """The statements whose source shares the longest beginning with ``source``, one per value."""
    if not statements:
        return []
    best = max(_shared(f.source, source) for _, f in statements)
    out: list[tuple[int, Figure]] = []
    seen: set[Decimal] = set()
    for index, figure in statements:
        if _shared(figure.source, source) == best and figure.value not in seen:
            seen.add(figure.value)
            out.append((index, figure))
    return out


def _num(value: Decimal) -> str:
    """A figure as the report prints it (no padding: 97.8, 931.61, 0)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _where(figure: Figure) -> str:
    return f"{figure.label} {_num(figure.value)}（{figure.source}）"


# --- D501 total-differs-from-parts --------------------------------------------------------


def _check_totals(ctx: DepartmentContext) -> Iterator[Hit]:
    half = ctx.options["half_unit"]
    by_id = _statements(ctx.department)
    for t_index, total in enumerate(ctx.department.totals):
        parts = [by_id.get(p, []) for p in total.parts]
        if not total.parts or any(not p for p in parts):
            continue  # a part never stated: nothing to add up
        slack = half * (len(total.parts) + 1)
        reported: set[tuple[Decimal, tuple[Decimal, ...]]] = set()
        for index, figure in by_id.get(total.total, []):
            options = [_nearest(p, figure.source) for p in parts]
            combos = itertools.islice(itertools.product(*options), _MAX_COMBINATIONS)
            if any(abs(sum((f.value for _, f in c), ZERO) - figure.value) <= slack for c in combos):
                continue
            chosen = tuple(o[0][1] for o in options)
            key = (figure.value, tuple(f.value for f in chosen))
            if key in reported:
                continue
            reported.add(key)
            parts_sum = sum((f.value for f in chosen), ZERO)
            yield Hit(
                f"$.figures[{index}].value",
                {"label": figure.label, "source": figure.source, "total": _num(figure.value),
                 "sum": money(parts_sum), "diff": money(abs(figure.value - parts_sum)),
                 "totals": t_index},
                expected=" + ".join(_where(f) for f in chosen) + f" = {money(parts_sum)}",
                found=_where(figure),
            )


TOTAL_DIFFERS_FROM_PARTS = Rule(
    code="D501",
    name="total-differs-from-parts",
    family="department",
    severity=Severity.ERROR,
    title="合计数不等于各分项之和",
    title_en="Total differs from the sum of its parts",
    message="{label}（{source}）为 {total}，但各组成部分之和为 {sum}，相差 {diff}",
    message_en="{label} ({source}) is {total}, but its parts add up to {sum} (difference {diff})",
    summary="报告说由若干部分组成的合计数（[[totals]]），与各部分之和的差额超出四舍五入的范围。",
    summary_en="A total the report says is made of parts ([[totals]]) differs from their sum by more than rounding allows.",
    rationale=(
        "决算说明中的合计与分项应当勾稽一致；差额超过逐项四舍五入的误差（n 项 × 0.005 万元）说明"
        "有数字抄错或漏项。同一合计数在多处出现时逐处核对，指出是哪一处对不上。"
    ),
    rationale_en=(
        "Totals and their parts must reconcile; a gap larger than rounding each item (n × 0.005) "
        "means a figure was mistyped or an item left out. Each statement of a total is checked."
    ),
    source="评审实践（决算勾稽关系）；framework.md §5 Q12（合计 ≠ Σ 分项）",
    bad='[[figures]]\nid = "expenditure.total"\nlabel = "本年支出合计"\nvalue = 300\nsource = "第二部分 三"\n\n'
    '[[figures]]\nid = "expenditure.basic"\nlabel = "基本支出"\nvalue = 199.7\nsource = "第二部分 三"\n\n'
    '[[figures]]\nid = "expenditure.project"\nlabel = "项目支出"\nvalue = 100\nsource = "第二部分 三"',
    good='[[figures]]\nid = "expenditure.total"\nlabel = "本年支出合计"\nvalue = 300.01\nsource = "第二部分 三"\n\n'
    '[[figures]]\nid = "expenditure.basic"\nlabel = "基本支出"\nvalue = 200\nsource = "第二部分 三"\n\n'
    '[[figures]]\nid = "expenditure.project"\nlabel = "项目支出"\nvalue = 100\nsource = "第二部分 三"',
    check=_check_totals,
    settings=(
        Setting("half_unit", "number",
                "每个数字四舍五入可能带来的最大误差（万元）；合计允许 (分项数 + 1) × 此值", Decimal(0),
                help_en="the largest rounding error of each figure (10k yuan); a total allows (parts + 1) × this"),
    ),
    target="department",
)


# --- D502 share-mismatch -------------------------------------------------------------------


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _share_range(value: Decimal, base: Decimal, half: Decimal) -> tuple[Decimal, Decimal] | None:
    """The share (percent) ``value``/``base`` can have when both were rounded by ``half``."""
    if base - half <= 0:
        return None
    low = max(value - half, ZERO) / (base + half) * HUNDRED
    high = (value + half) / (base - half) * HUNDRED
    return low, high


def _check_shares(ctx: DepartmentContext) -> Iterator[Hit]:
    o = ctx.options
    half = o["half_unit"]
    by_id = _statements(ctx.department)
    for index, figure in enumerate(ctx.department.figures):
        if figure.share is None or not figure.share_of:
            continue
        bases = _nearest(by_id.get(figure.share_of, []), figure.source)
        if not bases:
            continue
        slack = max(o["share_half_unit"], Decimal(1).scaleb(-_places(figure.share)) / 2)
        ranges = [(b, _share_range(figure.value, b.value, half)) for _, b in bases]
        ranges = [(b, r) for b, r in ranges if r is not None]
        if not ranges:
            continue
        if any(r[0] - slack <= figure.share <= r[1] + slack for _, r in ranges):
            continue
        base = ranges[0][0]
        computed = figure.value / base.value * HUNDRED
        yield Hit(
            f"$.figures[{index}].share",
            {"label": figure.label, "source": figure.source, "share": _num(figure.share),
             "base": base.label, "computed": money(computed)},
            expected=f"{_num(figure.value)} / {_num(base.value)}（{base.label}，{base.source}）× 100% = {money(computed)}%",
            found=f"{figure.label}占 {_num(figure.share)}%（{figure.source}）",
        )


SHARE_MISMATCH = Rule(
    code="D502",
    name="share-mismatch",
    family="department",
    severity=Severity.ERROR,
    title="占比与数字不符",
    title_en="Stated share does not match the figures",
    message="{label}（{source}）称占{base} {share}%，按数字计算应为 {computed}%",
    message_en="{label} ({source}) is said to be {share}% of {base}, but the figures give {computed}%",
    summary="报告写的“占 x%”与 数值 ÷ 基数 × 100 不符，差额超出四舍五入的范围。",
    summary_en="A stated share (占 x%) differs from value ÷ base × 100 by more than rounding allows.",
    rationale=(
        "占比是由报告自身的数字算出的，算错说明数字或占比有一处抄错；容差按占比保留一位小数"
        "（0.05 个百分点）和数字保留两位小数的影响计算。"
    ),
    rationale_en=(
        "A share is computed from the report's own figures; a wrong one means a figure or the "
        "share was mistyped. The tolerance covers 0.1% rounding of the share and 0.01 of the figures."
    ),
    source="评审实践（决算说明占比复核）；framework.md §6",
    bad='[[figures]]\nid = "expenditure.total"\nlabel = "本年支出合计"\nvalue = 300\nsource = "第二部分 三"\n\n'
    '[[figures]]\nid = "expenditure.basic"\nlabel = "基本支出"\nvalue = 200\nsource = "第二部分 三"\n'
    'share_of = "expenditure.total"\nshare = 62.7',
    good="",
    check=_check_shares,
    settings=(
        Setting("half_unit", "number", "数字（万元）四舍五入的最大误差", Decimal(0),
                help_en="the largest rounding error of a figure (10k yuan)"),
        Setting("share_half_unit", "number",
                "占比四舍五入的最大误差（百分点）；占比写得更粗时按其实际位数放宽", Decimal(0),
                help_en="the largest rounding error of a share (percentage points); widened when the share is printed coarser"),
    ),
    target="department",
)


# --- D503 change-mismatch -----------------------------------------------------------------


def _check_changes(ctx: DepartmentContext) -> Iterator[Hit]:
    o = ctx.options
    half = o["half_unit"]
    for index, figure in enumerate(ctx.department.figures):
        if figure.change is None or figure.change_pct is None:
            continue
        value, change = figure.value, figure.change
        previous = value - change
        if previous - 2 * half <= 0:
            continue  # no previous-year base to compute a rate from
        corners = [
            (c / (v - c)) * HUNDRED
            for v in (value - half, value + half)
            for c in (change - half, change + half)
            if v - c > 0
        ]
        if not corners:
            continue
        slack = max(o["pct_half_unit"], Decimal(1).scaleb(-_places(figure.change_pct)) / 2)
        if min(corners) - slack <= figure.change_pct <= max(corners) + slack:
            continue
        computed = change / previous * HUNDRED
        yield Hit(
            f"$.figures[{index}].change_pct",
            {"label": figure.label, "source": figure.source, "stated": _num(figure.change_pct),
             "computed": money(computed), "change": _num(change), "previous": money(previous)},
            expected=(
                f"变动率 = {_num(change)} / ({_num(value)} − {_num(change)}) × 100% = "
                f"{_num(change)} / {money(previous)} × 100% = {money(computed)}%"
            ),
            found=f"{figure.label}：增减 {_num(change)}，变动 {_num(figure.change_pct)}%（{figure.source}）",
        )


CHANGE_MISMATCH = Rule(
    code="D503",
    name="change-mismatch",
    family="department",
    severity=Severity.ERROR,
    title="增减率与增减额不符",
    title_en="Stated change rate does not match the change",
    message="{label}（{source}）增减 {change}，上年应为 {previous}，变动率应为 {computed}%，报告写 {stated}%",
    message_en=(
        "{label} ({source}) changed by {change}, so last year was {previous} and the rate is "
        "{computed}%, but the report says {stated}%"
    ),
    summary="报告写的同比增长/下降百分比与 增减额 ÷ (本年数 − 增减额) × 100 不符（含方向相反）。",
    summary_en="A stated year-on-year rate differs from change ÷ (value − change) × 100, including a wrong sign.",
    rationale=(
        "增减率由本年数和增减额即可算出；不符说明增减额、增减率或“增长/下降”的方向有一处写错。"
    ),
    rationale_en="The rate follows from the value and the change; a mismatch means one of them, or the direction word, is wrong.",
    source="评审实践（决算说明增减变动复核）；framework.md §6",
    bad='[[figures]]\nid = "expenditure.total"\nlabel = "本年支出合计"\nvalue = 300\nsource = "第二部分 三"\n'
    'change = 20\nchange_pct = -7.1',
    good='[[figures]]\nid = "expenditure.total"\nlabel = "本年支出合计"\nvalue = 300\nsource = "第二部分 三"\n'
    'change = 20\nchange_pct = 7.1',
    check=_check_changes,
    settings=(
        Setting("half_unit", "number", "数字（万元）四舍五入的最大误差", Decimal(0),
                help_en="the largest rounding error of a figure (10k yuan)"),
        Setting("pct_half_unit", "number",
                "增减率四舍五入的最大误差（百分点）；写得更粗时按其实际位数放宽", Decimal(0),
                help_en="the largest rounding error of a change rate (percentage points); widened when printed coarser"),
    ),
    target="department",
)


# --- D504 figure-stated-twice -------------------------------------------------------------


def _check_stated_twice(ctx: DepartmentContext) -> Iterator[Hit]:
    tolerance = ctx.options["tolerance"]
    for statements in _statements(ctx.department).values():
        if len(statements) < 2:
            continue
        groups: list[list[tuple[int, Figure]]] = []
        for item in statements:
            for group in groups:
                if abs(group[0][1].value - item[1].value) <= tolerance:
                    group.append(item)
                    break
            else:
                groups.append([item])
        if len(groups) < 2:
            continue
        main = max(groups, key=len)  # the value most places give (the first on a tie)
        others = [g for g in groups if g is not main]
        index, odd = others[0][0]
        first = main[0][1]

        def listed(group: list[tuple[int, Figure]]) -> str:
            return f"{_num(group[0][1].value)}（{'；'.join(f.source for _, f in group)}）"

        yield Hit(
            f"$.figures[{index}].value",
            {"label": odd.label, "value": _num(odd.value), "source": odd.source,
             "other": _num(first.value), "other_source": first.source},
            expected=listed(main),
            found="；".join(listed(g) for g in others),
        )


FIGURE_STATED_TWICE = Rule(
    code="D504",
    name="figure-stated-twice",
    family="department",
    severity=Severity.ERROR,
    title="同一数字前后不一致",
    title_en="One figure stated with two values",
    message="{label}在{source}写作 {value}，在{other_source}写作 {other}",
    message_en="{label} is {value} in {source} but {other} in {other_source}",
    summary="同一个数字（同一 id）在报告的不同地方写成了不同的数值。",
    summary_en="The same figure (same id) is printed with different values in different places of the report.",
    rationale="同一决算数字只能有一个值；前后不一说明至少一处抄错，所有用到它的合计和占比都受影响。",
    rationale_en="A figure has one value; two values mean at least one is mistyped, and every total or share using it is affected.",
    source="评审实践（决算说明前后一致性）；framework.md §6",
    bad='[[figures]]\nid = "expenditure.basic"\nlabel = "基本支出"\nvalue = 200\nsource = "第二部分 三"\n\n'
    '[[figures]]\nid = "expenditure.basic"\nlabel = "基本支出"\nvalue = 199.97\nsource = "附件1 二（二）"',
    good='[[figures]]\nid = "expenditure.basic"\nlabel = "基本支出"\nvalue = 200\nsource = "第二部分 三"\n\n'
    '[[figures]]\nid = "expenditure.basic"\nlabel = "基本支出"\nvalue = 200.00\nsource = "附件1 二（二）"',
    check=_check_stated_twice,
    settings=(
        Setting("tolerance", "number", "同一数字两处数值允许的差额；0 表示必须完全相同", Decimal(0),
                help_en="allowed difference between the same figure in two places; 0 means it must be identical"),
    ),
    target="department",
)


# --- D505 project-spending-vs-stated ------------------------------------------------------


def _check_project_spending(ctx: DepartmentContext) -> Iterator[Hit]:
    projects, claims = ctx.projects, ctx.department.claims
    if not projects:
        return  # no project cases beside the department file: nothing to compare
    half = ctx.options["half_unit"]
    executed = [p.executed for p in projects]
    statements = _statements(ctx.department).get(claims.project_expenditure, [])
    if claims.project_expenditure and statements and all(e is not None for e in executed):
        total = sum((e for e in executed if e is not None), ZERO)
        slack = half * (len(projects) + 1)
        seen: set[Decimal] = set()
        for index, figure in statements:
            if figure.value in seen or abs(figure.value - total) <= slack:
                continue
            seen.add(figure.value)
            yield Hit(
                f"$.figures[{index}].value",
                {"subject": f"{figure.label}（{figure.source}）", "subject_en": f"{figure.label} ({figure.source})",
                 "stated": f"{_num(figure.value)} 万元", "cases": f"{money(total)} 万元"},
                expected=" + ".join(f"{p.name} {money(p.executed)}" for p in projects) + f" = {money(total)}",
                found=_where(figure),
            )
    stated = claims.projects_self_assessed
    if stated is not None and stated != len(projects):
        yield Hit(
            "$.claims.projects_self_assessed",
            {"subject": "开展绩效自评的项目个数", "subject_en": "the number of projects self-assessed",
             "stated": f"{stated} 个", "cases": f"{len(projects)} 个"},
            expected=f"本目录项目案例 {len(projects)} 个：" + "、".join(p.name for p in projects),
            found=f"报告称对 {stated} 个项目开展了绩效自评（{claims.source}）",
        )


PROJECT_SPENDING_VS_STATED = Rule(
    code="D505",
    name="project-spending-vs-stated",
    family="department",
    severity=Severity.WARNING,
    title="项目支出与项目案例合计不符",
    title_en="Project spending differs from the project cases",
    message="{subject}与本目录的项目案例不符：报告为 {stated}，项目案例合计 {cases}",
    message_en="{subject_en} does not match the project cases in this folder: the report says {stated}, the cases give {cases}",
    summary="各项目案例的执行数之和与部门报告的“项目支出”相差超出四舍五入范围；或项目案例个数与报告所称开展自评的项目个数不同。",
    summary_en=(
        "The project cases' spending adds up to something other than the department's stated "
        "项目支出 (beyond rounding), or their number differs from the number of projects said to be self-assessed."
    ),
    rationale=(
        "部门决算的项目支出应由各项目支出构成；对不上说明有项目漏评、多评或数字抄错。n 个项目各自"
        "四舍五入到 0.01 万元，合计允许 n × 0.005 的误差。"
    ),
    rationale_en=(
        "项目支出 is made of the projects' spending; a gap means a project was left out, counted "
        "twice or mistyped. n figures rounded to 0.01 may be off by n × 0.005 in all."
    ),
    source="评审实践（部门整体与项目自评勾稽）；framework.md §5（S9：100% 自评覆盖）、§6",
    bad='[[_projects]]\n[_projects.funds]\nbudget = 100\nexecuted = 90',
    good='[claims]\nprojects_self_assessed = 2\n\n'
    '[[_projects]]\n[_projects.funds]\nbudget = 60\nexecuted = 60\n\n'
    '[[_projects]]\n[_projects.project]\nname = "设备购置经费"\n[_projects.funds]\nbudget = 40.01\nexecuted = 40.01',
    check=_check_project_spending,
    settings=(
        Setting("half_unit", "number",
                "每个执行数四舍五入的最大误差（万元）；合计允许 (项目数 + 1) × 此值", Decimal(0),
                help_en="the largest rounding error of each executed figure (10k yuan); a total allows (projects + 1) × this"),
    ),
    target="department",
)


# --- D506 claims-contradict-projects ------------------------------------------------------


def _check_claims_spent(ctx: DepartmentContext) -> Iterator[Hit]:
    claims, tolerance = ctx.department.claims, ctx.options["tolerance"]
    said = []
    if claims.funds_fully_spent:
        said.append(("$.claims.funds_fully_spent", "预算资金 100% 使用完成", "all funds spent"))
    if claims.balance_rate is not None and claims.balance_rate == 0:
        said.append(("$.claims.balance_rate", "资金结余率 0%", "a 0% balance rate"))
    if not said:
        return
    unspent = []
    for p in ctx.projects:
        if p.budget is not None and p.executed is not None and p.budget - p.executed > tolerance:
            unspent.append((p, p.budget - p.executed,
                            f"{p.name}：预算 {money(p.budget)}，执行 {money(p.executed)}，"
                            f"未支出 {money(p.budget - p.executed)} 万元"))
        elif p.balance is not None and p.balance > tolerance:
            unspent.append((p, p.balance, f"{p.name}：结余 {money(p.balance)} 万元"))
    if not unspent:
        return
    unspent.sort(key=lambda item: -item[1])
    total = sum((amount for _, amount, _ in unspent), ZERO)
    yield Hit(
        said[0][0],
        {"claim": "、".join(f"“{s[1]}”" for s in said), "claim_en": " and ".join(s[2] for s in said),
         "count": len(unspent), "total": money(total),
         "names": "、".join(f"{p.name} {money(a)} 万元" for p, a, _ in unspent),
         "names_en": ", ".join(f"{p.name} {money(a)}" for p, a, _ in unspent)},
        expected="；".join(line for _, _, line in unspent),
        found="部门称" + "、".join(s[1] for s in said) + (f"（{claims.source}）" if claims.source else ""),
    )


CLAIMS_CONTRADICT_PROJECTS = Rule(
    code="D506",
    name="claims-contradict-projects",
    family="department",
    severity=Severity.ERROR,
    title="称资金全部用完，项目却有结余",
    title_en="Claims all funds spent, yet projects hold unspent money",
    message="部门称{claim}，但有 {count} 个项目共 {total} 万元未支出：{names}",
    message_en="the department claims {claim_en}, yet {count} project(s) leave {total} (10k yuan) unspent: {names_en}",
    summary="部门整体自评称预算资金全部使用完成或结余率为 0%，而项目案例显示仍有未支出的资金。",
    summary_en="The department claims all funds were spent or a 0% balance rate, while its project cases show unspent money.",
    rationale=(
        "部门整体自评的预算执行结论必须与各项目的执行情况一致；称“100%使用完成”而项目有结余，"
        "属于自评失实。"
    ),
    rationale_en=(
        "The department's claim about budget execution must agree with its projects; claiming "
        "everything was spent while projects hold balances misstates the result."
    ),
    source="财预〔2020〕10号（自评结果真实准确）；framework.md §5 Q22、§6",
    bad='[claims]\nprojects_self_assessed = 2\n\n'
    '[[_projects]]\n[_projects.funds]\nbudget = 100\nexecuted = 100\n\n'
    '[[_projects]]\n[_projects.project]\nname = "设备购置经费"\n[_projects.funds]\nbudget = 20\nexecuted = 0',
    good='[claims]\nfunds_fully_spent = false\nbalance_rate = 16.7\nprojects_self_assessed = 2\n\n'
    '[[_projects]]\n[_projects.funds]\nbudget = 100\nexecuted = 100\n\n'
    '[[_projects]]\n[_projects.project]\nname = "设备购置经费"\n[_projects.funds]\nbudget = 20\nexecuted = 0',
    check=_check_claims_spent,
    settings=(
        Setting("tolerance", "number", "项目未支出金额（万元）不超过此值时视为已用完（预算、执行数各舍入 0.005）",
                Decimal(0),
                help_en="a project's unspent money up to this (10k yuan) counts as all spent (budget and executed each rounded by 0.005)"),
    ),
    target="department",
)


# --- D507 self-assessments-without-form ---------------------------------------------------


def _check_forms(ctx: DepartmentContext) -> Iterator[Hit]:
    claimed = ctx.department.claims.projects_self_assessed
    if claimed is None or not ctx.projects:
        return
    with_form = [p for p in ctx.projects if p.has_form]
    if len(with_form) >= claimed:
        return
    without = [p for p in ctx.projects if not p.has_form]
    yield Hit(
        "$.claims.projects_self_assessed",
        {"claimed": claimed, "forms": len(with_form)},
        expected=f"{claimed} 张项目支出绩效自评表",
        found=f"有自评表 {len(with_form)} 个" + (
            "；无自评表：" + "、".join(p.name for p in without) if without else ""),
    )


SELF_ASSESSMENTS_WITHOUT_FORM = Rule(
    code="D507",
    name="self-assessments-without-form",
    family="department",
    severity=Severity.WARNING,
    title="称已自评的项目缺少自评表",
    title_en="Projects said to be self-assessed lack a form",
    message="报告称对 {claimed} 个项目开展了绩效自评，但只有 {forms} 个项目附有自评表",
    message_en="the report says {claimed} projects were self-assessed, but only {forms} have a self-assessment form",
    summary="部门称开展绩效自评的项目个数多于实际附有自评表的项目案例个数。",
    summary_en="The department claims more self-assessed projects than there are project cases with a form.",
    rationale="每个开展自评的项目都应有自评表；没有表的“自评”无法复核，覆盖率是虚报的。",
    rationale_en="Every self-assessed project needs its form; an assessment without one cannot be checked, so the coverage is overstated.",
    source="财预〔2020〕10号 附件1；framework.md §5（S9：100% 自评覆盖）",
    bad='[claims]\nprojects_self_assessed = 2\n\n[[_projects]]\n\n'
    '[[_projects]]\n[_projects.project]\nname = "视频会议系统建设经费"\nhas_form = false',
    good='[claims]\nprojects_self_assessed = 2\n\n[[_projects]]\n\n'
    '[[_projects]]\n[_projects.project]\nname = "视频会议系统建设经费"',
    check=_check_forms,
    target="department",
)


# =========================================================================================
# D508 spending-booked-to-another-project
# =========================================================================================

_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(万元|元)")


def _to_wan(number: str, unit: str) -> Decimal:
    value = Decimal(number)
    return value if unit == "万元" else value / 10000


def _named(fragment: str, projects, exclude: str):
    """The project whose name the fragment names (one containing the other, ≥ 4 chars)."""
    fragment = fragment.strip("“”\"'《》 ")
    for project in projects:
        name = project.name
        if project.name == exclude or len(fragment) < 4:
            continue
        if fragment in name or name in fragment or name.startswith(fragment[:6]):
            return project
    return None


def _check_booked_elsewhere(ctx: DepartmentContext) -> Iterator[Hit]:
    pattern = re.compile(ctx.options["pattern"])
    for payer_index, payer in enumerate(ctx.projects):
        for match in pattern.finditer(payer.note):
            amount = _AMOUNT.search(match.group("amount"))
            host = _named(match.group("project"), ctx.projects, payer.name)
            if amount is None or host is None or not host.executed or not host.budget:
                continue
            spent_for_payer = _to_wan(*amount.groups())
            own = host.executed - spent_for_payer
            yield Hit(
                "$.claims",
                {"host": host.name, "payer": payer.name, "amount": money(spent_for_payer),
                 "executed": money(host.executed), "own": money(own),
                 "rate": pct(own / host.budget)},
                expected=f"{host.name} 自身执行数 = {money(host.executed)} − {money(spent_for_payer)}"
                         f" = {money(own)} 万元（{host.location}）",
                found=f"{payer.location} 资金备注：{match.group(0)}",
            )


BOOKED_ELSEWHERE = Rule(
    code="D508",
    name="spending-booked-to-another-project",
    family="department",
    severity=Severity.WARNING,
    title="一个项目的支出记在另一个项目名下",
    title_en="One project's spending booked to another project",
    message="“{payer}”的 {amount} 万元由“{host}”的预算支付：“{host}”报告执行 {executed} 万元，"
            "其自身支出只有 {own} 万元（执行率 {rate}），两个项目的执行率都不真实",
    message_en="{amount} 10k yuan of “{payer}” was paid from the budget of “{host}”: “{host}” reports "
               "{executed} 10k yuan executed but spent only {own} 10k yuan on itself ({rate}); neither "
               "project's execution rate is true",
    summary="同一部门的项目案例中，某项目的资金备注写明其部分支出“占用”另一项目的经费支付时，"
            "计算被占用项目扣除这笔钱后的真实执行数和执行率。",
    summary_en="When a project's funds note says part of its spending was paid from another "
               "project's budget, recompute the other project's own execution without it.",
    rationale="专款专用：项目之间挪用资金会让付款方显得 100% 执行、被付款方显得结余，"
              "两个项目的预算执行得分和“已完成”的说法都失去依据。",
    rationale_en="Funds are earmarked per project: paying one project from another makes the "
                 "payer look fully executed and the payee look underspent, so both execution "
                 "scores and completion claims lose their footing.",
    source="评审实践：framework.md §3.1（预算执行率）；《预算法》专款专用；种子文档 附件2 项目6 备注",
    bad="""
[[_projects]]
[_projects.project]
name = "电子政务外网光纤租用费"
[_projects.funds]
budget = 48.84
executed = 48.84

[[_projects]]
[_projects.project]
name = "移动云视讯会议系统运行服务费"
[_projects.funds]
budget = 10.30
executed = 4.80
note = "项目合同资金89820元，其中41790元占用电子政务外网光纤租用费支付。"
""",
    good="""
[[_projects]]
[_projects.project]
name = "电子政务外网光纤租用费"
[_projects.funds]
budget = 48.84
executed = 48.84

[[_projects]]
[_projects.project]
name = "移动云视讯会议系统运行服务费"
[_projects.funds]
budget = 10.30
executed = 8.98
note = "项目合同资金89820元，已全部由本项目支付。"
""",
    check=_check_booked_elsewhere,
    target="department",
    settings=(Setting("pattern", "regex",
                      "识别“某金额占用某项目经费支付”的正则表达式，须有 amount 与 project 两个命名组",
                      groups=("amount", "project"),
                      help_en="regular expression for \"an amount paid from another project's funds\"; needs named groups amount and project"),),
)


RULES = (
    TOTAL_DIFFERS_FROM_PARTS,
    SHARE_MISMATCH,
    CHANGE_MISMATCH,
    FIGURE_STATED_TWICE,
    PROJECT_SPENDING_VS_STATED,
    CLAIMS_CONTRADICT_PROJECTS,
    SELF_ASSESSMENTS_WITHOUT_FORM,
    BOOKED_ELSEWHERE,
)
