"""Pages of the 责任追究 records (staff of the city office only)."""

from plone import api
from Products.Five.browser import BrowserView
from tongliao.disclosure.accountability.content import MEASURES
from tongliao.disclosure.accountability.content import SOURCES
from tongliao.disclosure.browser.base import chinese_date
from tongliao.disclosure.policy.agency import find_agency
from tongliao.disclosure.states import state_title


WORKFLOW = "disclosure_accountability_workflow"


class AccountabilityRecordView(BrowserView):
    chinese_date = staticmethod(chinese_date)

    def measure(self):
        term = MEASURES.by_value.get(self.context.measure)
        return term.title if term else ""

    def source(self):
        term = SOURCES.by_value.get(self.context.source_kind)
        return term.title if term else ""

    def deadlines(self):
        return self.context.deadlines()

    def agency(self):
        return find_agency(self.context)

    def state(self):
        return state_title(api.content.get_state(self.context), workflow_id=WORKFLOW)


class AccountabilityListView(BrowserView):
    """All records the user may see (catalog-filtered), newest first."""

    def records(self):
        return api.content.find(
            portal_type="AccountabilityRecord", sort_on="created", sort_order="reverse"
        )

    def state_title(self, brain):
        return state_title(brain.review_state, workflow_id=WORKFLOW)

    def measure(self, brain):
        # A few records: woken for their fields (no catalog columns of ours).
        term = MEASURES.by_value.get(brain.getObject().measure)
        return term.title if term else ""
