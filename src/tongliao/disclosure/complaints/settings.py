"""Registry settings of complaints and messages (prefix ``tongliao.disclosure``).

Tongliao's own periods are not in our sources: every default is an assumption
documented in docs/complaints.rst.
"""

from tongliao.disclosure import _
from zope import schema
from zope.interface import Interface


class IParticipationSettings(Interface):
    complaint_accept_days = schema.Int(
        title=_("Complaints: working days to decide on acceptance"),
        description=_("Counted from the day of receipt (day 0). Assumed: 5."),
        default=5,
        min=1,
    )

    complaint_conclude_days = schema.Int(
        title=_("Complaints: working days to conclude and reply"),
        description=_("Counted from the day of acceptance. Assumed: 30."),
        default=30,
        min=1,
    )

    complaint_routing = schema.List(
        title=_("Complaints: supervising office per agency"),
        description=_(
            "One line per agency: agency id=group id. Without a line the "
            "group complaint_handlers (the city's disclosure office) handles it."
        ),
        value_type=schema.TextLine(),
        default=[],
        required=False,
    )

    complaint_reply_office = schema.TextLine(
        title=_("Complaints: office that signs the written reply"),
        description=_(
            "Shown at the end of the 举报处理答复书. Empty: the site's organizer "
            "(主办单位)."
        ),
        default="",
        required=False,
    )

    message_answer_days = schema.Int(
        title=_("Messages: working days to answer"),
        description=_("Counted from the day of receipt (day 0). Assumed: 10."),
        default=10,
        min=1,
    )

    participation_limit_per_ip = schema.Int(
        title=_("Complaints and messages per IP address and window"),
        default=5,
        min=1,
    )
