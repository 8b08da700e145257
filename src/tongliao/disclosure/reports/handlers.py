"""Workflow events of AnnualReport: block publication on failing checks, freeze on it.

Whatever workflow the report is bound to (simple_publication_workflow until the
review workflow lands, then disclosure_review_workflow), entering ``published``
is refused while :func:`report_blocking_problems` returns anything, and the
numbers are frozen into a snapshot when it succeeds.
"""

from Products.CMFCore.WorkflowCore import WorkflowException
from tongliao.disclosure.reports.report import freeze
from tongliao.disclosure.reports.report import PUBLISHED_STATE
from tongliao.disclosure.reports.report import report_blocking_problems
from zope.globalrequest import getRequest
from zope.i18n import translate


class ReportNotApprovable(WorkflowException):
    """Publication refused; the text lists the translated reasons.

    CMFCore re-raises workflow errors as ``type(exc)(exc)``: one plain argument.
    """


def before_transition(report, event):
    if event.new_state is None or event.new_state.getId() != PUBLISHED_STATE:
        return
    problems = report_blocking_problems(report)
    if problems:
        request = getRequest()
        raise ReportNotApprovable(
            "；".join(translate(message, context=request) for message in problems)
        )


def after_transition(report, event):
    if event.new_state is not None and event.new_state.getId() == PUBLISHED_STATE:
        freeze(report)
        report.reindexObject()
