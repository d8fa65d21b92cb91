"""Synthetic cases shaped like real 绩效自评表 transcriptions, for the benchmark.

Each case has a project header, funds with source rows, a goal, 10–25 indicators under the
three 一级 of 财预〔2020〕10号 and a narrative.  Indicator values mix what real forms hold:
quantities with ≥/≤/=, percentages, money (万元/元), dates and deadlines, completion claims
(完成, 已完成100%, 基本完成 …) and qualitative sentences.  About a quarter of the rows carry the
department's own 分值/得分.  Cases go into one folder per department (``dept-NNN``), 100 to a
folder, each folder with a ``department.toml``, the way a year's submissions are filed.

The generator is deterministic for a given seed (``random.Random(seed + index)``), so two runs
of the benchmark score the same files.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

__all__ = ["case_data", "write_jsonl", "write_toml_tree"]

PER_FOLDER = 100

_DEPARTMENTS = [
    "区人民政府办公室", "区发展和改革局", "区教育和体育局", "区财政局", "区交通运输局",
    "区农业农村局", "区卫生健康局", "区住房和城乡建设局", "区文化广播电视和旅游局",
    "区民政局", "区司法局", "区水利局", "区自然资源局", "区生态环境分局", "区应急管理局",
]
_PROJECTS = [
    "招商引资经费", "安全维稳工作经费", "电子政务外网运维经费", "国产化办公设备替代经费",
    "视频会议系统运维费", "史志编辑出版印刷经费", "财务软件运行维护服务费", "乡村道路建设养护项目",
    "河道保洁服务费", "村级补助及运转经费", "城乡居民医保参保工作经费", "文明城市创建专项资金",
    "办公宿舍楼食堂暖通改造经费", "园区建设补助", "商品和服务支出",
]
_QUANTITY_NAMES = ["培训人次", "发放册数", "维护站点数", "巡查次数", "覆盖村数", "完成里程",
                   "服务对象人数", "采购设备台数", "宣传活动次数", "整改问题数"]
_UNITS = ["人次", "册", "个", "次", "村", "公里", "人", "台", "场", "件"]
_CLAIMS = ["完成", "已完成", "已完成100%", "基本完成", "达成预期指标", "部分完成", "全部完成",
           "按时完成", "达到", "是"]
_QUALITATIVE = [
    "及时落实各项民生实事，抓好社会事业各项建设，全力维护社会稳定",
    "通过各项工作的具体落实，提升社会稳定性，提高群众安全感、满意度。",
    "网络平台政务信息公开，方便群众浏览；协同平台提高政令上传下达效率。",
    "内容详实、符合要求，页面清晰整齐，美观大方",
    "收集整理史料，留存史实，为查证服务",
    "促进辖区经济社会持续健康发展",
    "严格执行相关制度规定",
    "效果明显",
]
_SENTENCE = ("根据年度工作目标，合理申报项目资金，经财政审核下达；项目实施过程中严格执行项目管理和"
             "经费管理的有关规定，资金到位及时，项目实施进展顺利，完成了预期目标，产生了较好的社会效益。")


def _money(rng: random.Random, low: float, high: float) -> str:
    return f"{rng.uniform(low, high):.2f}"


def _indicator(rng: random.Random, level1: str, level2: str, year: int) -> dict:
    kind = rng.choice(("quantity", "quantity", "percent", "money", "date", "claim",
                       "qualitative", "reverse"))
    row: dict = {"level1": level1, "level2": level2}
    if kind == "quantity":
        i = rng.randrange(len(_QUANTITY_NAMES))
        target = rng.randrange(5, 500)
        actual = target + rng.randrange(-target // 3, target // 3 + 1)
        op = rng.choice(("≥", "=", ""))
        row |= {"name": _QUANTITY_NAMES[i], "target": f"{op}{target}{_UNITS[i]}",
                "actual": rng.choice((f"{actual}{_UNITS[i]}", f"完成{actual}{_UNITS[i]}",
                                      "完成"))}
    elif kind == "percent":
        target = rng.choice((85, 90, 95, 98, 100))
        actual = min(100, target + rng.randrange(-10, 6))
        row |= {"name": rng.choice(("群众满意度", "验收合格率", "服务对象满意度", "资金拨付率")),
                "target": rng.choice((f"≥{target}%", f"达到{target}%及以上。", f"{target}%")),
                "actual": rng.choice((f"{actual}%", f"{actual}.5%", "达成预期指标"))}
    elif kind == "money":
        target = rng.uniform(5, 300)
        row |= {"name": "项目成本", "target": f"≤{target:.2f}万元",
                "actual": f"{target * rng.uniform(0.85, 1.05):.2f}万元"}
    elif kind == "reverse":
        row |= {"name": rng.choice(("投诉次数", "安全事故数", "差错率")),
                "target": rng.choice(("≤3次", "≤1%", "=0起")),
                "actual": rng.choice(("0次", "2次", "0.5%", "0起", "无"))}
    elif kind == "date":
        month = rng.randrange(6, 13)
        row |= {"name": rng.choice(("完成工作时间", "资金拨付及时性", "项目完成时限")),
                "target": rng.choice((f"{year}年{month}月底前", f"{month}月31日前", f"{year}年")),
                "actual": rng.choice((f"{year}年{month}月", f"{year}年{min(12, month + 1)}月",
                                      "按时完成", f"{year}年"))}
    elif kind == "claim":
        row |= {"name": rng.choice(("工作任务完成率", "项目按期完成", "资料归档")),
                "target": rng.choice(("100%", "按质按量完成", "完成")),
                "actual": rng.choice(_CLAIMS)}
    else:
        text = rng.choice(_QUALITATIVE)
        row |= {"name": rng.choice(("社会效益", "可持续影响", "促进经济社会发展")),
                "target": text, "actual": rng.choice((text, "完成", "达到预期效果"))}
    if rng.random() < 0.25:
        weight = rng.choice((5, 8, 10, 15))
        row["weight"] = weight
        row["score"] = rng.choice((weight, weight, weight - 1, round(weight * 0.8, 1)))
    return row


def case_data(index: int, seed: int = 2021) -> dict:
    """One synthetic case as plain data (what a TOML file or a JSONL line holds)."""
    rng = random.Random(seed * 1_000_003 + index)
    year = 2021
    department = _DEPARTMENTS[(index // PER_FOLDER) % len(_DEPARTMENTS)]
    budget = float(_money(rng, 5, 500))
    executed = round(budget * rng.choice((1, 1, 0.995, 0.96, 0.85, 0.6)), 2)
    n = rng.randrange(10, 26)
    split = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
             ("产出指标", "成本指标"), ("效益指标", "社会效益指标"),
             ("效益指标", "可持续影响指标"), ("满意度指标", "服务对象满意度指标")]
    indicators = [_indicator(rng, *split[min(len(split) - 1, i * len(split) // n)], year)
                  for i in range(n)]
    case: dict = {
        "project": {
            "name": f"{rng.choice(_PROJECTS)}（{index:06d}）",
            "department": department,
            "implementer": department,
            "year": year,
            "profile": "central-2020",
            "source": f"synthetic benchmark case {index} (benchmarks/generate.py)",
        },
        "funds": {
            "budget": budget,
            "executed": executed,
            "initial_budget": budget,
            "source": "自评表 项目预算执行情况",
            "rows": [
                {"source": "财政拨款", "budget": budget, "executed": executed},
                {"source": "其他资金", "budget": 0, "executed": 0},
            ],
        },
        "goal": {"expected": _SENTENCE, "actual": _SENTENCE[: rng.randrange(40, len(_SENTENCE))]},
        "indicators": indicators,
        "narrative": {
            "completion": _SENTENCE,
            "conclusion": _SENTENCE[:60],
            "problems": rng.choice(("无。", "部分指标设置不够细化，量化程度有待提高。")),
            "measures": rng.choice(("无。", "进一步加强绩效目标管理。")),
        },
    }
    if rng.random() < 0.3:
        case["narrative"]["claimed_total"] = rng.choice((100, 98, 95, 92.5, 90))
    if rng.random() < 0.05:
        case["project"]["has_form"] = False
    return case


def department_data(folder: int) -> dict:
    name = _DEPARTMENTS[folder % len(_DEPARTMENTS)]
    return {
        "department": {"name": name, "year": 2021, "source": "synthetic (benchmarks/generate.py)"},
        "figures": [
            {"id": "expenditure.total", "label": "本年支出合计", "value": 1000, "source": "第二部分"},
            {"id": "expenditure.basic", "label": "基本支出", "value": 600, "source": "第二部分",
             "share_of": "expenditure.total", "share": 60},
            {"id": "expenditure.project", "label": "项目支出", "value": 400, "source": "第二部分",
             "share_of": "expenditure.total", "share": 40},
        ],
        "totals": [{"total": "expenditure.total",
                    "parts": ["expenditure.basic", "expenditure.project"]}],
        "claims": {"funds_fully_spent": True, "projects_self_assessed": PER_FOLDER},
    }


# --- TOML writing (the subset the cases use: tables, arrays of tables, str/int/float/bool) ---


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(type(value))


def _toml_table(name: str, table: dict, out: list[str]) -> None:
    scalars = {k: v for k, v in table.items()
               if not (isinstance(v, list) and v and isinstance(v[0], dict))}
    arrays = {k: v for k, v in table.items() if k not in scalars}
    out.append(f"[{name}]")
    out.extend(f"{k} = {_toml_value(v)}" for k, v in scalars.items())
    out.append("")
    for key, rows in arrays.items():
        for row in rows:
            out.append(f"[[{name}.{key}]]")
            out.extend(f"{k} = {_toml_value(v)}" for k, v in row.items())
            out.append("")


def to_toml(document: dict) -> str:
    out: list[str] = []
    for key, value in document.items():
        if isinstance(value, list):
            for row in value:
                out.append(f"[[{key}]]")
                out.extend(f"{k} = {_toml_value(v)}" for k, v in row.items()
                           if not isinstance(v, dict))
                out.append("")
        else:
            _toml_table(key, value, out)
    return "\n".join(out)


def write_toml_tree(root: Path, n: int, seed: int = 2021) -> list[Path]:
    """``n`` case files under ``root``/dept-NNN/, a department.toml in each folder."""
    files = []
    for index in range(n):
        folder = root / f"dept-{index // PER_FOLDER:04d}"
        if index % PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "department.toml").write_text(
                to_toml(department_data(index // PER_FOLDER)), encoding="utf-8")
        path = folder / f"case-{index:06d}.toml"
        path.write_text(to_toml(case_data(index, seed)), encoding="utf-8")
        files.append(path)
    return files


def write_jsonl(path: Path, n: int, seed: int = 2021) -> None:
    """``n`` cases, one JSON document per line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for index in range(n):
            out.write(json.dumps(case_data(index, seed), ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    """``python benchmarks/generate.py N OUT [--jsonl] [--seed S]``: N cases under the folder
    OUT (one TOML file each, 100 to a department folder), or in the one file OUT (``--jsonl``).
    An existing OUT is refused: the generator never writes over a user's files."""
    import argparse

    parser = argparse.ArgumentParser(description="synthetic 绩效自评 cases for benchmarks and trials")
    parser.add_argument("n", type=int, help="how many cases")
    parser.add_argument("out", type=Path, help="folder to create (or .jsonl file with --jsonl)")
    parser.add_argument("--jsonl", action="store_true", help="one JSONL file instead of TOML files")
    parser.add_argument("--seed", type=int, default=2021, help="same seed, same cases (default 2021)")
    args = parser.parse_args(argv)
    if args.out.exists():
        parser.error(f"{args.out} exists; name a new folder or file")
    if args.jsonl:
        write_jsonl(args.out, args.n, args.seed)
    else:
        write_toml_tree(args.out, args.n, args.seed)
    print(f"wrote {args.n} cases to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
