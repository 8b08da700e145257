"""Settings of 社会评议 (registry prefix ``tongliao.disclosure``).

Tongliao's own 公众参与和社会评议制度 is not in our sources: the grades, the
questions and the limits are assumptions documented in docs/evaluation.rst.
"""

from tongliao.disclosure import _
from tongliao.disclosure.interfaces import _month_day
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid


def _grade_lines(lines):
    from_lines = [line.partition(":") for line in lines or []]
    tokens = [token.strip() for token, sep, label in from_lines]
    if (
        len(tokens) < 2
        or any(
            not sep or not token or not label.strip()
            for token, sep, label in from_lines
        )
        or len(set(tokens)) != len(tokens)
    ):
        raise Invalid(
            _(
                "One grade a line as token:label, at least two, each token once; "
                "the first grades count as satisfied."
            )
        )
    return True


def _optional_month_day(value):
    return not value or _month_day(value)


class IEvaluationSettings(Interface):
    evaluation_grades = schema.List(
        title=_("Satisfaction grades"),
        description=_(
            "One a line as token:label, best first. The last grade counts as "
            "dissatisfied, all others as satisfied in the satisfaction rate. "
            "Do not change a token once ratings exist."
        ),
        value_type=schema.TextLine(),
        default=["satisfied:满意", "basic:基本满意", "dissatisfied:不满意"],
        constraint=_grade_lines,
    )

    evaluation_questions = schema.List(
        title=_("Questions of the yearly questionnaire"),
        description=_(
            "One question a line, each rated with the grades; an overall grade is "
            "always asked."
        ),
        value_type=schema.TextLine(),
        default=[
            "主动公开的内容全面、及时",
            "政府信息查找方便、表述易懂",
            "依申请公开办理规范、答复清楚",
        ],
        required=False,
    )

    evaluation_previous_year_until = schema.TextLine(
        title=_("Questionnaire rates the previous year until (MM-DD)"),
        description=_(
            "Up to this day of the year the yearly questionnaire asks about the "
            "previous year (annual evaluations commonly end in March); leave "
            "empty to always ask about the current year."
        ),
        default="03-31",
        required=False,
        constraint=_optional_month_day,
    )

    evaluation_limit_per_ip = schema.Int(
        title=_("Ratings per IP address and window"),
        description=_("Uses the rate-limit window of the online applications."),
        default=20,
        min=1,
    )

    evaluation_comment_max_chars = schema.Int(
        title=_("Maximum length of a rating comment (characters)"),
        default=500,
        min=50,
    )
