"""Behavior ``tongliao.disclosure.coordination``: the agencies a document involves."""

from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from tongliao.disclosure import _
from tongliao.disclosure.constraints import RuleViolation
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope.interface import provider


MSG_AGENCY_TYPE = _("Only disclosure agencies can be co-agencies.")


def _agency_constraint(value):
    target = getattr(value, "to_object", value)
    kind = getattr(target, "portal_type", None)
    if target is not None and kind != "DisclosureAgency":
        raise RuleViolation(MSG_AGENCY_TYPE)
    return True


@provider(IFormFieldProvider)
class ICoordination(model.Schema):
    """联合发文 or a document touching other agencies' duties."""

    model.fieldset("coordination", label=_("Coordination"), fields=["co_agencies"])
    directives.widget(
        "co_agencies",
        ContentBrowserFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["DisclosureAgency"]},
    )
    co_agencies = RelationList(
        title=_("Co-agencies to confirm"),
        description=_(
            "Agencies that issue the document jointly or whose duties it touches: "
            "each confirms it before approval."
        ),
        value_type=RelationChoice(
            title=_("Co-agency"),
            vocabulary="plone.app.vocabularies.Catalog",
            constraint=_agency_constraint,
        ),
        required=False,
        default=[],
    )
