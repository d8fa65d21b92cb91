"""Reports in prose nobody here has seen, written from the cases we have checked by hand.

Two thirds of the published pages the blind corpus holds are self-assessment reports in
prose (项目支出绩效自评报告, 部门整体支出绩效自评报告, 绩效自评情况的报告, 绩效评价报告),
not forms.  The table harness (variants.py) re-flattens forms; this one re-words them: each
hand-checked case (tests/corpus/expected, holdout forms 01–40's expected, cases/2021) is
written as a report in each of the phrasing styles below and imported back, and the fields
the report states are compared as the corpus harness does (harness.compare_case).

The styles are built from how published reports of many provinces word these things (title
lines, site chrome, money sentences, indicator items); no report's text is copied:

* ``outline``   title line ``2022年度…支出绩效自评报告``; 一、二、三、 sections; money
                ``年初预算…万元，全年预算数…万元，全年执行数…万元，预算执行率…%``;
                indicators numbered under 一级 headings (``1.数量指标：名，目标值…，实际完成…，
                分值…分，得分…分``); ``自评得分…分``
* ``web``       a web page: breadcrumbs, 索引号 / 发布日期 / 来源 rows before the title
                ``关于…绩效自评情况的报告``; ``现将…报告如下``; money in 元 with thousands
                separators (``下达资金…元，已支付…元，支付率…%``); indicators as paragraphs per
                二级 (``数量指标方面，名目标值为…，实际完成值为…；…``); ``综合评价得分为…分``
* ``labelled``  a unit before the title (``单位2022年…项目绩效自评报告``), 主管部门 / 实施单位
                stated in a sentence; ``资金到位…万元，实际支出…万元，资金执行率…%``;
                indicators as ``（1）名。预期目标：…；完成情况：…。`` under ``1.数量指标``
* ``reversed``  a subtitle line (``——2022年度…``) under a title naming only 项目支出;
                money with 调整后预算 / 执行数 and 万 alone; ``一是名实际完成…，目标值为…，
                得分…分`` (actual before target); ``自评结果：得分…分，等级为“优”``
* ``lists``     the targets as a numbered list under ``二、绩效目标``, the actuals as a later
                list under ``三、绩效目标完成情况`` (paired by name); amounts in 元, no rate
* ``oneline``   ``outline`` glued into one run, as a page copied without its line breaks
* ``named``     ``指标名称：名，目标值：…，实际值：…`` items marked ①②③, the year only in the
                body (``2023年，…``), the title ``…绩效评价（自评）报告``

What a style does not state is not judged where a reader could fairly infer it (an
indicator's 一级 from its 二级): those fields are left out.  What it does not state and no
reader could infer (a 其中 row, a budget row's 分值) is expected blank, so a value read there
counts as invented.  Measured by ``python benchmarks/prose_accuracy.py``;
``tests/test_prose_variants.py`` holds a floor and a ceiling of wrong values per style.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from evalengine.importer import import_text
from evalengine.loader import load_paths
from evalengine.model import Case, Indicator

from .harness import PLACEHOLDER_NAME, FieldResult, Tally, compare_case, flat_expected, \
    flat_imported, match_cases, tally

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
HOLDOUT_FIX = 40  # holdout forms 01-40 are fix forms; 41 and above are blind, never read


# ---------------------------------------------------------------------------------------
# Sources: (id, case)
# ---------------------------------------------------------------------------------------

def _holdout_fix(path: Path) -> bool:
    m = re.match(r"(\d+)", path.stem)
    return bool(m) and int(m.group(1)) <= HOLDOUT_FIX


def sources() -> list[tuple[str, Case]]:
    paths = [(p.stem, p) for p in sorted((HERE / "expected").glob("*.toml"))]
    paths += [(f"h{p.stem}", p) for p in sorted((HERE / "holdout" / "expected").glob("*.toml"))
              if _holdout_fix(p)]
    paths += [(f"2021/{p.stem}", p) for p in sorted((ROOT / "cases" / "2021").glob("*.toml"))]
    out = []
    for ident, path in paths:
        results = list(load_paths([path]))
        if len(results) == 1 and isinstance(results[0].document, Case):
            out.append((ident, results[0].document))
    return out


# ---------------------------------------------------------------------------------------
# What a report can state, read off the case
# ---------------------------------------------------------------------------------------

OPERATORS = {"=": "", "＝": "", ">=": "≥", "≥": "≥", "<=": "≤", "≤": "≤", ">": ">", "<": "<"}


@attrs.frozen
class Item:
    """One indicator as a report prints it: its target and actual as written."""

    level1: str
    level2: str
    name: str
    target: str
    actual: str
    weight: Decimal | None
    score: Decimal | None


@attrs.frozen
class Facts:
    name: str
    year: int | None
    department: str
    implementer: str
    initial_budget: Decimal | None
    budget: Decimal | None
    executed: Decimal | None
    rate: Decimal | None
    items: tuple[Item, ...]
    total: Decimal | None


def _known(record: Any, key: str) -> Any:
    value = getattr(record, key, None)
    unread = getattr(record, "unread", None)
    if unread is not None and key in dict(unread):
        return None
    return value


def _text(value: Any) -> str:
    return re.sub(r"\s+", "", str(value)) if value not in (None, "") else ""


def _item(i: Indicator) -> Item | None:
    name = _text(_known(i, "name"))
    if not name:
        return None
    target, actual = _text(_known(i, "target")), _text(_known(i, "actual"))
    op = _text(_known(i, "operator"))
    unit = _text(_known(i, "unit"))
    if unit.startswith("%"):
        unit = "%"
    if op in OPERATORS and target and re.fullmatch(r"[\d.]+", target):
        # a Sichuan row's 指标性质 | 指标值 | 度量单位 written as one target, as a report does
        target = OPERATORS[op] + target + (unit if not re.search(r"定性|定量", unit) else "")
        if actual and re.fullmatch(r"[\d.]+", actual) and unit == "%":
            actual += "%"
    if not target and not actual:
        return None
    return Item(_text(_known(i, "level1")), _text(_known(i, "level2")), name, target, actual,
                _known(i, "weight"), _known(i, "score"))


def facts(case: Case) -> Facts:
    p, f = case.project, case.funds
    name = _text(_known(p, "name"))
    if name.startswith(PLACEHOLDER_NAME):
        name = ""
    funds_cut = "funds" in dict(p.unread or {})
    money = (lambda k: None) if funds_cut else (lambda k: _known(f, k))
    inds_cut = "indicators" in dict(p.unread or {})
    items = () if inds_cut else tuple(x for x in map(_item, case.indicators) if x)
    return Facts(name, _known(p, "year"), _text(_known(p, "department")),
                 _text(_known(p, "implementer")), money("initial_budget"), money("budget"),
                 money("executed"), money("claimed_rate"), items,
                 None if "narrative" in dict(p.unread or {})
                 else _known(case.narrative, "claimed_total"))


# ---------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------

CN = "一二三四五六七八九十"


def cn(n: int) -> str:
    """1 → 一 … 10 → 十, 11 → 十一 … 99 (section markers)."""
    if n <= 10:
        return CN[n - 1]
    tens, ones = divmod(n, 10)
    return (CN[tens - 1] if tens > 1 else "") + "十" + (CN[ones - 1] if ones else "")


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def num(value: Decimal) -> str:
    text = format(value.normalize(), "f") if value == value.to_integral() \
        else format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def wan(value: Decimal, suffix: str = "万元") -> str:
    return num(value) + suffix


def yuan(value: Decimal) -> str:
    """万元 written in 元 with thousands separators and two decimals (1,200,000.00元)."""
    return f"{(value * 10000).quantize(Decimal('0.01')):,}元"


def report_name(name: str, tail: str = "支出") -> str:
    """The project part of a title: 项目/资金/经费 names take 支出 before the naming words."""
    return name + tail if name.endswith(("项目", "资金", "经费")) else name


@attrs.frozen
class Stated:
    """What one report states: the expected document, and the fields left unjudged."""

    text: str
    doc: dict[str, Any]
    unjudged: frozenset[str]  # field kinds ("indicator.level1") not compared


def _doc(fx: Facts, *, department: bool, implementer: bool, money: Sequence[str],
         rate: bool, items: Sequence[Item], weights: bool, scores: bool, total: bool,
         year: bool = True, name: bool = True, scale: int = 1) -> dict[str, Any]:
    project: dict[str, Any] = {}
    if name and fx.name:
        project["name"] = fx.name
    if year and fx.year:
        project["year"] = fx.year
    if department and fx.department:
        project["department"] = fx.department
    if implementer and fx.implementer:
        project["implementer"] = fx.implementer
    # a report whose sums are all in 元 is read as printed, as a form's 元 column is
    funds = {k: getattr(fx, k) * scale for k in money if getattr(fx, k) is not None}
    if rate and fx.rate is not None:
        funds["claimed_rate"] = fx.rate
    inds = []
    for it in items:
        d: dict[str, Any] = {"level1": it.level1, "level2": it.level2, "name": it.name}
        if it.target:
            d["target"] = it.target
        if it.actual:
            d["actual"] = it.actual
        if weights and it.weight is not None:
            d["weight"] = it.weight
        if scores and it.score is not None:
            d["score"] = it.score
        inds.append(d)
    narrative = {"claimed_total": fx.total} if total and fx.total is not None else {}
    return {"project": project, "funds": funds, "indicators": inds, "narrative": narrative}


def _groups(items: Sequence[Item], key: Callable[[Item], str]) -> list[tuple[str, list[Item]]]:
    out: list[tuple[str, list[Item]]] = []
    for it in items:
        k = key(it)
        if out and out[-1][0] == k:
            out[-1][1].append(it)
        else:
            out.append((k, [it]))
    return out


def _points(it: Item, weights: bool, scores: bool) -> str:
    s = ""
    if weights and it.weight is not None:
        s += f"，分值{num(it.weight)}分"
    if scores and it.score is not None:
        s += f"，得分{num(it.score)}分"
    return s


def _units(fx: Facts) -> str:
    return f"（主管部门：{fx.department}；实施单位：{fx.implementer}）" \
        if fx.department and fx.implementer else ""


def outline(fx: Facts) -> Stated:
    lines = []
    if fx.name:
        lines.append(f"{fx.year or ''}{'年度' if fx.year else ''}{report_name(fx.name)}"
                     "绩效自评报告")
    lines.append("一、项目基本情况")
    said_units = bool(fx.department and fx.implementer)
    if said_units:
        lines.append(f"本项目主管部门：{fx.department}。实施单位：{fx.implementer}。")
    lines.append("二、项目资金使用情况")
    money = []
    for key, word in (("initial_budget", "年初预算"), ("budget", "全年预算数"),
                      ("executed", "全年执行数")):
        if getattr(fx, key) is not None:
            money.append(f"{word}{wan(getattr(fx, key))}")
    if fx.rate is not None:
        money.append(f"预算执行率{num(fx.rate)}%")
    if money:
        lines.append("本项目" + "，".join(money) + "。")
    lines.append("三、绩效指标完成情况")
    for n, (l1, group) in enumerate(_groups(fx.items, lambda i: i.level1), 1):
        lines.append(f"（{cn(n)}）{l1 or '绩效指标'}")
        for k, it in enumerate(group, 1):
            parts = [f"{k}.{it.level2 + '：' if it.level2 else ''}{it.name}"]
            if it.target:
                parts.append(f"目标值{it.target}")
            if it.actual:
                parts.append(f"实际完成{it.actual}")
            lines.append("，".join(parts) + _points(it, True, True) + "。")
    lines.append("四、自评结论")
    if fx.total is not None:
        lines.append(f"经自评，本项目自评得分{num(fx.total)}分。")
    lines.append("五、存在的问题及改进措施")
    lines.append("部分指标设置不够细化，下一步将加强绩效目标管理。")
    text = "\n".join(lines) + "\n"
    doc = _doc(fx, department=said_units, implementer=said_units,
               money=("initial_budget", "budget", "executed"), rate=True, items=fx.items,
               weights=True, scores=True, total=True)
    return Stated(text, doc, frozenset())


def oneline(fx: Facts) -> Stated:
    s = outline(fx)
    return Stated(s.text.replace("\n", "") + "\n", s.doc, s.unjudged)


CHROME = ["首页 > 政务公开 > 财政信息 > 预算绩效", "索引号：11000000/2023-00152",
          "发布日期：2023-05-26", "来源：本站", "浏览次数：268", "【字体：大 中 小】"]


def web(fx: Facts) -> Stated:
    lines = list(CHROME)
    year = f"{fx.year}年度" if fx.year else ""
    if fx.name:
        lines.append(f"关于{year}{fx.name}绩效自评情况的报告")
    lines.append("根据预算绩效管理有关要求，我单位对项目开展了绩效自评，现将有关情况报告如下：")
    lines.append("一、基本情况")
    money = []
    if fx.budget is not None:
        money.append(f"下达资金{yuan(fx.budget)}")
    if fx.executed is not None:
        money.append(f"已支付{yuan(fx.executed)}")
    if fx.rate is not None:
        money.append(f"支付率{num(fx.rate)}%")
    if money:
        lines.append(f"{fx.year or ''}{'年' if fx.year else ''}该项目" + "，".join(money) + "。")
    lines.append("二、绩效目标完成情况")
    for l2, group in _groups(fx.items, lambda i: i.level2):
        clauses = []
        for it in group:
            parts = [f"{it.name}目标值为{it.target}" if it.target else it.name]
            if it.actual:
                parts.append(f"实际完成值为{it.actual}")
            clauses.append("，".join(parts))
        lines.append(f"{l2 or '其他指标'}方面，" + "；".join(clauses) + "。")
    if fx.total is not None:
        lines.append(f"三、自评结论\n经综合评价，本项目综合评价得分为{num(fx.total)}分，"
                     "自评等级为优。")
    text = "\n".join(lines) + "\n"
    doc = _doc(fx, department=False, implementer=False, money=("budget", "executed"),
               rate=True, items=fx.items, weights=False, scores=False, total=True, scale=10000)
    return Stated(text, doc, frozenset({"indicator.level1"}))


def labelled(fx: Facts) -> Stated:
    lines = []
    if fx.name:
        lines.append(f"{fx.implementer or ''}{fx.year or ''}{'年' if fx.year else ''}"
                     f"{report_name(fx.name, '')}绩效自评报告")
    said_units = bool(fx.department and fx.implementer)
    lines.append("一、项目概况")
    if said_units:
        lines.append(f"该项目主管部门为{fx.department}，实施单位为{fx.implementer}。")
    money = []
    if fx.budget is not None:
        money.append(f"资金到位{wan(fx.budget)}")
    if fx.executed is not None:
        money.append(f"实际支出{wan(fx.executed)}")
    if fx.rate is not None:
        money.append(f"资金执行率{num(fx.rate)}%")
    if money:
        lines.append("二、资金使用情况")
        lines.append("，".join(money) + "。")
    lines.append("三、绩效指标完成情况")
    for n, (l2, group) in enumerate(_groups(fx.items, lambda i: i.level2), 1):
        lines.append(f"{n}.{l2 or '其他指标'}")
        for k, it in enumerate(group, 1):
            parts = [f"（{k}）{it.name}。"]
            if it.target:
                parts.append(f"预期目标：{it.target}{'；' if it.actual else '。'}")
            if it.actual:
                parts.append(f"完成情况：{it.actual}。")
            lines.append("".join(parts))
    text = "\n".join(lines) + "\n"
    doc = _doc(fx, department=said_units, implementer=said_units,
               money=("budget", "executed"), rate=True, items=fx.items, weights=False,
               scores=False, total=False)
    return Stated(text, doc, frozenset({"indicator.level1"}))


def reversed_(fx: Facts) -> Stated:
    lines = [f"{fx.year or ''}{'年度' if fx.year else ''}项目支出绩效自评报告"]
    if fx.name:
        lines.append(f"——{fx.name}")
    lines.append("一、项目资金情况")
    money = []
    if fx.initial_budget is not None:
        money.append(f"年初预算数为{wan(fx.initial_budget, '万')}")
    if fx.budget is not None:
        money.append(f"调整后预算{wan(fx.budget, '万')}")
    if fx.executed is not None:
        money.append(f"执行数{wan(fx.executed, '万')}")
    if money:
        lines.append("，".join(money) + "。")
    lines.append("二、绩效目标实现情况")
    for l1, group in _groups(fx.items, lambda i: i.level1):
        lines.append(f"{l1 or '绩效指标'}完成情况：")
        clauses = []
        for k, it in enumerate(group, 1):
            parts = [f"{cn(k)}是{it.name}" + (f"实际完成{it.actual}" if it.actual else "")]
            if it.target:
                parts.append(f"目标值为{it.target}")
            clauses.append("，".join(parts) + _points(it, False, True))
        lines.append("；".join(clauses) + "。")
    if fx.total is not None:
        lines.append(f"三、自评结果\n自评结果：得分{num(fx.total)}分，等级为“优”。")
    text = "\n".join(lines) + "\n"
    doc = _doc(fx, department=False, implementer=False,
               money=("initial_budget", "budget", "executed"), rate=False, items=fx.items,
               weights=False, scores=True, total=True)
    return Stated(text, doc, frozenset({"indicator.level2"}))


def lists(fx: Facts) -> Stated:
    lines = []
    if fx.name:
        lines.append(f"{fx.year or ''}{'年' if fx.year else ''}{report_name(fx.name)}绩效自评报告")
    lines.append("一、项目基本情况")
    money = []
    if fx.budget is not None:
        money.append(f"全年预算{yuan(fx.budget)}")
    if fx.executed is not None:
        money.append(f"实际支出{yuan(fx.executed)}")
    if money:
        lines.append("本项目" + "，".join(money) + "。")
    with_target = [it for it in fx.items if it.target]
    with_actual = [it for it in fx.items if it.actual]
    lines.append("二、绩效目标")
    for k, it in enumerate(with_target, 1):
        lines.append(f"{k}.{it.name}：{it.target}；")
    lines.append("三、绩效目标完成情况")
    for k, it in enumerate(with_actual, 1):
        lines.append(f"{k}.{it.name}：{it.actual}；")
    lines.append("四、存在的问题\n项目实施进度有待加快。")
    text = "\n".join(lines) + "\n"
    doc = _doc(fx, department=False, implementer=False, money=("budget", "executed"),
               rate=False, items=fx.items, weights=False, scores=False, total=False,
               scale=10000)
    return Stated(text, doc, frozenset({"indicator.level1", "indicator.level2"}))


def named(fx: Facts) -> Stated:
    lines = []
    if fx.name:
        lines.append(f"{report_name(fx.name, '')}绩效评价（自评）报告")
    lines.append("一、基本情况")
    money = []
    if fx.initial_budget is not None:
        money.append(f"年初预算资金{wan(fx.initial_budget)}")
    if fx.executed is not None:
        money.append(f"实际使用{wan(fx.executed)}")
    if money or fx.year:
        lines.append(f"{fx.year or ''}{'年，' if fx.year else ''}本项目" + "，".join(money) + "。")
    lines.append("二、绩效指标完成情况")
    for l2, group in _groups(fx.items, lambda i: i.level2):
        lines.append(f"{l2 or '其他指标'}：")
        for k, it in enumerate(group):
            mark = CIRCLED[k] if k < len(CIRCLED) else f"{k + 1}."
            parts = [f"{mark}指标名称：{it.name}"]
            if it.target:
                parts.append(f"目标值：{it.target}")
            if it.actual:
                parts.append(f"实际值：{it.actual}")
            lines.append("，".join(parts) + _points(it, True, False) + "。")
    if fx.total is not None:
        lines.append(f"三、自评结论\n本项目自评综合得分{num(fx.total)}分。")
    text = "\n".join(lines) + "\n"
    doc = _doc(fx, department=False, implementer=False,
               money=("initial_budget", "executed"), rate=False, items=fx.items,
               weights=True, scores=False, total=True)
    return Stated(text, doc, frozenset({"indicator.level1"}))


def _titled(style: Callable[[Facts], Stated]) -> Callable[[Facts], Stated]:
    """A report whose case prints no project name still has a title: one naming none; and
    a report ends with a sentence (its problems and measures), not at a heading."""
    def write(fx: Facts) -> Stated:
        stated = style(fx)
        glue = "" if stated.text.count("\n") == 1 else "\n"
        text = stated.text
        if not text.rstrip("\n").endswith("。"):
            text = text.rstrip("\n") + glue + "存在的问题和改进措施" + glue + \
                "个别指标完成进度偏慢，下一步将加强跟踪管理。\n"
        if not fx.name and "报告" not in text.split("\n")[0]:
            year = f"{fx.year}年度" if fx.year else ""
            text = f"{year}项目支出绩效自评报告{glue}{text}"
        return attrs.evolve(stated, text=text)
    return write


STYLES: dict[str, Callable[[Facts], Stated]] = {
    name: _titled(fn) for name, fn in {
        "outline": outline, "web": web, "labelled": labelled, "reversed": reversed_,
        "lists": lists, "oneline": oneline, "named": named}.items()
}


# ---------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------

def run_variant(ident: str, case: Case, style: str) -> tuple[int, list[FieldResult]]:
    """(cases imported, field results) of one source written in one style."""
    stated = STYLES[style](facts(case))
    try:
        got = [f.case for f in import_text(stated.text.encode("utf-8"), stem=ident).forms]
    except Exception:  # noqa: BLE001 - a crash counts as nothing imported
        got = []
    fields: list[FieldResult] = []
    for stem, e, g in match_cases([(ident, flat_expected(stated.doc))],
                                  [flat_imported(c) for c in got]):
        fields += [f for f in compare_case(f"{ident}@{style}", stem, e, g)
                   if f.kind not in stated.unjudged]
    return len(got), fields


def run_all(styles: Iterable[str] = STYLES, limit: int | None = None
            ) -> dict[str, tuple[int, int, Tally, list[FieldResult]]]:
    """style → (sources imported, sources, tally, fields)."""
    srcs = sources()[:limit]
    out = {}
    for style in styles:
        imported, fields = 0, []
        for ident, case in srcs:
            n, f = run_variant(ident, case, style)
            imported += n > 0
            fields += f
        out[style] = (imported, len(srcs), tally(fields), fields)
    return out


def wrong_values(t: Tally) -> int:
    """Fields given a value the report does not state (wrong, spurious, invented)."""
    return t.counts["wrong"] + t.counts["spurious"] + t.counts["invented"]


def main(argv: Sequence[str] | None = None) -> int:
    import argparse
    from collections import Counter

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("styles", nargs="*", default=list(STYLES))
    ap.add_argument("--wrong", action="store_true", help="list every field not right")
    ap.add_argument("--show", metavar="ID", help="print the report written for one source")
    args = ap.parse_args(argv)
    if args.show:
        case = dict(sources())[args.show]
        for style in args.styles:
            print(f"=== {style}\n{STYLES[style](facts(case)).text}")
        return 0
    results = run_all(args.styles)
    print(f"{'style':<10} {'imported':>9} {'right':>6} {'wrong':>6} {'missed':>6} "
          f"{'judged':>6} {'accuracy':>8}")
    total: Counter[str] = Counter()
    for style, (imp, n, t, _) in results.items():
        total += t.counts
        print(f"{style:<10} {imp:>4}/{n:<4} {t.counts['right']:>6} {wrong_values(t):>6} "
              f"{t.counts['missed']:>6} {t.judged:>6} {t.accuracy:>8.1%}")
    t = Tally(total)
    print(f"{'all':<10} {'':>9} {t.counts['right']:>6} {wrong_values(t):>6} "
          f"{t.counts['missed']:>6} {t.judged:>6} {t.accuracy:>8.1%}")
    print(f"\n{'field':<24} " + " ".join(f"{s[:8]:>8}" for s in results))
    kinds = sorted({f.kind for _, _, _, fs in results.values() for f in fs})
    for kind in kinds:
        cells = []
        for _, _, _, fs in results.values():
            k = tally(f for f in fs if f.kind == kind)
            cells.append(f"{k.accuracy:>7.0%}{'!' if wrong_values(k) else ' '}"
                         if k.judged else f"{'-':>8}")
        print(f"{kind:<24} " + " ".join(cells))
    print("(! = some value given that the report does not state)")
    if args.wrong:
        for style, (_, _, _, fields) in results.items():
            for f in fields:
                if f.status not in ("right", "unread"):
                    print(f"{f.form}\t{f.path}\t{f.status}\t{f.expected!r}\t{f.got!r}")
    return 0
