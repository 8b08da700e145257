"""REST: GET @assessment on an Assessment, GET @assessment-overview on the site.

Both are the city office's (the Assessment is staff-only in every state; the
overview needs ``tongliao.disclosure: View assessment``): the same numbers as
the pages — indicators with value, checked/passed counts, findings (the items
behind each number, with their URLs), score, weight, override; the total and
the grade; a published assessment answers its frozen snapshot.
"""

from plone.restapi.services import Service
from tongliao.disclosure.assessment import engine
from tongliao.disclosure.assessment.browser.views import _int
from tongliao.disclosure.assessment.browser.views import overview_rows
from tongliao.disclosure.calendar import site_today


class AssessmentGet(Service):
    def reply(self):
        assessment = self.context
        return {
            "@id": f"{assessment.absolute_url()}/@assessment",
            "title": assessment.Title(),
            "year": assessment.year,
            "quarter": assessment.quarter or 0,
            "frozen": engine.is_frozen(assessment),
            "result": engine.assessment_result(assessment),
            "override_log": engine.override_log(assessment),
        }


class OverviewGet(Service):
    def reply(self):
        form = self.request.form
        year = _int(form.get("year"), site_today().year, 2008, 2100)
        quarter = _int(form.get("quarter"), 0, 0, 4)
        rows = overview_rows(year, quarter)
        return {
            "@id": f"{self.context.absolute_url()}/@assessment-overview",
            "year": year,
            "quarter": quarter,
            "items": [
                {
                    "rank": row["rank"],
                    "agency": row["agency_title"],
                    "agency_url": row["agency_url"],
                    "assessment_url": row["url"] or None,
                    "state": row["state"],
                    "total": row["result"]["total"],
                    "grade": row["result"]["grade"],
                }
                for row in rows
            ],
        }
