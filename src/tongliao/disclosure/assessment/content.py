"""Assessment (绩效考核): one agency, one period (a year or a quarter).

The computed part is never stored while the assessment is a draft: its page
computes it from the monitors each time. Overrides of computed scores (reason,
who, when, with an append-only log) and the manual indicators (score and
evidence) are kept in the object's annotations (``engine.py``). Publication
stores a snapshot of everything shown; a published assessment reads only its
snapshot, so later changes of the site's data do not rewrite it.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.dexterity.content import Item
from plone.supermodel import model
from tongliao.disclosure import _
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


QUARTERS = SimpleVocabulary(
    [
        SimpleTerm(0, "0", _("Whole year")),
        SimpleTerm(1, "1", _("First quarter")),
        SimpleTerm(2, "2", _("Second quarter")),
        SimpleTerm(3, "3", _("Third quarter")),
        SimpleTerm(4, "4", _("Fourth quarter")),
    ]
)


def _year_constraint(value):
    if not 2008 <= value <= 2100:
        raise Invalid(_("Enter a year between 2008 and 2100."))
    return True


class IAssessment(model.Schema):
    """绩效考核 of one agency for one period."""

    year = schema.Int(title=_("Assessment year"), constraint=_year_constraint)
    quarter = schema.Choice(
        title=_("Period"), vocabulary=QUARTERS, default=0, required=True
    )


@implementer(IAssessment)
class Assessment(Item):
    """The assessment: computed live while a draft, frozen when published."""

    def Title(self):
        """The stored title, else "<agency><period>绩效考核" (the add form has none)."""
        if self.title:
            return self.title
        agency = aq_parent(aq_inner(self))
        name = agency.Title() if agency is not None else ""
        year = getattr(self, "year", None)
        if not year:
            return ""
        return f"{name}{period_title(year, self.quarter or 0)}绩效考核"


def assessment_id(year, quarter):
    return f"assessment-{year}" + (f"-q{quarter}" if quarter else "")


def period_title(year, quarter):
    names = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}
    return f"{year}年" + (names[quarter] if quarter else "度")
