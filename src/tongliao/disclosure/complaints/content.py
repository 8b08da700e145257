"""DisclosureComplaint (举报/投诉): a complaint about disclosure work.

Everything the complainant types (name, contact, the complaint itself, the
application code) carries the read permission of applicant data; the public
page of a published case shows only what staff wrote for publication.
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
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


# What is complained about (issue #14): token -> title.
CATEGORIES = {
    "not_proactive": _("Information not disclosed proactively"),
    "application_unanswered": _("Application not answered"),
    "application_unlawful": _("Application answered unlawfully"),
    "fees": _("Fees charged"),
    "personal_data": _("Personal data published"),
    "other": _("Other"),
}
CATEGORY_VOCABULARY = SimpleVocabulary(
    [SimpleTerm(token, token, title) for token, title in CATEGORIES.items()]
)

PERSONAL_FIELDS = (
    "complainant_name",
    "phone",
    "email",
    "address",
    "details",
    "application_code",
    "tracking_code",
)


class IDisclosureComplaint(model.Schema):
    """A complaint about the disclosure work of an agency (条例 art. 51)."""

    category = schema.Choice(
        title=_("What is the complaint about"),
        vocabulary=CATEGORY_VOCABULARY,
        required=True,
    )

    agency_uid = schema.TextLine(
        title=_("Agency concerned"), required=True, max_length=40
    )

    document_concerned = schema.TextLine(
        title=_("Document concerned"),
        description=_("Title, document number or web address (optional)."),
        required=False,
        max_length=300,
    )

    directives.read_permission(**dict.fromkeys(PERSONAL_FIELDS, VIEW_APPLICANT_DATA))

    application_code = schema.TextLine(
        title=_("Tracking code of the application concerned"),
        description=_("Optional: the code you received when you applied."),
        required=False,
        max_length=30,
    )

    details = schema.Text(title=_("Facts and request"), required=True, max_length=5000)

    complainant_name = schema.TextLine(
        title=_("Your name"), required=False, max_length=100
    )

    phone = schema.TextLine(
        title=_("Phone"), required=False, constraint=phone_constraint, max_length=30
    )

    email = schema.TextLine(
        title=_("Email"), required=False, constraint=email_constraint, max_length=100
    )

    address = schema.TextLine(title=_("Postal address"), required=False, max_length=200)

    directives.omitted(
        "tracking_code",
        "application_uid",
        "refusal_reason",
        "substantiated",
        "finding",
        "measures",
        "reply_text",
        "public_summary",
    )
    tracking_code = schema.TextLine(title=_("Tracking code"), required=False)
    application_uid = schema.TextLine(title=_("Application"), required=False)
    refusal_reason = schema.Text(title=_("Reason for not accepting"), required=False)
    substantiated = schema.Bool(title=_("Complaint substantiated"), required=False)
    finding = schema.Text(title=_("Finding"), required=False)
    measures = schema.Text(title=_("Measures taken"), required=False)
    reply_text = schema.Text(title=_("Reply to the complainant"), required=False)
    public_summary = schema.Text(
        title=_("Anonymised summary for publication"), required=False
    )


@implementer(IDisclosureComplaint)
class DisclosureComplaint(Item, EventHistory):
    """One complaint; its history is an append-only event list."""

    tracking_code = None
    application_uid = None
    refusal_reason = None
    substantiated = None
    finding = None
    measures = None
    reply_text = None
    public_summary = None

    def matches(self, code, tail):
        """Whether (tracking code, phone tail) opens this case (no phone: never)."""
        return code_matches(self.tracking_code, self.phone, code, tail)
