"""REST examples of the other features' endpoints, recorded into docs/rest/.

@disclosure-catalog is recorded by test_catalogue_rest.py. @review is to be
recorded here with tests/rest_docs.record once its branch is on main.
"""

from .rest_docs import record
from .test_applications_http import apply_online
from .test_applications_http import code_of
from .test_applications_http import site  # noqa: F401 (fixture)
from .test_applications_http import smtp_sink  # noqa: F401 (fixture)

import re


EXAMPLE_CODE = "ABCD-EFGH-JKMN"


def fixed_times(text):
    """Replacements of the run's timestamps by one fixed example time."""
    stamps = re.findall(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^\"]*", text)
    return dict.fromkeys(stamps, "2026-01-20T09:00:00+08:00")


def test_application_status_recorded(site, browser_session, request_factory):  # noqa: F811
    code = code_of(apply_online(browser_session))
    api = request_factory()
    found = api.get("/@application-status", params={"code": code, "phone_tail": "5678"})
    assert found.status_code == 200
    assert found.json()["state"] == "registered"
    dates = set(re.findall(r"\d{4}-\d{2}-\d{2}", found.text))
    # Dates depend on the day the suite runs; the example shows fixed ones.
    replacements = {code: EXAMPLE_CODE}
    for n, day in enumerate(sorted(dates)):
        replacements[day] = ("2026-03-02", "2026-03-30", "2026-04-28")[min(n, 2)]
    record("application-status", found, "依申请公开: status lookup", replacements)
    wrong = api.get("/@application-status", params={"code": code, "phone_tail": "0000"})
    unknown = api.get(
        "/@application-status", params={"code": EXAMPLE_CODE, "phone_tail": "5678"}
    )
    assert wrong.status_code == unknown.status_code
    assert wrong.json() == unknown.json()
    record(
        "application-status-not-found",
        unknown,
        "依申请公开: status lookup, unknown code or wrong phone",
    )


def test_annual_report_recorded(functional_portal, request_factory):
    from .report_support import add_report
    from .report_support import all_manual_zero
    from .report_support import build_report_site
    from .test_annual_report_http import publish

    agency, _other = build_report_site(functional_portal)
    report = add_report(
        agency, 2025, **{**all_manual_zero(), "licensing_decisions": 55}
    )
    publish(report)
    public = request_factory().get(report.absolute_url() + "/@annual-report")
    assert public.status_code == 200
    assert public.json()["reported"]["t2.licensing.decisions"] == 55
    record(
        "annual-report",
        public,
        "政府信息公开工作年度报告 (anonymous, published)",
        fixed_times(public.text),
    )
    staff = request_factory(role="Manager").get(
        report.absolute_url() + "/@annual-report"
    )
    assert staff.json()["blocking"] == []
    record(
        "annual-report-staff",
        staff,
        "政府信息公开工作年度报告 (staff)",
        fixed_times(staff.text),
    )
