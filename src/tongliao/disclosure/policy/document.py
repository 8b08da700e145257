"""PolicyDocument (政策文件/公文): a 公文 published with the catalogue metadata."""

from plone.app.textfield import RichText
from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from tongliao.disclosure import _
from tongliao.disclosure import constraints
from tongliao.disclosure import validators
from tongliao.disclosure.constraints import RuleViolation
from tongliao.disclosure.policy.agency import find_agency
from tongliao.disclosure.vocabularies import DISCLOSURE_ATTRIBUTES
from tongliao.disclosure.vocabularies import DOCUMENT_KINDS
from tongliao.disclosure.vocabularies import FIVE_PUBLICITY
from tongliao.disclosure.vocabularies import SUBJECT_CATEGORIES
from tongliao.disclosure.vocabularies import VALIDITY
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory


MSG_EXEMPT_NEEDS_REASON = _(
    "Information that is not to be disclosed needs the reason (Regulation art. 14–16)."
)
MSG_EXEMPT_NEEDS_REASSESSMENT = _(
    "Information that is not to be disclosed needs a reassessment date "
    "(Regulation art. 18)."
)
MSG_ON_REQUEST_NEEDS_REASON = _(
    "Information disclosed on request only needs the reason why it is not "
    "disclosed proactively."
)
MSG_REPLACED_BY_TYPE = _("Only a policy document can replace a policy document.")


def _replaced_by_constraint(value):
    target = getattr(value, "to_object", value)
    if target is not None and getattr(target, "portal_type", None) != "PolicyDocument":
        raise RuleViolation(MSG_REPLACED_BY_TYPE)
    return True


MSG_DIRECTORY_ITEM_TYPE = _("Only standard-directory items can be fulfilled.")


def _directory_item_constraint(value):
    target = getattr(value, "to_object", value)
    if target is not None and getattr(target, "portal_type", None) != "DirectoryItem":
        raise RuleViolation(MSG_DIRECTORY_ITEM_TYPE)
    return True


@provider(IContextAwareDefaultFactory)
def default_issuing_agency(context):
    """The title of the enclosing agency (the usual issuing organ)."""
    agency = find_agency(context)
    return agency.Title() if agency is not None else None


class IPolicyDocument(model.Schema):
    """A 公文 published in the disclosure catalogue."""

    document_number = schema.TextLine(
        title=_("Document number"),
        description=_(
            "发文字号 as printed, e.g. 通政公办字〔2021〕1号; orders may use 第N号."
        ),
        required=False,
        constraint=constraints.document_number,
    )

    issuing_agency = schema.TextLine(
        title=_("Issuing agency"),
        description=_("发文机关: the organ that issued the document."),
        required=True,
        defaultFactory=default_issuing_agency,
    )

    date_written = schema.Date(
        title=_("Date written"),
        description=_("成文日期: the date the document was signed or adopted."),
        required=True,
        constraint=constraints.date_written_not_future,
    )

    # Art. 26: information is published within 20 working days of the day it
    # is formed (成文日期) or changed; the monitor counts from this date to the
    # publication of the changed version.
    date_changed = schema.Date(
        title=_("Date of change"),
        description=_(
            "信息变更日期: the day the information itself changed (an amendment, "
            "new figures). Art. 26 counts 20 working days from it to the "
            "publication of the changed version. Empty for a new document."
        ),
        required=False,
        constraint=constraints.date_changed_not_future,
    )

    # Assigned by the site at first publication; never typed in.
    index_number = schema.TextLine(
        title=_("Index number"),
        description=_("Assigned automatically when the document is first published."),
        required=False,
        readonly=True,
        default="",
        missing_value="",
    )

    # Choices the author must make show an empty "please choose" first, never a
    # preselected value; optional ones say "not set" (not z3c.form's 空值).
    directives.widget("document_kind", prompt=True, promptMessage=_("Please choose"))
    document_kind = schema.Choice(
        title=_("Document kind"),
        vocabulary=DOCUMENT_KINDS,
        required=True,
    )

    directives.widget("subject_category", prompt=True, promptMessage=_("Please choose"))
    subject_category = schema.Choice(
        title=_("Subject category"),
        vocabulary=SUBJECT_CATEGORIES,
        required=True,
    )

    disclosure_attribute = schema.Choice(
        title=_("Disclosure attribute"),
        vocabulary=DISCLOSURE_ATTRIBUTES,
        required=True,
        default="proactive",
    )

    exemption_reason = schema.Text(
        title=_("Reason for not disclosing proactively"),
        description=_("Required unless the document is disclosed proactively."),
        required=False,
    )

    reassessment_date = schema.Date(
        title=_("Reassessment date"),
        description=_(
            "When withheld information is reviewed again (Regulation art. 18)."
        ),
        required=False,
    )

    directives.widget("five_publicity", noValueMessage=_("Not set"))
    five_publicity = schema.Choice(
        title=_("Five publicity category"),
        vocabulary=FIVE_PUBLICITY,
        required=False,
    )

    validity = schema.Choice(
        title=_("Validity"),
        vocabulary=VALIDITY,
        required=True,
        default="valid",
    )

    repeal_date = schema.Date(title=_("Repeal date"), required=False)

    directives.widget(
        "replaced_by",
        ContentBrowserFieldWidget,
        pattern_options={"selectableTypes": ["PolicyDocument"]},
    )
    replaced_by = RelationChoice(
        title=_("Replaced by"),
        description=_("The document that replaces this one."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
        constraint=_replaced_by_constraint,
    )

    is_regulation = schema.Bool(title=_("Rule (regulation)"), required=False)

    is_normative = schema.Bool(
        title=_("Administrative normative document"), required=False
    )

    registration_number = schema.TextLine(
        title=_("Registration number"),
        description=_("Filing number of an administrative normative document."),
        required=False,
    )

    text = RichText(title=_("Text"), required=False)

    model.fieldset(
        "directory", label=_("Standard directory"), fields=["directory_items"]
    )
    directives.widget(
        "directory_items",
        ContentBrowserFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["DirectoryItem"]},
    )
    directory_items = RelationList(
        title=_("Directory items fulfilled"),
        description=_("The standard-directory items this document fulfils."),
        value_type=RelationChoice(
            title=_("Directory item"),
            vocabulary="plone.app.vocabularies.Catalog",
            constraint=_directory_item_constraint,
        ),
        required=False,
        default=[],
    )

    @invariant
    def disclosure_reason(data):
        attribute = getattr(data, "disclosure_attribute", None)
        reason = (getattr(data, "exemption_reason", None) or "").strip()
        if attribute == "exempt":
            if not reason:
                raise Invalid(MSG_EXEMPT_NEEDS_REASON)
            if not getattr(data, "reassessment_date", None):
                raise Invalid(MSG_EXEMPT_NEEDS_REASSESSMENT)
        if attribute == "on_request" and not reason:
            raise Invalid(MSG_ON_REQUEST_NEEDS_REASON)

    @invariant
    def changed_after_written(data):
        validators.check_date_changed(
            getattr(data, "date_changed", None), getattr(data, "date_written", None)
        )

    @invariant
    def document_number_matches_kind(data):
        number = getattr(data, "document_number", None)
        if number:
            validators.check_document_number(
                number, getattr(data, "document_kind", None)
            )


@implementer(IPolicyDocument)
class PolicyDocument(Container):
    """A policy document; attachments (File, Image) live inside it."""

    index_number = ""


def cross_schema_problems(date_written, effective):
    """Messages of the rules spanning our schema and IPublication (发布日期)."""
    try:
        validators.check_dates_written_before_published(date_written, effective)
    except Invalid as error:
        return [error.args[0]]
    return []
