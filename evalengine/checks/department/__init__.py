"""D: rules about a department's own figures (部门决算说明) and its claims about its projects.

A figure may be stated in several places of the report; each statement is its own
``[[figures]]`` entry.  Where a check needs "the" value of a figure, it takes the statements
nearest the place being checked (the longest shared beginning of ``source``, i.e. the same
section first), and accepts the check if any of them passes: a figure stated twice with two
values is D504's finding, not a reason for every other rule to fire.

One module per rule (``<code>.py``, its ``check``); the rule's prose, settings and
pass/fail cases are in ``rules/checks/department/<CODE>.toml``:

D: a department's own figures (部门决算说明) and its claims about its projects.
"""
