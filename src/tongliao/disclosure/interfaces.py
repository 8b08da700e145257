"""Marker interfaces and the add-on's settings schema."""

from datetime import date
from tongliao.disclosure import _
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


def _month_day(value):
    """Accept MM-DD strings of a real calendar day."""
    try:
        month, day = (int(part) for part in value.split("-"))
        date(2024, month, day)
    except (ValueError, AttributeError):
        raise Invalid(_("Use the form MM-DD, for example 01-31."))
    return True


class IBrowserLayer(IDefaultBrowserLayer):
    """Marker interface for the add-on's browser layer."""


class IDisclosureSettings(Interface):
    """Site-wide settings of the disclosure platform (plone.registry)."""

    interpretation_max_lag_working_days = schema.Int(
        title=_("Maximum interpretation lag (working days)"),
        description=_(
            "An interpretation published later than this many working days after "
            "its document is flagged. National texts set no number; Inner Mongolia "
            "practice uses 5, some cities 3."
        ),
        default=3,
        min=0,
        max=60,
    )

    index_number_year_source = schema.Choice(
        title=_("Year in the index number"),
        description=_(
            "Which year the index number carries. Tongliao's convention is not "
            "confirmed; publication year is the default."
        ),
        vocabulary=SimpleVocabulary(
            [
                SimpleTerm("published", title=_("Year of publication")),
                SimpleTerm("date_written", title=_("Year the document was written")),
            ]
        ),
        default="published",
    )

    guide_review_interval_days = schema.Int(
        title=_("Disclosure guide review interval (days)"),
        description=_(
            "Staff are warned when a guide has not been reviewed for longer."
        ),
        default=365,
        min=1,
    )

    due_soon_working_days = schema.Int(
        title=_("Due-soon threshold (working days)"),
        description=_("Applications due within this many working days are flagged."),
        default=3,
        min=0,
        max=20,
    )

    fee_notice_pauses_clock = schema.Bool(
        title=_("Fee notice pauses the reply clock"),
        description=_(
            "Not settled by the national texts (confidence: low). Decide with your "
            "legal office."
        ),
        default=False,
        required=False,
    )

    annual_report_deadline_department = schema.TextLine(
        title=_("Annual report deadline for departments (MM-DD)"),
        description=_("Regulation art. 49(1): 31 January."),
        default="01-31",
        constraint=_month_day,
    )

    annual_report_deadline_government = schema.TextLine(
        title=_("Annual report deadline for governments (MM-DD)"),
        description=_("Regulation art. 49(2): 31 March."),
        default="03-31",
        constraint=_month_day,
    )

    calendar_overrides = schema.List(
        title=_("Working-day calendar overrides"),
        description=_(
            "One line per day: YYYY-MM-DD:holiday|workday:note. Enter the State "
            "Council's yearly holiday notice here when the built-in calendar does "
            "not cover the year yet."
        ),
        value_type=schema.TextLine(),
        default=[],
        required=False,
    )

    calendar_covered_years = schema.List(
        title=_("Years covered by the overrides"),
        description=_(
            "Years whose holiday notice has been entered in full above; dates in "
            "years covered neither by the built-in calendar nor here are refused."
        ),
        value_type=schema.Int(min=2000, max=2100),
        default=[],
        required=False,
    )


class IReviewable(Interface):
    """Marker: the item goes through disclosure_review_workflow and keeps review
    records (behavior ``tongliao.disclosure.reviewable``)."""
