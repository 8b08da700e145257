"""Short names of annual reports: annual-report-<year>."""

from plone.app.content.interfaces import INameFromTitle
from zope.interface import implementer


@implementer(INameFromTitle)
class AnnualReportName:
    def __init__(self, context):
        self.context = context

    @property
    def title(self):
        return f"annual-report-{self.context.year}"
