"""Per-agency settings of 依申请公开 notices: a behavior of DisclosureAgency.

Chosen over registry records keyed by agency because each agency's own
editors keep these next to its address and phone (the agency edit form,
fieldset 依申请公开), and they travel with the agency on export and copy.

* ``review_organ`` (复议机关) and ``court`` (人民法院): named in the remedy
  clause of every notice (条例 art. 51);
* ``notice_number_prefix``: the agency's 代字 of notice numbers (文号), e.g.
  ``通发改信公`` gives ``通发改信公〔2026〕7号``.
"""

from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from tongliao.disclosure import _
from zope import schema
from zope.interface import provider


# Used while an agency has not set its own (documented as assumptions).
DEFAULT_NOTICE_PREFIX = "依申请公开"
DEFAULT_REVIEW_ORGAN = "依法有管辖权的行政复议机关"
DEFAULT_COURT = "有管辖权的人民法院"


@provider(IFormFieldProvider)
class IApplicationAgencySettings(model.Schema):
    """What the notices of this agency's applications say about it."""

    model.fieldset(
        "applications",
        label=_("Applications"),
        fields=["notice_number_prefix", "review_organ", "court"],
    )

    notice_number_prefix = schema.TextLine(
        title=_("Notice number prefix"),
        description=_(
            "The prefix of the numbers of this agency's notices to applicants; "
            "numbers run per year: prefix〔year〕n号."
        ),
        required=False,
        max_length=30,
    )

    review_organ = schema.TextLine(
        title=_("Administrative reconsideration organ"),
        description=_("Named in the remedy clause of every notice."),
        required=False,
        max_length=100,
    )

    court = schema.TextLine(
        title=_("Court for administrative litigation"),
        description=_("Named in the remedy clause of every notice."),
        required=False,
        max_length=100,
    )


def agency_setting(agency, name):
    """A setting of the agency, or the documented default."""
    value = (getattr(agency, name, None) or "").strip()
    if value:
        return value
    return {
        "notice_number_prefix": DEFAULT_NOTICE_PREFIX,
        "review_organ": DEFAULT_REVIEW_ORGAN,
        "court": DEFAULT_COURT,
    }[name]
