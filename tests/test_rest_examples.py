"""REST examples of the other features' endpoints, recorded into docs/rest/.

@disclosure-catalog is recorded by test_catalogue_rest.py. @review and
@annual-report are to be recorded here with tests/rest_docs.record once their
branches are on main (see docs/rest/README.md).
"""

from .rest_docs import record
from .test_applications_http import apply_online
from .test_applications_http import code_of
from .test_applications_http import site  # noqa: F401 (fixture)
from .test_applications_http import smtp_sink  # noqa: F401 (fixture)

import re


EXAMPLE_CODE = "ABCD-EFGH-JKMN"


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
