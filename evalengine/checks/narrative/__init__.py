"""N: rules about the prose around the form (项目完成情况, 评价结论, 存在问题, 改进措施, 年度总体目标).

The prose is where a department says what it did and how well; these rules compare it with
the form's own figures and with the template it was written on.

One module per rule (``<code>.py``, its ``check``); the rule's prose, settings and
pass/fail cases are in ``rules/checks/narrative/<CODE>.toml``:

N: the prose around the form (项目完成情况, 评价结论, 存在问题, 改进措施, 年度总体目标).
Texts are compared after NFKC normalisation (fullwidth punctuation = halfwidth) with whitespace removed.
"""
