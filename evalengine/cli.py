"""The command line: parse arguments, call the library, hand the result to a renderer.

Exit codes (one place, :func:`exit_code`; see :mod:`evalengine.boundary` and docs/limits.md):
0 every case scored and no finding at or above the failing severity; 1 such findings; 2 a
usage error, a document that could not be loaded or an output that could not be written;
3 an internal error.  ``--`` ends the options: every later argument is a path.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .boundary import EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK
from .i18n import pick

if TYPE_CHECKING:  # imported lazily: `evalengine --help` loads argparse and nothing else
    from rich.console import Console

    from .findings import Severity
    from .i18n import Lang
    from .report import Report, Summary

__all__ = ["exit_code", "main", "summary_exit_code"]

SEVERITY_LABELS = ("error", "warning", "info")
FORMATS = ("human", "json", "jsonl", "csv", "markdown", "xlsx", "html", "docx", "scoresheet")


def _severities() -> dict[str, Severity]:
    from .findings import Severity

    return {s.label: s for s in Severity}


def exit_code(report: Report, fail_on: Severity) -> int:
    if report.failures:
        return EXIT_ERROR
    if any(f.severity >= fail_on for f in report.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def summary_exit_code(summary: Summary, fail_on: Severity) -> int:
    """:func:`exit_code` from the summary alone (what a streamed run keeps)."""
    from .findings import Severity

    if summary.failures:
        return EXIT_ERROR
    if any(summary.count(s) for s in Severity if s >= fail_on):
        return EXIT_FINDINGS
    return EXIT_OK


class _Parser(argparse.ArgumentParser):
    """argparse, plus "did you mean" for a mistyped option, command or choice (argparse's own
    ``suggest_on_error`` needs Python 3.14)."""

    def _options(self) -> list[str]:
        names: list[str] = []
        for action in self._actions:
            names += [o for o in action.option_strings if o.startswith("--")]
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    names += sub._options() if isinstance(sub, _Parser) else []
        return list(dict.fromkeys(names))

    def error(self, message: str):  # type: ignore[override]
        import difflib
        import re

        hint = ""
        unknown = re.search(r"unrecognized arguments: (.*)", message)
        choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if unknown:
            for word in unknown.group(1).split():
                close = difflib.get_close_matches(word.split("=")[0], self._options(), n=1)
                if word.startswith("-") and close:
                    hint = f"（是否要用 {close[0]}？/ did you mean {close[0]}?）"
                    break
        elif choice:
            options = re.findall(r"'?([^',\s]+)'?", choice.group(2))
            close = difflib.get_close_matches(choice.group(1), options, n=1)
            if close:
                hint = f"（是否要用 {close[0]}？/ did you mean {close[0]}?）"
        super().error(message + (" " + hint if hint else ""))


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="evalengine",
        description="项目支出绩效自评表的复核评分与一致性检查 / scores and lints 绩效自评 forms",
    )
    parser.add_argument("--version", action="version", version=f"evalengine {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    lang = _Parser(add_help=False)
    lang.add_argument("--lang", choices=("zh", "en"), default="zh", help="输出语言 / language")

    selection = _Parser(add_help=False)
    selection.add_argument("--config", type=Path,
                           help="配置文件（默认：案例文件夹或其上级中的 evalengine.toml，或 pyproject.toml 的 "
                                "[tool.evalengine]；见 docs/configuration.md）")
    selection.add_argument("--isolated", action="store_true",
                           help="不读取任何配置文件（忽略自动找到的配置）")
    selection.add_argument("--select", action="append", default=[], metavar="CODE",
                           help="只运行这些规则：代码、前缀或规则族，可用逗号分隔")
    selection.add_argument("--ignore", action="append", default=[], metavar="CODE",
                           help="不运行这些规则：代码、前缀或规则族")
    selection.add_argument("--severity", action="append", default=[], metavar="CODE=LEVEL",
                           help="改变规则级别，如 F101=warning")
    selection.add_argument("--fail-on", choices=SEVERITY_LABELS, default=None,
                           help="该级别及以上的问题使退出码为 1（默认 error）")

    score = sub.add_parser("score", parents=[lang, selection],
                           help="评分并检查案例 / score and check cases")
    score.add_argument("paths", nargs="+", metavar="PATH",
                       help="案例文件或文件夹；- 表示从标准输入读一个 TOML 案例或 JSONL"
                            "（-- 之后的参数都是路径，即使以 - 开头）")
    score.add_argument("--format", choices=FORMATS, default="human",
                       help="输出格式：human（终端表格，默认）、json、jsonl、csv、markdown、xlsx、html、"
                            "docx（Word 评价报告）、scoresheet（复核评分表 xlsx）（见 docs/report-format.md）")
    score.add_argument("--csv", choices=("projects", "findings"), default="projects",
                       dest="csv_table", help="--format csv 的表：每个项目一行（默认）或每个问题一行")
    score.add_argument("-o", "--output", metavar="FILE",
                       help="写入此文件（原子替换，不改动其他文件；- 为标准输出）；xlsx、docx、scoresheet "
                            "必须指定。不会写入输入文件或被扫描文件夹中的案例、表格文件名（docs/limits.md）")
    score.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                       help="并行评分的进程数（0 = 每个 CPU 一个；输出顺序与单进程相同）")
    score.add_argument("--no-progress", action="store_true",
                       help="不显示进度条（进度条只在终端上显示）")
    score.add_argument("--detail", action="store_true", help="显示每个项目的指标评分明细")
    score.add_argument("--statistics", action="store_true",
                       help="按规则统计问题数（代替逐条列出）")
    score.add_argument("--summary", action="store_true", dest="summary_only",
                       help="只显示表格和统计，不逐条列出问题")
    score.add_argument("-q", "--quiet", action="store_true", help="只显示一行计数")
    score.add_argument("--exit-zero", action="store_true",
                       help="有问题时退出码仍为 0（无法读取的文件仍为 2）")
    score.add_argument("--baseline", type=Path, metavar="FILE",
                       help="只报告此基线文件中没有的问题（见 docs/configuration.md）")
    score.add_argument("--write-baseline", type=Path, metavar="FILE",
                       help="把本次的全部问题记入基线文件")
    score.add_argument("--org", metavar="NAME", help="docx：评价机构（默认取配置的 [report] org）")
    score.add_argument("--date", metavar="DATE", help="docx：报告日期（默认今天）")
    score.add_argument("--profile", help="对所有案例使用此评分规则 (rules/profiles/)")
    score.add_argument("--save-cases", type=Path, metavar="DIR",
                       help="把由自评表文件（PDF、Word、Excel、网页、文本）导入的案例另存到此文件夹（不覆盖已有文件）")

    rules = sub.add_parser("rules", parents=[lang, selection], help="列出规则 / list the rules")
    rules.add_argument("--format", choices=("human", "json"), default="human")

    profiles = sub.add_parser("profiles", parents=[lang],
                              help="列出评分规则（各省表式） / list the scoring profiles")
    profiles.add_argument("--format", choices=("human", "json"), default="human")

    explain = sub.add_parser("explain", parents=[lang], help="解释一条规则 / explain a rule")
    explain.add_argument("code", help="规则代码或名称，如 F101（不区分大小写）")
    explain.add_argument("--config", type=Path,
                         help="配置文件：显示其设定后的级别和取值（默认自动查找，见 docs/configuration.md）")
    explain.add_argument("--isolated", action="store_true", help="不读取任何配置文件")

    imp = sub.add_parser("import", parents=[lang],
                         help="把自评表（PDF、Word、Excel、网页、文本）转为案例文件 / import forms into cases")
    imp.add_argument("files", nargs="+", metavar="PATH",
                     help="自评表文件或文件夹（.pdf .docx .doc .xlsx .xls .ods .html .mhtml .txt；文件夹递归；"
                          "- 为标准输入）")
    imp.add_argument("--max-file-mb", type=_positive, default=None, metavar="N",
                     help="每个输入文件的大小上限（MB，默认见 rules/limits.toml 的 [import]）")
    imp.add_argument("--no-progress", action="store_true", help="不显示进度条")
    imp.add_argument("--out", type=Path, default=None,
                     help="写入案例文件的文件夹（不给则把案例输出到标准输出，可接 evalengine score -）")
    imp.add_argument("--force", action="store_true", help="允许覆盖已存在的案例文件")
    imp.add_argument("--profile", help="写入案例的评分规则（默认按表式识别）")
    imp.add_argument("--name", help="从标准输入（-）读取的表写成的案例文件名（默认按项目名称）")

    export = sub.add_parser("export-form", parents=[lang],
                            help="把案例写成 xlsx 自评表 / write a case as an xlsx form")
    export.add_argument("case", type=Path, help="案例文件 (.toml)")
    export.add_argument("-o", "--output", required=True, type=Path, help="输出的 .xlsx 文件")
    export.add_argument("--template", choices=("central", "sichuan"), default=None,
                        help="表式（默认按案例的评分规则）")
    export.add_argument("--force", action="store_true", help="允许覆盖已存在的文件")
    return parser


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def _config_path(args: argparse.Namespace) -> Path | None:
    """``--config``, else (unless ``--isolated``) the configuration found from the first
    path given (or the current folder): see :func:`~evalengine.checks.settings.find_config`."""
    from .checks.settings import find_config
    from .loader import STDIN

    if args.config:
        return args.config
    if getattr(args, "isolated", False):
        return None
    paths = [p for p in getattr(args, "paths", ()) if p != STDIN]
    found = find_config(Path(paths[0]) if paths else Path.cwd())
    if found is not None:
        args.config = found  # selectors and errors name the file found
    return found


def _user_config(args: argparse.Namespace):
    from .checks.registry import BUILTIN_RULES
    from .checks.settings import UserConfig, load_user_config

    import attrs

    path = _config_path(args)
    config = load_user_config(path, BUILTIN_RULES) if path else UserConfig()
    SEVERITIES = _severities()
    severity = dict(config.severity)
    for item in args.severity:
        code, _, level = item.partition("=")
        if level not in SEVERITIES:
            raise _Usage("bad-severity", item=item)
        severity[code.strip()] = SEVERITIES[level]
    return attrs.evolve(
        config,
        select=config.select + _split(args.select),
        ignore=config.ignore + _split(args.ignore),
        severity=severity,
        fail_on=SEVERITIES[args.fail_on] if args.fail_on else config.fail_on,
    )


_USAGE: dict[str, tuple[str, str]] = {
    "bad-severity": ("--severity {item}：应写作 规则代码=error|warning|info",
                     "--severity {item}: expected CODE=error|warning|info"),
    "unknown-selector": (
        "没有与之匹配的规则：{names}（规则代码、前缀、名称或规则族，见 evalengine rules）",
        "no rule matches: {names} (give a rule code, code prefix, name or family; see `evalengine rules`)",
    ),
    "binary-needs-output": ("--format {format} 生成二进制文件：请用 -o 文件名 指定输出文件",
                            "--format {format} writes a binary file: name it with -o FILE"),
    "output": ("-o {text}", "-o {text}"),
    "save-cases": ("--save-cases {text}", "--save-cases {text}"),
    "write-baseline": ("--write-baseline {text}", "--write-baseline {text}"),
    "unknown-profile": ("--profile {profile}：没有这个评分规则（可用：{available}）",
                        "--profile {profile}: no such scoring profile (available: {available})"),
    "baseline-both": ("--baseline 与 --write-baseline 不能同时使用：更新基线时只用 --write-baseline",
                      "--baseline and --write-baseline exclude each other: to update a baseline, "
                      "use --write-baseline alone"),
}


_MESSAGES: dict[str, tuple[str, str]] = {
    "report-written": ("已写入 {path}（{projects} 个项目，{findings} 个问题）",
                       "wrote {path} ({projects} projects, {findings} findings)"),
    "baseline-written": ("已把 {n} 个问题记入基线 {path}", "recorded {n} findings in the baseline {path}"),
}


def _message(key: str, lang: Lang, **params: object) -> str:
    return "evalengine: " + pick(_MESSAGES[key], lang).format(**params)


class _Usage(Exception):
    """A usage error: a key of :data:`_USAGE` and its parameters, worded in the run's language."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key, self.params = key, params

    def text(self, lang: Lang) -> str:
        return pick(_USAGE[self.key], lang).format(**self.params)


def _check_selectors(args: argparse.Namespace, user, catalogue, lang: Lang) -> None:
    """Refuse selectors that match no rule (``--select F1O1``): a ConfigError naming the key
    for the --config file, a usage error for the command line."""
    from .checks.registry import unknown_selectors
    from .loader import ConfigError, Problem

    rules = [rule for rule, _, _ in catalogue]
    given = {"select": _split(args.select), "ignore": _split(args.ignore)}
    # user.select is the config file's selectors followed by the command line's
    from_config = {key: getattr(user, key)[:len(getattr(user, key)) - len(given[key])]
                   for key in given}
    problems = tuple(
        Problem(f"$.{key}[{index}]", "unknown-rule", repr(value))
        for key, values in from_config.items()
        for index, value in enumerate(values)
        if unknown_selectors([value], rules)
    )
    if problems:
        raise ConfigError(str(args.config), problems)
    codes = {rule.code for rule in rules}
    unknown = [*unknown_selectors([*given["select"], *given["ignore"]], rules),
               *(code for code in user.severity if code not in codes)]
    if unknown:
        raise _Usage("unknown-selector", names=", ".join(dict.fromkeys(unknown)))


PIPE_WIDTH = 140  # columns when the output is not a terminal (a file or a pipe)


def _console(stream=None) -> Console:
    from .render.terminal import SafeConsole

    console = SafeConsole(file=stream or sys.stdout, soft_wrap=False, highlight=False,
                          markup=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PIPE_WIDTH
    return console


def _whole(least: int, what: str, too_small: str):
    """An argparse ``type``: a whole number of at least ``least``."""
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not {what}: {value!r}") from None
        if number < least:
            raise argparse.ArgumentTypeError(too_small)
        return number
    return parse


_jobs = _whole(0, "a number of processes", "--jobs must be 0 (one per CPU) or more")
_positive = _whole(1, "a whole number", "must be 1 or more")


def _build_engine(user, profile, baseline=None, record_baseline=False):
    """An Engine from the user's choices (what a spawned worker process runs)."""
    from .checks.runner import Checker
    from .engine import Engine

    return Engine.build(Checker.build(user), profile=profile, baseline=baseline,
                        record_baseline=record_baseline)


def _score(args: argparse.Namespace, lang: Lang) -> int:
    import functools

    from .limits import configure as configure_limits
    from .parallel import Scoring, resolve_jobs
    from .render.formats import Options, get_format, run_info
    from .render.output import open_output
    from .render.pieces import Pieces
    from .render.progress import progress_for
    from .target import TargetError, check_folder, resolve_target

    fmt = get_format(args.format)
    if fmt.binary and args.output is None:
        raise _Usage("binary-needs-output", format=fmt.name)
    if args.profile is not None:
        from .profile import available_profiles

        if args.profile not in available_profiles():
            raise _Usage("unknown-profile", profile=args.profile,
                         available=", ".join(available_profiles()))
    if args.baseline and args.write_baseline:
        raise _Usage("baseline-both")
    # checked before any scoring: a refused -o (an input, a link of another user, a device
    # to replace, a read-only file …) costs nothing; "-" is standard output
    try:
        target = resolve_target(args.output if args.output is not None else "-", reads=args.paths)
    except TargetError as exc:
        raise _Usage("output", text=exc.text(lang)) from None
    baseline_target = None
    if args.write_baseline is not None:
        try:
            baseline_target = resolve_target(args.write_baseline, reads=args.paths)
        except TargetError as exc:
            raise _Usage("write-baseline", text=exc.text(lang)) from None
    if args.save_cases is not None:
        try:
            check_folder(args.save_cases, reads=args.paths)
        except TargetError as exc:
            raise _Usage("save-cases", text=exc.text(lang)) from None
    user = _user_config(args)
    configure_limits(user.limits)  # [limits] of --config, for this run (and its workers)
    baseline = None
    if args.baseline:
        from .baseline import load_baseline

        baseline = load_baseline(args.baseline)
    record = baseline_target is not None
    engine = _build_engine(user, args.profile, baseline, record)
    _check_selectors(args, user, engine.checker.catalogue, lang)
    if args.save_cases is not None or lang != "zh" or "evalengine.importer.inscore" in sys.modules:
        # how form files met on the way are imported (the defaults need no import: 34 ms)
        from .importer.inscore import configure

        configure(lang=lang, save=args.save_cases)
    options = Options(lang=lang, detail=args.detail, statistics=args.statistics,
                      summary_only=args.summary_only, quiet=args.quiet, csv_table=args.csv_table,
                      org=args.org or user.report.get("org", ""),
                      date=args.date or user.report.get("date", ""),
                      title=user.report.get("title", ""), basis=user.report.get("basis", ""))
    info = run_info(engine.checker.catalogue, lang, args.paths, __version__)
    scoring = Scoring(engine, Pieces(fmt.name, options), jobs=resolve_jobs(args.jobs),
                      progress=progress_for(not args.no_progress),
                      factory=functools.partial(_build_engine, user, args.profile, baseline, record),
                      output=target.path)
    internal = False
    with open_output(target, binary=fmt.binary) as out:
        writer = fmt.writer(out, options, info)
        for kind, payload, failure in scoring.run(args.paths):
            if failure is not None:
                # imported only now: the terminal renderer and rich cost ~40 ms to import
                from .render.human import failure_record_lines

                internal = internal or any(p.kind == "internal-error"
                                           for p in failure.problems)
                for line in failure_record_lines(failure):
                    print(line, file=sys.stderr)
            writer.add(kind, payload)
        assert scoring.summary is not None
        writer.finish(scoring.summary)
    summary = scoring.summary
    if target.path is not None:  # not with -o - (standard output)
        print(written_note(args.output, summary, lang), file=sys.stderr)
    if baseline_target is not None:
        from .baseline import write_baseline

        with open_output(baseline_target) as out:
            count = write_baseline(out, scoring.baseline, __version__)
        print(_message("baseline-written", lang, path=args.write_baseline, n=count), file=sys.stderr)
    if summary.projects == 0 and summary.departments == 0 and summary.failures == 0:
        # a mistyped folder must not pass a CI job as "nothing wrong"
        from .render.terminal import clean

        shown = clean("、".join(args.paths) if lang == "zh" else ", ".join(args.paths))
        print(f"evalengine score: 在 {shown} 下没有找到案例文件（*.toml、*.jsonl）" if lang == "zh"
              else f"evalengine score: no case files (*.toml, *.jsonl) under {shown}",
              file=sys.stderr)
        return EXIT_ERROR
    if internal:  # a bug cost a document: a CI job must tell that from findings
        return EXIT_INTERNAL
    code = summary_exit_code(summary, user.fail_on)
    return EXIT_OK if args.exit_zero and code == EXIT_FINDINGS else code


def written_note(path: Path, summary: Summary, lang: Lang) -> str:
    """The one line said on stderr once ``-o FILE`` is in place."""
    from .render.terminal import clean

    findings = sum(n for _, n in summary.findings)
    return clean(_message("report-written", lang, path=path, projects=summary.projects,
                          findings=findings))


def _rules(args: argparse.Namespace, lang: Lang) -> int:
    from .checks.runner import Checker
    from .render.rules import render_rules, rules_record

    user = _user_config(args)
    checker = Checker.build(user)
    _check_selectors(args, user, checker.catalogue, lang)
    if args.format == "json":
        print(json.dumps(rules_record(checker, lang), ensure_ascii=False, indent=2))
    else:
        render_rules(checker, _console(), lang)
    return EXIT_OK


def _profiles(args: argparse.Namespace, lang: Lang) -> int:
    from .render.profiles import profiles_record, render_profiles

    if args.format == "json":
        print(json.dumps(profiles_record(lang), ensure_ascii=False, indent=2))
    else:
        render_profiles(_console(), lang)
    return EXIT_OK


def _explain(args: argparse.Namespace, lang: Lang) -> int:
    from .checks.registry import BUILTIN_RULES
    from .checks.runner import Checker
    from .checks.settings import UserConfig, load_user_config
    from .render.rules import render_explain

    path = _config_path(args)
    user = load_user_config(path, BUILTIN_RULES) if path else UserConfig()
    checker = Checker.build(user)
    rule = checker.find(args.code)
    if rule is None:
        close = checker.suggest(args.code)
        if lang == "en":
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            message = f"no rule {args.code!r}{hint} (`evalengine rules` lists them all)"
        else:
            hint = f"；是否要找 {'、'.join(close)}？" if close else ""
            message = f"没有规则 “{args.code}”{hint}（`evalengine rules` 列出全部规则）"
        from .render.terminal import clean

        print(clean(f"evalengine explain: {message}"), file=sys.stderr)
        return EXIT_ERROR
    render_explain(rule, _console(), lang, checker)
    return EXIT_OK


def _import(args: argparse.Namespace, lang: Lang) -> int:
    from .importer.command import run_import

    return run_import(args.files, args.out, force=args.force, profile=args.profile, lang=lang,
                      max_file_mb=args.max_file_mb, progress=not args.no_progress,
                      name=args.name)


def _export_form(args: argparse.Namespace, lang: Lang) -> int:
    from .importer.command import run_export_form

    return run_export_form(args.case, args.output, template=args.template, force=args.force,
                           lang=lang)


def main(argv: Sequence[str] | None = None) -> int:
    from .boundary import guarded

    parser = _parser()
    args = parser.parse_args(argv)
    lang: Lang = args.lang
    return guarded(lambda: _command(parser, args, lang), lang)


def _command(parser: argparse.ArgumentParser, args: argparse.Namespace, lang: Lang) -> int:
    from .loader import ConfigError  # after parse_args: --help and --version never load it
    from .target import TargetError

    handlers = {"score": _score, "rules": _rules, "profiles": _profiles, "explain": _explain,
                "import": _import, "export-form": _export_form}
    try:
        return handlers[args.command](args, lang)
    except _Usage as exc:
        parser.error(exc.text(lang))  # exits with 2
    except TargetError as exc:
        print(f"evalengine {args.command}: {exc.text(lang)}", file=sys.stderr)
        return EXIT_ERROR
    except ConfigError as exc:
        from .i18n import problem_text
        from .render.terminal import clean

        for problem in exc.problems:
            print(clean(f"{exc.location}: {problem.path}: {problem_text(problem.kind, problem.detail, lang)}"),
                  file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK
