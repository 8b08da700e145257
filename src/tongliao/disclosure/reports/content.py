"""AnnualReport (政府信息公开工作年度报告) in the 2021 national format.

Sections 一、五、六 are rich text; tables 二、三、四 are computed from the site
(tongliao.disclosure.reports) or entered here (the cells whose source is outside
the site). Overrides, check explanations and the frozen snapshot live in
attributes managed by :mod:`tongliao.disclosure.reports.report`.
"""

from plone.app.textfield import RichText
from plone.dexterity.content import Item
from plone.supermodel import model
from tongliao.disclosure import _
from tongliao.disclosure.policy.agency import find_agency
from tongliao.disclosure.reports.layout import T4_BLOCKS
from tongliao.disclosure.reports.layout import T4_COLUMNS
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
for _block in T4_BLOCKS:
    for _column in T4_COLUMNS:
        MANUAL_FIELDS[f"t4.{_block}.{_column}"] = f"t4_{_block}_{_column}"


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

    model.fieldset(
        "table4",
        label=_("Table 4: administrative review and litigation"),
        fields=[f"t4_{block}_{column}" for block in T4_BLOCKS for column in T4_COLUMNS],
    )

    # The 15 cells of table 四 (t4_<block>_<column>).
    t4_review_upheld = schema.Int(
        title=_("Administrative review: upheld"),
        required=False,
        constraint=_not_negative,
    )
    t4_review_corrected = schema.Int(
        title=_("Administrative review: corrected"),
        required=False,
        constraint=_not_negative,
    )
    t4_review_other = schema.Int(
        title=_("Administrative review: other result"),
        required=False,
        constraint=_not_negative,
    )
    t4_review_pending = schema.Int(
        title=_("Administrative review: not yet concluded"),
        required=False,
        constraint=_not_negative,
    )
    t4_review_total = schema.Int(
        title=_("Administrative review: total"),
        required=False,
        constraint=_not_negative,
    )
    t4_direct_upheld = schema.Int(
        title=_("Litigation without prior review: upheld"),
        required=False,
        constraint=_not_negative,
    )
    t4_direct_corrected = schema.Int(
        title=_("Litigation without prior review: corrected"),
        required=False,
        constraint=_not_negative,
    )
    t4_direct_other = schema.Int(
        title=_("Litigation without prior review: other result"),
        required=False,
        constraint=_not_negative,
    )
    t4_direct_pending = schema.Int(
        title=_("Litigation without prior review: not yet concluded"),
        required=False,
        constraint=_not_negative,
    )
    t4_direct_total = schema.Int(
        title=_("Litigation without prior review: total"),
        required=False,
        constraint=_not_negative,
    )
    t4_after_review_upheld = schema.Int(
        title=_("Litigation after review: upheld"),
        required=False,
        constraint=_not_negative,
    )
    t4_after_review_corrected = schema.Int(
        title=_("Litigation after review: corrected"),
        required=False,
        constraint=_not_negative,
    )
    t4_after_review_other = schema.Int(
        title=_("Litigation after review: other result"),
        required=False,
        constraint=_not_negative,
    )
    t4_after_review_pending = schema.Int(
        title=_("Litigation after review: not yet concluded"),
        required=False,
        constraint=_not_negative,
    )
    t4_after_review_total = schema.Int(
        title=_("Litigation after review: total"),
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
