"""The function behind the guard expressions of disclosure_review_workflow.

The guards call ``modules['tongliao.disclosure.review.guard'].allowed(object, id)``:
a module function declared public for restricted code (in ``__init__``), not a
browser view, so no URL answers it (an earlier ``@@disclosure-review-guard``
view was callable by anonymous on any object).
"""

from tongliao.disclosure.review.workflow import guard_allows


def allowed(obj, transition):
    return guard_allows(obj, transition)
