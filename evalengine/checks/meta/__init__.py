"""M: rules about suppressions and about the checker itself.

One module per rule (``<code>.py``, its ``check``); the rule's prose, settings and
pass/fail cases are in ``rules/checks/meta/<CODE>.toml``:

M: suppressions and the run itself.
"""
