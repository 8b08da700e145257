"""PolicyInterpretation (政策解读): explains one or more policy documents."""

from plone.app.textfield import RichText
from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from tongliao.disclosure import _
from tongliao.disclosure.constraints import RuleViolation
from tongliao.disclosure.policy.document import default_issuing_agency
from tongliao.disclosure.vocabularies import INTERPRETATION_FORMS
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer


MSG_INTERPRETED_TYPE = _("An interpretation can only interpret policy documents.")


def _interpreted_constraint(value):
    target = getattr(value, "to_object", value)
    if target is not None and getattr(target, "portal_type", None) != "PolicyDocument":
        raise RuleViolation(MSG_INTERPRETED_TYPE)
    return True


class IPolicyInterpretation(model.Schema):
    """A 政策解读 linked to the documents it explains."""

    directives.widget(
        "interpreted_documents",
        ContentBrowserFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["PolicyDocument"]},
    )
    interpreted_documents = RelationList(
        title=_("Interpreted documents"),
        description=_("The policy documents this interpretation explains."),
        value_type=RelationChoice(
            title=_("Interpreted document"),
            vocabulary="plone.app.vocabularies.Catalog",
            constraint=_interpreted_constraint,
        ),
        required=True,
        min_length=1,
    )

    interpretation_form = schema.List(
        title=_("Interpretation form"),
        value_type=schema.Choice(vocabulary=INTERPRETATION_FORMS),
        required=True,
        min_length=1,
        default=["text"],
    )

    interpreting_agency = schema.TextLine(
        title=_("Interpreting agency"),
        required=False,
        defaultFactory=default_issuing_agency,
    )

    interpreter = schema.TextLine(
        title=_("Interpreter"),
        description=_("The person responsible (第一解读人)."),
        required=False,
    )

    text = RichText(title=_("Text"), required=False)


@implementer(IPolicyInterpretation)
class PolicyInterpretation(Container):
    """A policy interpretation; images, audio, video and files live inside it."""
