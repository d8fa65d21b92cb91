"""What issue #3 says `evalengine score cases/2021` must flag in the seed, and more."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalengine.engine import run

SEED = Path(__file__).resolve().parent.parent / "cases" / "2021"


@pytest.fixture(scope="module")
def found():
    report = run([SEED])
    assert report.failures == ()
    return {(Path(f.location).name, f.code, f.path) for f in report.findings}


@pytest.mark.parametrize(
    ("file", "code", "path", "why"),
    [
        ("04-guochanhua-shebei.toml", "F101", "$.narrative.benefit",
         "国产化: nothing paid, yet the goal is reported as achieved"),
        ("04-guochanhua-shebei.toml", "N401", "$.narrative.conclusion",
         "国产化: 项目完成情况 未完成, conclusion positive, 存在问题 无"),
        ("04-guochanhua-shebei.toml", "F105", "$.funds.balance", "国产化: 20.40 − 0 ≠ 结余 0"),
        ("06-yidong-yunshixun.toml", "F101", "$.narrative.completion",
         "移动云视讯: 46.6% spent, reported complete"),
        ("06-yidong-yunshixun.toml", "N401", "$.narrative.conclusion",
         "移动云视讯: success conclusion and no problems"),
        ("06-yidong-yunshixun.toml", "F111", "$.funds.note",
         "移动云视讯: 41790元 paid from another project's budget"),
        ("01-zhaoshang-yinzi.toml", "I301", "$.indicators[8].actual", "满意度 answered by 完成"),
        ("02-anquan-weiwen.toml", "I301", "$.indicators[8].actual", "满意度 answered by 完成"),
        ("03-dianzi-zhengwu.toml", "I301", "$.indicators[8].actual", "满意度 answered by 完成"),
        ("07-shizhi-bianji.toml", "I301", "$.indicators[8].actual", "满意度 answered by 完成"),
        ("01-zhaoshang-yinzi.toml", "I302", "$.indicators[1].target",
         "招商 质量 target 市级下达任务数 cannot be measured"),
        ("01-zhaoshang-yinzi.toml", "I306", "$.indicators[8].actual", "satisfaction with no survey"),
        ("department.toml", "D504", "$.figures[152].value", "基本支出 766.94 vs 766.91"),
        ("department.toml", "D504", "$.figures[137].value", "下属二级单位 0 个 in 机构设置, 1 个 in 附件1"),
        ("department.toml", "D506", "$.claims.funds_fully_spent",
         "附件1 '100%使用完成' while projects hold unspent money"),
        ("department.toml", "D508", "$.claims", "电子政务's 100% includes 云视讯's 41790元"),
        ("05-shipin-huiyi.toml", "N404", "$.project.has_form", "a project without its 自评表"),
    ],
)
def test_seed_finding(found, file, code, path, why):
    assert (file, code, path) in found, why
