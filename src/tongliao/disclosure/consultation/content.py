"""PolicyConsultation (意见征集) and its ConsultationFeedback (采纳情况反馈)."""

from plone import api
from plone.app.textfield import RichText
from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.supermodel import model
from tongliao.disclosure import _
from tongliao.disclosure.constraints import RuleViolation
from tongliao.disclosure.consultation.window import period_days
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


MSG_RESULT_TYPE = _("The resulting document must be a policy document.")
MSG_CONSULTATION_TYPE = _("Choose a policy consultation.")

# Decisions of a group of comments in the feedback report (stable tokens).
DECISIONS = SimpleVocabulary(
    [
        SimpleTerm("adopted", title=_("Adopted")),
        SimpleTerm("partly", title=_("Partly adopted")),
        SimpleTerm("not_adopted", title=_("Not adopted")),
    ]
)


def _result_constraint(value):
    target = getattr(value, "to_object", value)
    if target is not None and getattr(target, "portal_type", None) != "PolicyDocument":
        raise RuleViolation(MSG_RESULT_TYPE)
    return True


def _consultation_constraint(value):
    target = getattr(value, "to_object", value)
    if target is not None and getattr(target, "portal_type", None) != (
        "PolicyConsultation"
    ):
        raise RuleViolation(MSG_CONSULTATION_TYPE)
    return True


def min_days():
    return api.portal.get_registry_record(
        "tongliao.disclosure.consultation_min_days", default=30
    )


class IPolicyConsultation(model.Schema):
    """A draft policy open for public comment between two dates."""

    draft_text = RichText(title=_("Draft text"), required=True)
    explanation = RichText(
        title=_("Explanation of the draft"),
        description=_("起草说明: why the policy is needed and what it changes."),
        required=False,
    )
    open_date = schema.Date(title=_("Open for comments from"), required=True)
    close_date = schema.Date(
        title=_("Open for comments until"),
        description=_("Comments are accepted until the end of this day (China time)."),
        required=True,
    )
    participation = schema.Text(
        title=_("How to take part"),
        description=_("Besides the online form: mail, e-mail, fax, in person."),
        required=False,
    )
    contact = schema.TextLine(title=_("Contact (office and telephone)"), required=False)
    address = schema.TextLine(title=_("Postal address"), required=False)

    @invariant
    def period(data):
        start, end = data.open_date, data.close_date
        if start is None or end is None:
            return
        if end < start:
            raise Invalid(_("The consultation must close on or after its opening day."))
        if period_days(start, end) < min_days():
            raise Invalid(
                _(
                    "A consultation must stay open at least ${days} days.",
                    mapping={"days": min_days()},
                )
            )


@implementer(IPolicyConsultation)
class PolicyConsultation(Container):
    """A consultation; files (the draft as a document) may live inside it."""


class IConsultationFeedback(model.Schema):
    """采纳情况反馈: what became of the comments, and the resulting document."""

    directives.widget(
        "consultation",
        ContentBrowserFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["PolicyConsultation"]},
    )
    consultation = RelationChoice(
        title=_("Consultation"),
        vocabulary="plone.app.vocabularies.Catalog",
        constraint=_consultation_constraint,
        required=True,
    )

    text = RichText(
        title=_("Summary of the feedback"),
        description=_("How many comments were received and how they were handled."),
        required=True,
    )

    directives.widget(
        "resulting_document",
        ContentBrowserFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["PolicyDocument"]},
    )
    resulting_document = RelationChoice(
        title=_("Resulting policy document"),
        description=_("The feedback is shown on this document's page once published."),
        vocabulary="plone.app.vocabularies.Catalog",
        constraint=_result_constraint,
        required=False,
    )

    # Edited on @@feedback-groups: [{"topic", "decision", "reason", "comments"}].
    directives.omitted("groups")
    groups = schema.List(
        title=_("Groups of comments"),
        value_type=schema.Dict(key_type=schema.TextLine(), value_type=schema.Text()),
        required=False,
        default=[],
    )


@implementer(IConsultationFeedback)
class ConsultationFeedback(Item):
    """The feedback report of a consultation; lives in the agency beside it."""


def consultation_of(feedback):
    """The consultation of a feedback report, whoever asks (None when broken)."""
    relation = getattr(feedback, "consultation", None)
    target = getattr(relation, "to_object", None)
    return target if IPolicyConsultation.providedBy(target) else None
