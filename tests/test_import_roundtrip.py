"""Property (issue 10 §6): a case exported with ``export-form`` and flattened to text in
each shape published forms come in (tests/corpus/variants.py) imports back with every field
it reads equal to the case's -- what it cannot place is declared unread, never a wrong value.

The cases are generated: a project with its funds row (执行率 = 执行数 / 预算数, 得分 = 分值 ×
执行率, as the form's arithmetic has it) and indicator rows whose targets and actuals are
figures with units and operators, weights and scores with 得分 ≤ 分值.
"""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evalengine.loader import parse_document

from corpus import variants
from corpus.harness import WRONG

# words for names that hold no label of any layout (no 指标, 得分, 分值 …)
_CHARS = "培训宣传活动项目建设村道路维修设备购置群众医疗补助发放覆盖户人员改造工程"
_LEVELS = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
           ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")]
_UNITS = ["人", "次", "个", "户", "%", "万元", "公里"]


@st.composite
def cases(draw):  # type: ignore[no-untyped-def]
    budget = Decimal(draw(st.integers(100, 99999))) / 100
    executed = (budget * Decimal(draw(st.integers(50, 100))) / 100).quantize(Decimal("0.01"))
    rate = (executed / budget * 100).quantize(Decimal("0.01"))
    score = (10 * rate / 100).quantize(Decimal("0.01"))
    rows = []
    for n in range(draw(st.integers(2, 5))):
        level1, level2 = draw(st.sampled_from(_LEVELS))
        unit = draw(st.sampled_from(_UNITS))
        top = 100 if unit == "%" else 500  # a rate or a satisfaction is at most 100 %
        target = draw(st.integers(1, top))
        actual = draw(st.integers(1, top))
        weight = draw(st.integers(2, 30))
        rows.append({
            "level1": level1, "level2": level2,
            "name": draw(st.text(alphabet=_CHARS, min_size=4, max_size=10)) + f"{n + 1}号",
            "target": draw(st.sampled_from(["≥", "≤", ""])) + f"{target}{unit}",
            "actual": draw(st.sampled_from([f"{actual}{unit}", "完成", "达标"])),
            "weight": weight, "score": draw(st.integers(0, weight)),
        })
    return {
        "project": {"name": draw(st.text(alphabet=_CHARS, min_size=4, max_size=12)) + "项目",
                    "source": "generated", "department": "某县财政局", "implementer": "某县某中心",
                    "year": 2022},
        "funds": {"budget": budget, "executed": executed, "claimed_rate": rate,
                  "claimed_weight": 10, "claimed_score": score},
        "indicators": rows,
    }


# Two shapes are measured (benchmarks/variant_accuracy.py), not asserted:
# * ``ocr``: a ≥ that OCR read as 2 before a count (≥1人 → 21人) is a count starting with 2
#   to anyone reading the text, and is left as printed unless its context says otherwise;
# * ``oneline``: with no boundary anywhere, a header value that ends in a label's first word
#   (人人项目 | 主管部门, or 人人 | 项目主管部门) cannot be told, nor always where one row's
#   figures end and the next row's name begins.
SHAPES = sorted(set(variants.SHAPES) - {"ocr", "oneline"})


@pytest.mark.parametrize("shape", SHAPES)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=cases())
def test_an_exported_case_flattened_imports_back_with_no_wrong_value(shape, doc):
    case = parse_document(copy.deepcopy(doc))
    assert not isinstance(case, tuple), case
    imported, fields = variants.run_variant("generated", case, doc, shape)
    assert imported == 1
    wrong = [f"{f.path}: {f.expected!r} → {f.got!r} ({f.status})" for f in fields
             if f.status in WRONG and f.status != "missed"]
    assert wrong == []


# as the collection writes them: at most one line of each kind, in any order
_ANNOTATIONS = st.tuples(
    st.sampled_from(["", "SOURCE: http://example.gov.cn/a.html"]),
    st.sampled_from(["", "LAYOUT: sichuan-510000", "LAYOUT: central-2020", "LAYOUT: 部门整体"]),
    st.sampled_from(["", "TRUNCATED at 满意度指标", "TRUNCATED"]),
).map(lambda kinds: [k for k in kinds if k]).filter(bool).flatmap(st.permutations)


@pytest.mark.parametrize("shape", ["tab", "pipe", "glued", "cells"])
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=cases(), lines=_ANNOTATIONS)
def test_annotation_lines_change_nothing_but_the_source(shape, doc, lines):
    """The collection's ``SOURCE:``/``LAYOUT:``/``TRUNCATED`` lines are no part of a form: a
    misleading LAYOUT or TRUNCATED line above a whole form changes nothing it reads."""
    import attrs

    from evalengine.importer import import_text

    case = parse_document(copy.deepcopy(doc))
    text = variants.SHAPES[shape](variants.grid(case))
    plain = import_text(text.encode("utf-8")).forms
    annotated = import_text(("\n".join(lines) + "\n" + text).encode("utf-8")).forms

    def bare(c):  # type: ignore[no-untyped-def]
        return attrs.evolve(c, project=attrs.evolve(c.project, source=""))

    assert [bare(f.case) for f in annotated] == [bare(f.case) for f in plain]
    assert [f.notes for f in annotated] == [f.notes for f in plain]
