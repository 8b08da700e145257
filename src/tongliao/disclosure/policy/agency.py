"""DisclosureAgency (公开主体): an agency and its whole disclosure area."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.dexterity.content import Container
from plone.supermodel import model
from tongliao.disclosure import _
from tongliao.disclosure import constraints
from zope import schema
from zope.interface import implementer
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


# Regulation art. 49: departments publish by 31 January, governments by 31 March.
AGENCY_KINDS = SimpleVocabulary(
    [
        SimpleTerm("department", "department", _("Government department")),
        SimpleTerm("government", "government", _("People's government")),
    ]
)


class IDisclosureAgency(model.Schema):
    """An administrative organ that discloses government information."""

    credit_code = schema.TextLine(
        title=_("Unified social credit code"),
        description=_("18 characters (GB 32100); the prefix of every index number."),
        required=True,
        constraint=constraints.uscc,
    )

    agency_kind = schema.Choice(
        title=_("Kind of agency"),
        description=_(
            "A people's government publishes its annual report by 31 March, a "
            "department by 31 January (deadlines in the settings)."
        ),
        vocabulary=AGENCY_KINDS,
        # Not required: agencies created before this field count as departments.
        required=False,
        default="department",
        missing_value="department",
    )

    address = schema.TextLine(title=_("Address"), required=False)

    postcode = schema.TextLine(title=_("Postcode"), required=False)

    office_hours = schema.TextLine(title=_("Office hours"), required=False)

    phone = schema.TextLine(title=_("Phone"), required=False)

    fax = schema.TextLine(title=_("Fax"), required=False)

    email = schema.TextLine(title=_("Email"), required=False)


@implementer(IDisclosureAgency)
class DisclosureAgency(Container):
    """A disclosure agency (公开主体)."""

    agency_kind = "department"


def find_agency(context):
    """The nearest DisclosureAgency at or above ``context``, or None."""
    obj = aq_inner(context)
    while obj is not None:
        if IDisclosureAgency.providedBy(obj):
            return obj
        obj = aq_parent(obj)
    return None
