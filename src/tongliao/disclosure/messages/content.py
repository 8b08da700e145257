"""PublicMessage (政民互动留言): a question to an agency about its disclosure work.

The writer's name and contact carry the read permission of applicant data and
are never shown publicly; the question and the answer are published only when
the writer agreed and staff approved the publication.
"""

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from tongliao.disclosure import _
from tongliao.disclosure.applications.content import VIEW_APPLICANT_DATA
from tongliao.disclosure.casehistory import EventHistory
from tongliao.disclosure.tracking import code_matches
from tongliao.disclosure.tracking import email_constraint
from tongliao.disclosure.tracking import phone_constraint
from zope import schema
from zope.interface import implementer


PERSONAL_FIELDS = ("writer_name", "phone", "email", "tracking_code")


class IPublicMessage(model.Schema):
    """A public question to an agency (信息公开意见箱)."""

    title = schema.TextLine(title=_("Subject"), required=True, max_length=100)

    question = schema.Text(title=_("Your question"), required=True, max_length=3000)

    directives.read_permission(**dict.fromkeys(PERSONAL_FIELDS, VIEW_APPLICANT_DATA))

    writer_name = schema.TextLine(title=_("Your name"), required=True, max_length=100)

    phone = schema.TextLine(
        title=_("Phone"),
        description=_("Needed to look up the answer; never shown publicly."),
        required=True,
        constraint=phone_constraint,
        max_length=30,
    )

    email = schema.TextLine(
        title=_("Email"),
        description=_("The answer is also sent here (optional)."),
        required=False,
        constraint=email_constraint,
        max_length=100,
    )

    publication_consent = schema.Bool(
        title=_(
            "I agree that my question and the answer may be published "
            "(without my name or contact) after review."
        ),
        required=False,
        default=False,
    )

    directives.omitted("tracking_code", "answer")
    tracking_code = schema.TextLine(title=_("Tracking code"), required=False)
    answer = schema.Text(title=_("Answer"), required=False)


@implementer(IPublicMessage)
class PublicMessage(Item, EventHistory):
    """One message and its answer."""

    tracking_code = None
    answer = None
    publication_consent = False

    def matches(self, code, tail):
        return code_matches(self.tracking_code, self.phone, code, tail)
