"""S: rules about the points a form hands out: its 分值/权重, its 得分 and its 总分.

These rules compare what the department wrote in the scoring columns with the weights of the
profile (``ctx.profile``) and with the verified scores of :mod:`evalengine.scoring`
(``ctx.score``); they never re-derive a formula themselves.

Which rule owns which row, so that one wrong cell gives one finding:

* a score above its 分值 or below 0 is S201 only (S207/S208 skip it);
* full marks on a measured miss, or on a numeric target answered "部分完成", is S205;
  S207 skips those rows;
* a met measured target scored below its 分值 is S206 (when no reason is given); S207 skips
  those rows, because 10号 allows a reasoned deduction (e.g. a target set too low);
* every qualitative (定性) score outside the tier its actual claims is S208.

Truncated forms: many published forms are cut off before their last rows (the case's
``project.source`` says so).  A sum over the visible rows can then only prove a total wrong
when it already *exceeds* it (scores and weights are never negative), so S202 and S203 check
nothing else on such forms; S210 skips them, S209 does not require a visible total, and S211
compares only the visible items.  Whether a form is cut off is one fact of the case
(``ctx.facts.truncated``: ``project.incomplete``, or a word of ``rules/vocabulary.toml``
``[truncation]`` in ``project.source``).

One module per rule (``<code>.py``, its ``check``); the rule's prose, settings and
pass/fail cases are in ``rules/checks/scores/<CODE>.toml``:

S: the points a form hands out — 分值/权重, 得分, 总分.
Tolerances are in points. Scores and weights are printed to 0.01, so a sum of n items may be
off by n × 0.005 through honest rounding; the per-item tolerances below allow exactly that.
On a cut-off form, sums over the visible rows are only reported when they already exceed
what they should add up to (see above).
"""
