"""AccountabilityRecord (责任追究): staff-only record of a failure and its measure.

Visible only to the city office (``DisclosureSupervisor``), Site Administrators
and Managers, in every state (``disclosure_accountability_workflow``): never to
anonymous users, through any channel. Deadlines are working days in the site
calendar: rectification counted from the decision date (day 0), verification
from the rectification deadline (or the day rectification was reported, if
earlier).
"""

from plone.dexterity.content import Item
from plone.supermodel import model
from tongliao.disclosure import _
from tongliao.disclosure.calendar import get_site_calendar
from tongliao.disclosure.workdays import CalendarCoverageError
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _vocabulary(*pairs):
    return SimpleVocabulary([SimpleTerm(token, token, title) for token, title in pairs])


MEASURES = _vocabulary(
    ("rectification_order", _("Order to rectify")),
    ("talk", _("Admonitory talk")),
    ("circulated_criticism", _("Circulated criticism")),
    ("other", _("Other measure")),
)
SOURCES = _vocabulary(
    ("monitor", _("Monitor finding")),
    ("complaint", _("Complaint")),
    ("assessment", _("Assessment result")),
    ("application", _("Application")),
    ("other", _("Other source")),
)


def _positive(value):
    if value is not None and not 1 <= value <= 120:
        raise Invalid(_("Enter between 1 and 120 working days."))
    return True


class IAccountabilityRecord(model.Schema):
    """责任追究 record."""

    source_kind = schema.Choice(
        title=_("What revealed the failure"), vocabulary=SOURCES, required=True
    )
    source_url = schema.URI(
        title=_("Link to the finding, complaint, assessment or application"),
        required=False,
    )
    finding = schema.Text(title=_("Finding"), required=True)
    responsible_unit = schema.TextLine(title=_("Responsible unit"), required=True)
    responsible_person = schema.TextLine(title=_("Responsible person"), required=False)
    measure = schema.Choice(title=_("Measure"), vocabulary=MEASURES, required=True)
    measure_detail = schema.TextLine(
        title=_("Measure details (for other measures)"), required=False
    )
    decision_date = schema.Date(title=_("Decision date"), required=True)
    rectification_working_days = schema.Int(
        title=_("Working days to rectify"),
        default=20,
        required=True,
        constraint=_positive,
    )
    verification_working_days = schema.Int(
        title=_("Working days to verify the rectification"),
        default=10,
        required=True,
        constraint=_positive,
    )
    rectified_date = schema.Date(title=_("Rectification reported on"), required=False)
    verified_date = schema.Date(title=_("Rectification verified on"), required=False)

    @invariant
    def other_needs_detail(data):
        if getattr(data, "measure", None) == "other" and not getattr(
            data, "measure_detail", None
        ):
            raise Invalid(_("Describe the measure when it is 'other'."))

    @invariant
    def dates_in_order(data):
        decided = getattr(data, "decision_date", None)
        rectified = getattr(data, "rectified_date", None)
        verified = getattr(data, "verified_date", None)
        if decided and rectified and rectified < decided:
            raise Invalid(_("Rectification cannot be reported before the decision."))
        if verified and not rectified:
            raise Invalid(_("Enter the rectification date before the verification."))
        if rectified and verified and verified < rectified:
            raise Invalid(_("Verification cannot precede the rectification."))


def record_deadlines(
    decision_date, rectify_days, verify_days, rectified=None, calendar=None
):
    """(rectification deadline, verification deadline); None for a calendar gap."""
    calendar = calendar or get_site_calendar()
    try:
        rectify_by = calendar.add_working_days(decision_date, rectify_days)
        start = min(rectified, rectify_by) if rectified else rectify_by
        return rectify_by, calendar.add_working_days(start, verify_days)
    except CalendarCoverageError:
        return None, None


@implementer(IAccountabilityRecord)
class AccountabilityRecord(Item):
    """A 责任追究 record."""

    def deadlines(self):
        if self.decision_date is None:
            return None, None
        return record_deadlines(
            self.decision_date,
            self.rectification_working_days or 20,
            self.verification_working_days or 10,
            self.rectified_date,
        )
