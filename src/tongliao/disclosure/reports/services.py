"""GET @annual-report on an AnnualReport.

Staff: computed cells, overrides, manual cells, reported cells, checks (with
translated messages and explanations), blocking problems and the frozen snapshot.
Everyone else reaches the endpoint only on a published report (View permission)
and gets the frozen, published numbers only.
"""

from plone.restapi.services import Service
from tongliao.disclosure.reports import report as reports
from tongliao.disclosure.reports.report import is_report_staff
from zope.i18n import translate


def _checks(results, request):
    return [
        {
            "id": r["id"],
            "severity": r["severity"],
            "passed": r["passed"],
            "explainable": r["explainable"],
            "message": translate(r["message"], context=request),
            "explanation": r.get("explanation"),
        }
        for r in results
    ]


class AnnualReportGet(Service):
    def reply(self):
        report = self.context
        snapshot = reports.frozen_snapshot(report)
        frozen = reports.is_frozen(report) and snapshot is not None
        result = {
            "@id": f"{report.absolute_url()}/@annual-report",
            "title": report.Title(),
            "year": report.year,
            "published": snapshot["published"] if frozen else None,
        }
        if not is_report_staff(report):
            result["reported"] = snapshot["reported"] if frozen else None
            return result
        computed = reports.computed_cells(report)
        reported = snapshot["reported"] if frozen else reports.reported_cells(report)
        result.update(
            {
                "computed": computed,
                "overrides": reports.overrides(report),
                "override_log": reports.override_log(report),
                "manual": reports.manual_values(report),
                "reported": reported,
                "checks": _checks(
                    reports.report_checks(report, reported), self.request
                ),
                "blocking": [
                    translate(m, context=self.request)
                    for m in reports.report_blocking_problems(report)
                ],
                "snapshot": snapshot,
            }
        )
        return result
