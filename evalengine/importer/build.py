"""From what the recogniser read (:class:`~.recognise.Draft`) to a :class:`~evalengine.model.Case`."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ..model import Case, FundRow, Funds, Goal, Indicator, Narrative, Project, Review, Unread
from ..review import few_cells
from ..standin import standin_name
from .labels import number
from .notes import INCOMPLETE_REASONS
from .recognise import Draft
from .settings import import_settings

__all__ = ["build_case", "incomplete_text", "placeholder_name", "source_text"]


def placeholder_name(stem: str, sheet: str, index: int) -> str:
    """The stand-in name of the ``index``-th form of a file (worded per language by
    :func:`evalengine.standin.shown_name`)."""
    return standin_name(f"{stem} {sheet}" if sheet else stem, index)


def source_text(shown: str, sheet: str, index: int, url: str, incomplete: list[str]) -> str:
    parts = [f"导入自 {shown}" + (f" 工作表“{sheet}”" if sheet else "") + f" 第{index}张表"]
    if url:
        parts.append(f"SOURCE: {url}")
    if incomplete:
        parts.append(f"不完整 (truncated/incomplete): {incomplete_text(incomplete)}")
    return "; ".join(parts)


def incomplete_text(incomplete: Sequence[str]) -> str:
    """``project.incomplete`` for a form the recogniser found cut off; "" when whole.

    A reason key it has no text for is kept as the key, so the form is never taken as whole.
    """
    return "；".join(INCOMPLETE_REASONS[r][0] if r in INCOMPLETE_REASONS else r
                    for r in incomplete)


def _unread(fields: dict[str, str] | None) -> Unread:
    return Unread(tuple(sorted(fields.items()))) if fields else Unread()


def section_unread(draft: Draft) -> dict[str, str]:
    """``[project] unread``: whole sections the form shows no trace of because it is cut off
    (before its beginning or after its end), or whose cells could not be placed."""
    out: dict[str, str] = {}
    cut_end = "truncated" in draft.incomplete
    cut_start = "headless" in draft.incomplete
    if not draft.has_table:
        out["indicators"] = "cut" if (cut_end or cut_start) else "unplaced"
    has_figures = any(k in draft.funds for k in ("budget", "executed", "initial_budget")) or any(
        any(k in r for k in ("budget", "executed", "initial_budget")) for r in draft.fund_rows)
    if not has_figures and ("funds", 0) not in draft.unread:
        if cut_start or draft.gap:
            out["funds"] = "cut"
        elif cut_end and not draft.has_table and not draft.fund_rows_seen:
            out["funds"] = "cut"  # the input ends before or inside the funds table
        elif draft.funds_lost or draft.funds_seen and (
                not draft.fund_rows_seen or _numbers_unplaced(draft) and not any(
                    k in draft.funds for k in ("claimed_rate", "claimed_weight", "claimed_score"))):
            # cells not placed, a funds header whose rows (not even their labels) were read,
            # or a funds table read empty while numbers of the form lie unplaced (a flattener
            # that moved the figures away from their labels): its figures were not read
            out["funds"] = "unplaced"
    if cut_start and not draft.goal:
        out["goal"] = "cut"
    if cut_end and not draft.narrative:
        out["narrative"] = "cut"  # (a total read at the top: its closing fields, see below)
    if review_reason(draft):
        # most of the form's cells were not placed: a section not read may be among them,
        # so it is not reported as printed blank
        if not has_figures:
            out.setdefault("funds", "unplaced")
        if not draft.goal:
            out.setdefault("goal", "unplaced")
    return out


def _closing_cut(draft: Draft) -> dict[str, str]:
    """The closing fields of a form cut off before them whose 自评总分 was read at its top:
    those fields are unread, the total is not."""
    n = draft.narrative
    if "truncated" not in draft.incomplete or not n or any(
            v for k, v in n.items() if k != "claimed_total"):
        return {}
    return {f: "cut" for f in ("conclusion", "problems", "measures", "deviation")}


def _numbers_unplaced(draft: Draft) -> bool:
    """Some number of the form was left unplaced (it may be a figure of a section read empty)."""
    return any(n.kind in ("unplaced", "ambiguous") and number(n.text) is not None
               for n in draft.notes)


def review_reason(draft: Draft) -> Review:
    """Why the form was read too poorly to score, as data (empty: it was read well enough)."""
    settings = import_settings()
    if draft.seen < settings.review_min_cells:
        return Review()
    share = Decimal(draft.placed) / Decimal(draft.seen)
    if share >= settings.review_below:
        return Review()
    return few_cells(draft.placed, draft.seen, settings.review_below)


def _dec(value: Any) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


def build_case(draft: Draft, *, name: str, source: str, profile: str | None) -> Case:
    p = draft.project
    project = Project(
        name=p.get("name") or draft.title_name or name,
        source=source,
        department=p.get("department", ""),
        implementer=p.get("implementer", ""),
        year=p.get("year"),
        profile=profile or draft.profile or "central-2020",
        code=p.get("code", ""),
        incomplete=incomplete_text(draft.incomplete),
        review=review_reason(draft),
        layout=draft.layout,
        unread=_unread({**section_unread(draft), **draft.unread.get(("project", 0), {})}),
    )
    f = draft.funds
    funds = Funds(
        budget=_dec(f.get("budget")),
        executed=_dec(f.get("executed")),
        initial_budget=_dec(f.get("initial_budget")),
        balance=_dec(f.get("balance")),
        claimed_rate=_dec(f.get("claimed_rate")),
        claimed_weight=_dec(f.get("claimed_weight")),
        claimed_score=_dec(f.get("claimed_score")),
        reason=f.get("reason", ""),
        adjustment_reason=f.get("adjustment_reason", ""),
        note=f.get("note", ""),
        rows=tuple(
            FundRow(
                source=r["source"],
                initial_budget=_dec(r.get("initial_budget")),
                budget=_dec(r.get("budget")),
                executed=_dec(r.get("executed")),
                unread=_unread(draft.unread.get(("funds.rows", n))),
            )
            for n, r in enumerate(draft.fund_rows)
        ),
        source=f.get("source", ""),
        unread=_unread(draft.unread.get(("funds", 0))),
    )
    goal = Goal(expected=draft.goal.get("expected", ""), actual=draft.goal.get("actual", ""),
                unread=_unread(draft.unread.get(("goal", 0))))
    indicators = tuple(
        Indicator(
            level1=i.get("level1", ""),
            level2=i.get("level2", ""),
            name=i.get("name", ""),
            target=i.get("target", ""),
            actual=i.get("actual", ""),
            operator=i.get("operator", ""),
            unit=i.get("unit", ""),
            weight=_dec(i.get("weight")),
            score=_dec(i.get("score")),
            item_score=_dec(i.get("item_score")),
            weight_share=_dec(i.get("weight_share")),
            deviation=i.get("deviation", ""),
            unread=_unread(draft.unread.get(("indicators", n))),
        )
        for n, i in enumerate(draft.indicators)
    )
    n = draft.narrative
    narrative = Narrative(
        completion=n.get("completion", ""),
        benefit=n.get("benefit", ""),
        conclusion=n.get("conclusion", ""),
        problems=n.get("problems", ""),
        measures=n.get("measures", ""),
        claimed_total=_dec(n.get("claimed_total")),
        claimed_grade=n.get("claimed_grade", ""),
        unread=_unread({**_closing_cut(draft), **draft.unread.get(("narrative", 0), {})}),
    )
    return Case(project=project, funds=funds, goal=goal, indicators=indicators,
                narrative=narrative)
