"""Review rules of the feedback report (asked by review.workflow.check_rules)."""

from Acquisition import aq_base
from plone import api
from tongliao.disclosure import _
from tongliao.disclosure.chinatime import today_in_china
from tongliao.disclosure.consultation.content import consultation_of
from tongliao.disclosure.consultation.window import CLOSED
from tongliao.disclosure.consultation.window import comment_window


FEEDBACK_TYPE = "ConsultationFeedback"


def feedback_problems(obj, today=None):
    """Why a feedback report may not be published yet (translatable messages)."""
    if getattr(aq_base(obj), "portal_type", None) != FEEDBACK_TYPE:
        return []
    consultation = consultation_of(obj)
    if consultation is None:
        return [_("A feedback report belongs inside its consultation.")]
    problems = []
    if api.content.get_state(consultation, default=None) != "published":
        problems.append(_("The consultation itself is not published."))
    window = comment_window(
        consultation.open_date, consultation.close_date, today or today_in_china()
    )
    if window != CLOSED:
        problems.append(
            _(
                "The feedback report can be published only after the consultation "
                "closed."
            )
        )
    return problems
