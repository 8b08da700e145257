"""DisclosureGuide (政府信息公开指南, DB15/T 2091-2021 §6; Regulation art. 12).

The office block (name, address, hours, phone, fax, email, postcode) is not stored
here: the view reads it from the enclosing DisclosureAgency, the one source.
"""

from plone.app.textfield import RichText
from plone.dexterity.content import Item
from plone.supermodel import model
from tongliao.disclosure import _
from zope import schema
from zope.interface import implementer


# (field, msgid of the heading): the order of DB15/T 2091 §6 and its appendix A.
GUIDE_SECTIONS = (
    ("overview", "Overview"),
    ("proactive_scope", "Proactive disclosure: scope"),
    ("catalogue_system", "Classification and catalogue system"),
    ("access_methods", "How to obtain information"),
    ("application_procedure", "Disclosure on application: procedure"),
    ("fees", "Fees"),
    ("supervision", "Supervision and remedies"),
)


class IDisclosureGuide(model.Schema):
    """The agency's disclosure guide, one rich-text field per section."""

    overview = RichText(
        title=_("Overview"),
        description=_("6.1 总体内容: purpose, basis and scope of the guide."),
        required=False,
    )
    proactive_scope = RichText(
        title=_("Proactive disclosure: scope"),
        description=_("6.2 主动公开: what is published, where and when."),
        required=False,
    )
    catalogue_system = RichText(
        title=_("Classification and catalogue system"),
        description=_("分类、编排体系 (Regulation art. 12): index numbers, subjects."),
        required=False,
    )
    access_methods = RichText(
        title=_("How to obtain information"),
        description=_("获取方式: website, reading points, service centre."),
        required=False,
    )
    application_procedure = RichText(
        title=_("Disclosure on application: procedure"),
        description=_("6.3 依申请公开: how to apply, time limits, replies."),
        required=False,
    )
    fees = RichText(
        title=_("Fees"),
        description=_("信息处理费 (国办函〔2020〕109号)."),
        required=False,
    )
    supervision = RichText(
        title=_("Supervision and remedies"),
        description=_("6.5 监督和救济渠道: complaints, review, litigation."),
        required=False,
    )
    last_reviewed = schema.Date(
        title=_("Last reviewed"),
        description=_(
            "The date the guide was last checked against the rules and the "
            "agency's data (DB15/T 2091 §8 动态更新)."
        ),
        required=False,
    )


@implementer(IDisclosureGuide)
class DisclosureGuide(Item):
    """政府信息公开指南."""
