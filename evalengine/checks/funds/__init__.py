"""F: rules about the project's money (项目资金 / 预算执行情况, framework.md §3.1, §5 Q8–Q12, Q22).

The figures a rule reads come from :func:`evalengine.money.figures`, as scoring's do: the
年度资金总额 (total) row, or the sum of its 其中 rows when that row is empty or 0.  Rules that check the form's own arithmetic on the total row
(F109, F110) do not use the rows: F108 reports the empty total row itself.

Every threshold, tolerance and keyword list is a :class:`~.base.Setting` whose value lives in
its data file.  Keyword lists named ``*_patterns`` are regular expressions
(Python ``re``); one that does not compile is matched literally.

One module per rule (``<code>.py``, its ``check``); the rule's prose, settings and
pass/fail cases are in ``rules/checks/funds/<CODE>.toml``:

F: the project's money (项目资金 / 预算执行情况). framework.md §3.1, §5 Q8–Q12, Q22.
Amounts are 万元, rates are fractions (0.9 = 90%). Keys named *_patterns are regular
expressions (Python re); one that does not compile is matched literally.
"""
