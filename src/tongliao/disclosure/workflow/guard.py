"""The view behind the guard expressions of disclosure_review_workflow."""

from Products.Five import BrowserView
from tongliao.disclosure.workflow.review import guard_allows


class ReviewGuard(BrowserView):
    def allowed(self, transition):
        return guard_allows(self.context, transition)
