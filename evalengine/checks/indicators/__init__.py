"""I: rules about the indicator table itself (绩效指标): how targets and actuals are written,
whether the categories are complete and fit, and whether deviations are explained.

These rules read each row as :mod:`evalengine.scoring` parsed it (``IndicatorScore.target`` /
``.actual`` / ``.reason``); they never re-score.  Rows that scoring drops (blank 二级 lines,
不适用 rows) are only looked at by the rules about blank rows and missing categories.

Every keyword list and threshold is a setting in the rule's data file.

One module per rule (``<code>.py``, its ``check``); the rule's prose, settings and
pass/fail cases are in ``rules/checks/indicators/<CODE>.toml``:

I: the indicator table (绩效指标): how targets and actuals are written, whether the categories
are complete and fit, and whether deviations are explained.  Every keyword list and threshold
of the indicator rules lives there.  Keyword matching ignores whitespace.
"""
