"""DisclosureAgency (公开主体): an agency and its whole disclosure area."""

from plone.dexterity.content import Container
from plone.supermodel import model
from tongliao.disclosure import _
from tongliao.disclosure.content import constraints
from zope import schema
from zope.interface import implementer


class IDisclosureAgency(model.Schema):
    """An administrative organ that discloses government information."""

    credit_code = schema.TextLine(
        title=_("Unified social credit code"),
        description=_("18 characters (GB 32100); the prefix of every index number."),
        required=True,
        constraint=constraints.uscc,
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
