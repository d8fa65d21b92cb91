"""rules/vocabulary.toml: loaded strictly, one list per idea."""

from __future__ import annotations

import pytest

from evalengine.loader import ConfigError
from evalengine.resources import rules_dir
from evalengine.vocabulary import load_vocabulary, read_vocabulary


def test_shipped_vocabulary_loads_and_is_cached():
    vocabulary = load_vocabulary()
    assert vocabulary is load_vocabulary()
    assert "节选" in vocabulary.truncation.words and "表尾" in vocabulary.truncation.words
    assert "尚未" in vocabulary.negation.words


def test_cut_off_words_are_one_list_for_every_rule():
    """节选 cut a form off for the indicator rules only, 表尾 for the score rules only."""
    from rulekit import build_case, run_rule

    from evalengine.checks.registry import BUILTIN_RULES
    from evalengine.facts import is_truncated

    for source, cut in (("某县公开的自评表（节选）", True), ("Only the TAIL of the table", True),
                        ("表尾缺失", True), ("某县财政局公开", False)):
        assert is_truncated(build_case(f'[project]\nsource = "{source}"\n')) is cut
    # S217 (a total above what the visible rows allow, on a cut-off form) now knows 节选
    s217 = next(r for r in BUILTIN_RULES if r.code == "S217")
    fires = next(c.toml for c in s217.cases if not c.passes)
    assert 'incomplete = "cut off after the first rows"' in fires
    excerpt = fires.replace('incomplete = "cut off after the first rows"', 'source = "某县公开的自评表（节选）"')
    whole = fires.replace('incomplete = "cut off after the first rows"', 'source = "某县公开的自评表"')
    assert len(run_rule(s217, excerpt)) == 1 and run_rule(s217, whole) == ()


SHIPPED = (rules_dir() / "vocabulary.toml").read_text(encoding="utf-8")


def _edited(tmp_path, old: str, new: str):
    assert old in SHIPPED
    path = tmp_path / "vocabulary.toml"
    path.write_text(SHIPPED.replace(old, new, 1), encoding="utf-8")
    return path


def test_unknown_key_is_a_load_error_with_its_key_path(tmp_path):
    with pytest.raises(ConfigError) as exc:
        read_vocabulary(_edited(tmp_path, "[negation]\n", '[negation]\nwrods = ["未"]\n'))
    assert "$.negation.wrods" in str(exc.value)


def test_a_word_given_twice_or_empty_is_a_load_error(tmp_path):
    with pytest.raises(ConfigError) as exc:
        read_vocabulary(_edited(tmp_path, 'words = ["truncated", ', 'words = ["节选", " ", "truncated", '))
    message = str(exc.value)
    assert "$.truncation.words[1]" in message and "empty word" in message
    assert "given twice" in message and "节选" in message


def test_a_lone_text_for_a_list_is_a_load_error(tmp_path):
    with pytest.raises(ConfigError) as exc:
        read_vocabulary(_edited(tmp_path, 'missed = ["否", "差"]', 'missed = "否"'))
    assert "$.claims.missed: expected-texts" in str(exc.value)


# --- the value parser over the vocabulary --------------------------------------------------

from evalengine.values import Claim, ClaimLevel, Quantity, TokenKind, When, lex, parse_value, text_level  # noqa: E402


def test_lex_gives_typed_tokens():
    tokens = lex("辖区企业满意率达95%以上。")
    assert [(t.kind, t.text) for t in tokens] == [
        (TokenKind.WORD, "辖区企业"), (TokenKind.CLAIM, "满意"), (TokenKind.WORD, "率"),
        (TokenKind.FILLER, "达"), (TokenKind.NUMBER, "95"), (TokenKind.UNIT, "%"),
        (TokenKind.OPERATOR, "以上"), (TokenKind.PUNCT, "。"),
    ]
    assert [t.kind for t in lex("未能完成")] == [TokenKind.NEGATION, TokenKind.CLAIM]
    assert [t.kind for t in lex("不低于30万元")] == [TokenKind.OPERATOR, TokenKind.NUMBER, TokenKind.UNIT]
    assert [t.kind for t in lex("2021年10月底前")] == [TokenKind.DATE, TokenKind.FILLER]
    assert [t.kind for t in lex("≈95%")][0] is TokenKind.SYMBOL


def test_a_word_where_the_unit_belongs_is_kept_not_absorbed():
    value = parse_value("15金币")
    assert isinstance(value, Quantity) and value.amount == 15 and value.unknown == ("金币",)
    assert parse_value("1.资金到位").unknown == ("资金",)  # a numbered item, not the value 1
    assert parse_value("≈95%").unknown == ("≈",)
    when = parse_value("2021年底前※")
    assert isinstance(when, When) and when.unknown == ("※",)


def test_labels_and_counted_things_are_not_unknown_words():
    for cell in ("辖区企业满意率达95%以上。", "至少全年完成2次宣传", "各印刷250册", "按合同10.5万元。",
                 "30 达标", "≥95%（含）", "≥50个", "2021年12月底前"):
        assert parse_value(cell).unknown == (), cell


def test_units_the_vocabulary_learnt():
    assert parse_value("57KB").unit == "KB" and parse_value("17页").unit == "页"
    assert parse_value("5千卡").unit == "千卡"
    assert parse_value("5千米").unit == "千米" and parse_value("5千人").amount == 5000


def test_every_negation_word_denies_a_claim():
    # these were ACHIEVED while a claim's negation was the three characters 未 没 不
    for cell in ("无法完成", "难以达成", "没能满足", "不能完成了", "不是优秀"):
        value = parse_value(cell)
        assert isinstance(value, Claim) and value.level is ClaimLevel.MISSED, cell
    assert parse_value("不能全部实现").level is ClaimLevel.PARTIAL
    assert parse_value("未全部完成").level is ClaimLevel.PARTIAL
    assert parse_value("全部未完成").level is ClaimLevel.MISSED
    assert text_level("项目并非按期推进") is ClaimLevel.MISSED
    assert text_level("不断提升服务水平") is ClaimLevel.ACHIEVED  # a benign look-alike
    assert text_level("为了解决群众难题") is None  # 为了 / 了解 report nothing done


def test_partial_word_inside_a_mostly_word():
    assert text_level("大部分项目已推进") is ClaimLevel.MOSTLY
    assert text_level("部分项目已推进") is ClaimLevel.PARTIAL
    assert parse_value("大部分完成").level is ClaimLevel.MOSTLY


@pytest.mark.parametrize("text, window, cancelled", [
    ("未能按时全部完成", 8, True),       # a negation a few characters before the claim
    ("计划2022年完成", 8, True),        # a prospective word
    ("没有100%执行完毕", 4, True),
    ("无法完成", 0, True),
    ("不断完善并完成", 8, False),        # a benign look-alike
    ("不超过预算完成", 8, False),        # an operator, not a denial
    ("不定期巡查完成", 8, False),
    ("培训推迟，完成", 8, False),        # a clause break stops a negation
    ("尚未开展调研工作后来完成", 4, False),  # beyond the window
    ("项目已完成", 8, False),
])
def test_one_negation_test_for_every_rule(text, window, cancelled):
    start = text.rindex("完成") if "完成" in text else text.index("执行")
    assert load_vocabulary().cancels(text, start, window) is cancelled


def test_one_definition_of_an_actual_that_copies_its_target():
    """Scoring and I315 ask the same question the same way: with 美化环境（河道） against
    美化环境(河道) the scoring took the row's points away while I315 stayed silent."""
    from rulekit import build_case, run_rule

    from evalengine.checks.registry import BUILTIN_RULES
    from evalengine.profile import load_profile
    from evalengine.scoring import EvidenceClass, score_case
    from evalengine.taxonomy import load_taxonomy
    from evalengine.values import repeats

    assert repeats("美化环境（河道）", "美化环境(河道)") and repeats("美化环境。", "美化环境")
    assert repeats("ＡＢＣ达标", "ABC达标") and not repeats("美化环境", "美化河道") and not repeats("/", "-")
    snippet = ('[[indicators]]\nlevel1 = "效益指标"\nlevel2 = "社会效益指标"\nname = "河道环境"\n'
               'target = "美化环境(河道)"\nactual = "美化环境（河道）"\nweight = 10\n')
    i315 = next(r for r in BUILTIN_RULES if r.code == "I315")
    assert len(run_rule(i315, snippet)) == 1
    case = build_case(snippet)
    row = score_case(case, load_profile(case.project.profile), load_taxonomy()).indicators[-1]
    assert row.evidence_class is EvidenceClass.BARE_CLAIM and row.verified == 0  # no points for a copy
    described = snippet.replace("美化环境（河道）", "全年清理河道垃圾120吨，沿岸无漂浮物")
    assert run_rule(i315, described) == ()
