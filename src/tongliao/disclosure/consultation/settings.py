"""Settings of 意见征集 (registry prefix ``tongliao.disclosure``).

Tongliao's own clauses are not in our sources; the defaults are assumptions,
documented in docs/consultation.rst.
"""

from tongliao.disclosure import _
from zope import schema
from zope.interface import Interface


class IConsultationSettings(Interface):
    consultation_min_days = schema.Int(
        title=_("Minimum consultation period (days)"),
        description=_(
            "A consultation shorter than this cannot be saved. Assumption from "
            "the national rules on major administrative decisions (generally not "
            "less than 30 days)."
        ),
        default=30,
        min=1,
    )

    consultation_feedback_working_days = schema.Int(
        title=_("Feedback report due (working days after closing)"),
        description=_(
            "The 采纳情况反馈 of a consultation is due this many working days "
            "after it closes; the assessment counts late and missing reports. "
            "Assumption: no rule in our sources sets this period."
        ),
        default=20,
        min=1,
    )

    consultation_comment_limit_per_ip = schema.Int(
        title=_("Comments per IP address and window"),
        description=_("Uses the rate-limit window of the online applications."),
        default=10,
        min=1,
    )

    consultation_comment_max_chars = schema.Int(
        title=_("Maximum length of a comment (characters)"),
        default=3000,
        min=100,
    )
