"""AnnualReport (政府信息公开工作年度报告) in the 2021 national format.

Sections 一、五、六 are rich text; tables 二、三、四 are computed from the site
(tongliao.disclosure.reports; table 四 from the 行政复议 / 行政诉讼 recorded on
the applications) or entered here (the table 二 cells whose source is outside
the site). Overrides, check explanations and the frozen snapshot live in
attributes managed by :mod:`tongliao.disclosure.reports.report`.
"""

from plone.app.textfield import RichText
from plone.dexterity.content import Item
from plone.supermodel import model
from tongliao.disclosure import _
from tongliao.disclosure.policy.agency import find_agency
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid


def _year_constraint(value):
    if not 2008 <= value <= 2100:
        raise Invalid(_("Enter a year between 2008 and 2100."))
    return True


def _not_negative(value):
    if value is not None and value < 0:
        raise Invalid(_("A count cannot be negative."))
    return True


MANUAL_FIELDS = {
    "t2.licensing.decisions": "licensing_decisions",
    "t2.penalty.decisions": "penalty_decisions",
    "t2.enforcement.decisions": "enforcement_decisions",
    "t2.fees.amount_10k_yuan": "fees_10k_yuan",
}


class IAnnualReport(model.Schema):
    """The yearly report of one agency (条例 art. 49–50)."""

    year = schema.Int(
        title=_("Report year"),
        description=_("The calendar year the report covers."),
        required=True,
        constraint=_year_constraint,
    )

    overview = RichText(title=_("I. General situation"), required=False)
    problems = RichText(title=_("V. Main problems and improvements"), required=False)
    other_matters = RichText(
        title=_("VI. Other matters to report"),
        description=_("Including the information-processing fees collected."),
        required=False,
    )

    model.fieldset(
        "table2",
        label=_("Table 2: figures entered by staff"),
        fields=[
            "licensing_decisions",
            "penalty_decisions",
            "enforcement_decisions",
            "fees_10k_yuan",
        ],
    )
    licensing_decisions = schema.Int(
        title=_("Administrative licensing: decisions this year"),
        required=False,
        constraint=_not_negative,
    )
    penalty_decisions = schema.Int(
        title=_("Administrative penalties: decisions this year"),
        required=False,
        constraint=_not_negative,
    )
    enforcement_decisions = schema.Int(
        title=_("Administrative enforcement: decisions this year"),
        required=False,
        constraint=_not_negative,
    )
    fees_10k_yuan = schema.Decimal(
        title=_("Administrative fees collected this year (10,000 yuan)"),
        required=False,
        constraint=_not_negative,
    )


@implementer(IAnnualReport)
class AnnualReport(Item):
    """An annual report; its title is derived from the agency and the year."""

    year = None

    def Title(self):
        agency = find_agency(self.__parent__) if self.__parent__ is not None else None
        prefix = agency.Title() if agency is not None else ""
        if self.year:
            return f"{prefix}{self.year}年政府信息公开工作年度报告"
        return self.__dict__.get("title", "") or ""

    @property
    def title(self):
        return self.Title()

    @title.setter
    def title(self, value):
        # The title is always derived; a given one is kept only as a fallback.
        self.__dict__["title"] = value
