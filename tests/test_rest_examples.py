"""REST examples of the other features' endpoints, recorded into docs/rest/.

@disclosure-catalog is recorded by test_catalogue_rest.py; @application-status,
@annual-report and @review here. Per-run values (codes, times) are replaced by
fixed examples so the files change only when the API does.
"""

from .applications_support import apply_online
from .applications_support import code_of
from .report_support import add_report
from .report_support import all_manual_zero
from .report_support import build_report_site
from .report_support import publish
from .rest_docs import record

import re


EXAMPLE_CODE = "ABCD-EFGH-JKMN"


def fixed_times(text):
    """Replacements of the run's timestamps by one fixed example time."""
    stamps = re.findall(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^\"]*", text)
    return dict.fromkeys(stamps, "2026-01-20T09:00:00+08:00")


def test_application_status_recorded(
    applications_site, browser_session, request_factory
):
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
    # Download tokens expire (and so change every run); the notice number's year.
    for token in set(re.findall(r"token=([A-Za-z0-9_-]+)", found.text)):
        replacements[token] = "EXAMPLE-TOKEN"
    for year in set(re.findall(r"〔(\d{4})〕", found.text)):
        replacements[f"〔{year}〕"] = "〔2026〕"
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


def test_review_recorded(request_factory, functional_portal):
    from .review_support import CLEAR
    from .review_support import create_item
    from .review_support import make_test_type
    from .review_support import make_users
    from .review_support import PASSWORD

    import transaction

    make_test_type(functional_portal)
    make_users(functional_portal)
    doc = create_item(
        functional_portal, title="关于做好春季防火工作的通知", text="正文"
    )
    transaction.commit()
    url = "/".join(doc.getPhysicalPath()[2:])

    def rest(userid):
        return request_factory(basic_auth=(userid, PASSWORD))

    assert rest("editor").post(f"{url}/@workflow/submit", json={}).ok
    dept = rest("dept").get(f"{url}/@review")
    record(
        "review-get",
        dept,
        "审查: the steps a reviewer may take",
        fixed_times(dept.text),
    )
    passed = rest("dept").post(
        f"{url}/@review", json={"action": "pass", "opinion": "内容准确，同意"}
    )
    assert passed.status_code == 201
    record(
        "review-pass",
        passed,
        "审查: department review passes",
        fixed_times(passed.text),
    )
    rest("secrecy").post(
        f"{url}/@review",
        json={"action": "pass", "opinion": "不涉密", "checklist": CLEAR},
    )
    rest("approver").post(f"{url}/@review", json={"action": "pass", "opinion": "同意"})
    records = rest("editor").get(f"{url}/@review")
    assert records.json()["review_state"] == "published"
    record(
        "review-records", records, "审查: the three records", fixed_times(records.text)
    )
