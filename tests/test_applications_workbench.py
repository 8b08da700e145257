"""The officer's workbench over real HTTP: dashboard filters, sorting and XLSX
export; the case page as a guided procedure (labelled forms, the effect on
the deadline shown before confirming); the timeline in Chinese with names."""

from .applications_support import apply_online
from .applications_support import officer_action
from .applications_support import PASSWORD
from .applications_support import the_case
from datetime import timedelta
from html.parser import HTMLParser
from io import BytesIO
from openpyxl import load_workbook
from plone import api
from tongliao.disclosure.applications.workflow import deadlines_json
from tongliao.disclosure.calendar import site_today

import re
import transaction


class Controls(HTMLParser):
    """Visible form controls and the ids that have a <label for>."""

    def __init__(self):
        super().__init__()
        self.controls, self.labelled = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label" and attrs.get("for"):
            self.labelled.add(attrs["for"])
        if tag in ("input", "select", "textarea") and attrs.get("type") not in (
            "hidden",
            "submit",
        ):
            self.controls.append(attrs)


def case_forms(html):
    start = html.index('id="action-')
    return html[start : html.index("</form>", html.rindex('id="action-')) + 7]


def test_case_page_is_a_guided_procedure(applications_site, browser_session):
    apply_online(browser_session)
    with api.env.adopt_roles(["Manager"]):
        api.user.get(username="officer").setMemberProperties({"fullname": "李办理"})
    transaction.commit()
    app = the_case(applications_site)
    url = app.absolute_url()
    session = browser_session(("officer", PASSWORD))
    html = session.get(url).text
    forms = case_forms(html)
    # Only the steps possible for a registered case, as labelled forms.
    assert 'id="action-accept"' in forms
    assert 'id="action-request_correction"' in forms
    assert 'id="action-end_consultation"' not in forms
    assert 'id="action-archive"' not in forms
    parser = Controls()
    parser.feed(forms)
    assert len(parser.controls) > 10
    unlabelled = [c for c in parser.controls if c.get("id") not in parser.labelled]
    assert unlabelled == []
    # The effect on the deadline, before confirming.
    deadline = deadlines_json(app)["reply_deadline"]
    year, month, day = (int(part) for part in deadline.split("-"))
    assert f"答复期限不变：{year}年{month}月{day}日" in forms
    assert "答复期限中止；补正期限自申请人收到补正告知书之日起计算" in forms
    # Through 补正 and consultation to the reply, from the forms.
    officer_action(browser_session, url, "accept")
    officer_action(
        browser_session,
        url,
        "request_correction",
        items="请写明文号",
        delivery="in_person",
    )
    html = session.get(url).text
    form = html[html.index('id="action-receive_correction"') :]
    form = form[: form.index("</form>")]
    # Receiving the correction restarts the clock today: 20 working days on.
    restart = deadlines_json(the_case(applications_site))["reply_deadline"]
    year, month, day = (int(part) for part in restart.split("-"))
    assert f"→ {year}年{month}月{day}日" in form
    officer_action(browser_session, url, "receive_correction")
    officer_action(
        browser_session,
        url,
        "start_consultation",
        party="某供热公司",
        basis="third_party",
    )
    officer_action(browser_session, url, "end_consultation", answer="answered")
    officer_action(
        browser_session, url, "reply", outcome="granted", reasons="予以公开。"
    )
    html = session.get(url).text
    events = html[html.index('id="case-events"') :]
    events = events[: events.index("</table>")]
    for title in ("收到申请", "受理", "发出补正告知书", "收到补正后的申请"):
        assert title in events
    for title in ("发出征求意见书", "征求意见结束", "已答复"):
        assert title in events
    assert "李办理" in events
    assert ">officer<" not in events and "correction_requested" not in events
    assert "申请人" in events  # the online submission
    # Reconsideration recorded from the workbench, shown in Chinese.
    assert 'id="action-remedy_filed"' in html
    officer_action(
        browser_session,
        url,
        "remedy_filed",
        proceeding="review",
        organ="通辽市人民政府",
    )
    html = session.get(url).text
    assert "提起行政复议或行政诉讼" in html and "通辽市人民政府" in html


def make_cases(portal):
    """Three open cases in two agencies: registered, awaiting correction, processing."""
    with api.env.adopt_roles(["Manager"]):
        other = api.content.create(
            container=portal,
            type="DisclosureAgency",
            id="other",
            title="通辽市财政局",
            credit_code="11150500MB1604391C",
        )
        if api.portal.get_tool("portal_workflow").getChainFor(other):
            api.content.transition(other, "publish")
        today = site_today()
        # Received three weeks ago: the reply is due within 10 working days.
        received = today - timedelta(days=21)
        cases = {}
        for container, name in (
            (portal["agency"], "new"),
            (portal["agency"], "waiting"),
            (other, "busy"),
        ):
            cases[name] = api.content.create(
                container=container,
                type="DisclosureApplication",
                id=name,
                title=f"申请{name}",
                channel="in_person",
                received_date=received,
                applicant_type="natural_person",
                applicant_name="王五",
                id_number="11010519491231002X",
                phone="13900001111",
                description="某文件",
                provision_form="email",
                obtain_method="email",
            )
        from tongliao.disclosure.applications.actions import perform

        perform(cases["waiting"], "request_correction", day=today, items="写明文号")
        perform(cases["busy"], "accept", day=today)
    transaction.commit()
    return other


def titles(html):
    return re.findall(r'<a href="[^"]+">(申请\w+)</a>', html)


def test_dashboard_filters_sort_and_export(applications_site, browser_session):
    other = make_cases(applications_site)
    session = browser_session(("officer", PASSWORD))
    page = session.get("@@applications-dashboard")
    assert page.status_code == 200
    parser = Controls()
    form = page.text[page.text.index('id="dashboard-filters"') :]
    parser.feed(form[: form.index("</form>")])
    assert {c["name"] for c in parser.controls} == {"state", "agency", "due"}
    assert all(c["id"] in parser.labelled for c in parser.controls)
    by_state = session.get("@@applications-dashboard?state=awaiting_correction").text
    assert titles(by_state) == ["申请waiting"]
    by_agency = session.get(f"@@applications-dashboard?agency={other.UID()}").text
    assert titles(by_agency) == ["申请busy"]
    due = session.get("@@applications-dashboard?due=overdue").text
    assert titles(due) == []
    soon = session.get("@@applications-dashboard?due=10&sort_on=sortable_title").text
    assert titles(soon) == ["申请busy", "申请new"]  # paused case has no deadline
    reverse = session.get(
        "@@applications-dashboard?due=10&sort_on=sortable_title&sort_order=descending"
    ).text
    assert titles(reverse) == ["申请new", "申请busy"]
    # Sort links keep the filters.
    assert "state=awaiting_correction" in re.search(
        r'href="([^"]*sort_on=received_date[^"]*)"', by_state
    ).group(1).replace("&amp;", "&")
    junk = session.get("@@applications-dashboard?state=<x>&due=99&agency=nope")
    assert junk.status_code == 200
    export = session.get("@@applications-dashboard?format=xlsx&agency=" + other.UID())
    assert export.status_code == 200
    assert export.headers["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    sheet = load_workbook(BytesIO(export.content)).active
    rows = list(sheet.values)
    assert rows[0][:4] == ("申请", "状态", "收到申请日期", "答复期限")
    assert [row[0] for row in rows[1:]] == ["申请busy"]
    assert rows[1][1] == "办理中"
    assert rows[1][2] == (site_today() - timedelta(days=21)).isoformat()
    assert "王五" not in repr(rows)  # no personal data in the export
    anonymous = browser_session().get("@@applications-dashboard?format=xlsx")
    assert anonymous.status_code in (401, 403) or "申请busy" not in anonymous.text
