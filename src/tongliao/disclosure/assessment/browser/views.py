"""Staff pages of the city office: monitors, assessments, overview, scheme.

Every page reads; writes happen only on POST with the CSRF token (send the
reassessment reminders, create the period's assessments, record a manual
score or an override, save the scheme).
"""

from datetime import date
from html import escape
from plone import api
from plone.protect import CheckAuthenticator
from Products.CMFPlone.utils import safe_text
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from tongliao.disclosure import _
from tongliao.disclosure.assessment import engine
from tongliao.disclosure.assessment import queries
from tongliao.disclosure.assessment.charts import bar_chart
from tongliao.disclosure.assessment.charts import trend_chart
from tongliao.disclosure.assessment.content import assessment_id
from tongliao.disclosure.assessment.content import period_title
from tongliao.disclosure.assessment.export import build_overview_xlsx
from tongliao.disclosure.assessment.monitors import period_dates
from tongliao.disclosure.assessment.reminders import send_reassessment_reminders
from tongliao.disclosure.assessment.scheme import DEFAULT_SCHEME_JSON
from tongliao.disclosure.assessment.scheme import validate_scheme
from tongliao.disclosure.browser.base import chinese_date
from tongliao.disclosure.browser.base import download
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.chinatime import datetime_text
from tongliao.disclosure.policy.agency import IDisclosureAgency
from zope.i18n import translate


MANAGE = "tongliao.disclosure: Manage assessment"

MONITOR_TITLES = {
    "publication_on_time": _("Proactive publication within 20 working days"),
    "interpretation_coverage": _("Interpretation coverage and lag"),
    "reassessment_due": _("Withheld information due for reassessment"),
    "applications_on_time": _("Applications answered on time"),
    "consultations_overdue": _("Consultation feedback on time"),
    "complaints_on_time": _("Complaints answered on time"),
    "guide_freshness": _("Disclosure guide up to date"),
    "directory_fulfilment": _("Standard directory fulfilled"),
    "annual_report_on_time": _("Annual report published by its deadline"),
}
REASONS = {
    "late": _("late"),
    "missing": _("missing"),
    "overdue": _("overdue"),
    "unpublished": _("not published"),
    "never_reviewed": _("never reviewed"),
    "stale": _("not reviewed within the interval"),
}
QUARTER_OPTIONS = (
    (0, _("Whole year")),
    (1, _("First quarter")),
    (2, _("Second quarter")),
    (3, _("Third quarter")),
    (4, _("Fourth quarter")),
)


def _int(value, default, low, high):
    try:
        value = int(value)
    except (TypeError, ValueError):
        return default
    return value if low <= value <= high else default


def percent(value):
    return "—" if value is None else f"{value * 100:.1f}%"


def finding_date(value):
    if not value:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return chinese_date(value)


class _PeriodView(BrowserView):
    period_macros = ViewPageTemplateFile("templates/period_form.pt")

    def period(self):
        today = site_today()
        form = self.request.form
        year = _int(form.get("year"), today.year, 2008, 2100)
        quarter = _int(form.get("quarter"), 0, 0, 4)
        return year, quarter

    def period_title(self):
        return period_title(*self.period())

    def quarter_options(self):
        current = self.period()[1]
        return [
            {"value": value, "title": title, "selected": value == current}
            for value, title in QUARTER_OPTIONS
        ]

    def may_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def t(self, msgid):
        return translate(msgid, context=self.request)

    monitor_title = staticmethod(MONITOR_TITLES.get)
    percent = staticmethod(percent)
    finding_date = staticmethod(finding_date)

    def reason(self, code):
        return REASONS.get(code, code)


class MonitorsView(_PeriodView):
    """@@disclosure-monitors: every monitor of one agency (or of each agency on
    the site), with the items behind each number."""

    index = ViewPageTemplateFile("templates/monitors.pt")

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("send_reminders"):
            self.remind()
            self.request.response.redirect(self.request.URL)
            return ""
        return self.index()

    def remind(self):
        CheckAuthenticator(self.request)
        messages = IStatusMessage(self.request)
        if not self.may_manage():
            messages.add(_("You may not send reminders."), type="error")
            return
        sent, missing = send_reassessment_reminders(self.agency_objects())
        messages.add(
            _(
                "${sent} reminders sent; ${missing} documents have no reachable "
                "author.",
                mapping={"sent": sent, "missing": missing},
            )
        )

    def agency_objects(self):
        if IDisclosureAgency.providedBy(self.context):
            return [self.context]
        return [b._unrestrictedGetObject() for b in queries.agencies()]

    def sections(self):
        year, quarter = self.period()
        found = []
        for agency in self.agency_objects():
            results = queries.run_monitors(agency, period_dates(year, quarter))
            found.append(
                {
                    "agency": agency,
                    "monitors": [
                        {"id": name, "result": results[name]} for name in MONITOR_TITLES
                    ],
                }
            )
        return found


class AssessmentView(_PeriodView):
    """An agency's assessment: indicators, evidence, scores, total and grade."""

    index = ViewPageTemplateFile("templates/assessment.pt")

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("assessment_action"):
            self.handle_post()
            self.request.response.redirect(self.context.absolute_url())
            return ""
        return self.index()

    def handle_post(self):
        CheckAuthenticator(self.request)
        messages = IStatusMessage(self.request)
        if not api.user.has_permission("Modify portal content", obj=self.context):
            messages.add(_("A published assessment is frozen."), type="error")
            return
        form = self.request.form
        action = form.get("assessment_action")
        indicator = form.get("indicator")
        try:
            if action == "override":
                engine.set_override(
                    self.context,
                    indicator,
                    form.get("score"),
                    safe_text(form.get("reason", "")),
                )
                messages.add(_("The score was changed and the reason recorded."))
            elif action == "clear_override":
                engine.clear_override(
                    self.context, indicator, safe_text(form.get("reason", ""))
                )
                messages.add(_("The computed score is used again."))
            elif action == "manual":
                engine.set_manual(
                    self.context,
                    indicator,
                    form.get("score"),
                    safe_text(form.get("evidence", "")),
                )
                messages.add(_("The score and its evidence were recorded."))
            else:
                messages.add(_("Unknown action."), type="error")
        except engine.AssessmentError as error:
            messages.add(error.message, type="error")

    def result(self):
        if not hasattr(self, "_result"):
            self._result = engine.assessment_result(self.context)
        return self._result

    def frozen(self):
        return engine.is_frozen(self.context)

    def can_edit(self):
        return not self.frozen() and api.user.has_permission(
            "Modify portal content", obj=self.context
        )

    def override_log(self):
        log = self.result().get("override_log") if self.frozen() else None
        entries = log if log is not None else engine.override_log(self.context)
        titles = {row["id"]: row["title"] for row in self.result()["indicators"]}
        return [
            dict(
                e,
                actor_name=staff_name(e.get("actor")),
                indicator_title=titles.get(e.get("indicator"), e.get("indicator")),
            )
            for e in entries
        ]

    def staff_name(self, user_id):
        return staff_name(user_id)

    time_text = staticmethod(datetime_text)

    def accountability(self):
        return accountability_rows(self.context.aq_parent, engine.period(self.context))


def staff_name(user_id):
    if not user_id:
        return ""
    user = api.user.get(userid=user_id)
    if user is None:
        return user_id
    return (user.getProperty("fullname", "") or "").strip() or user_id


def accountability_rows(agency, period):
    catalog = api.portal.get_tool("portal_catalog")
    rows = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="AccountabilityRecord",
        path="/".join(agency.getPhysicalPath()),
        sort_on="created",
    ):
        # A handful per agency: woken for their fields (no catalog columns).
        record = brain._unrestrictedGetObject()
        decided = record.decision_date
        if decided is None or not period[0] <= decided <= period[1]:
            continue
        rectify_by, verify_by = record.deadlines()
        rows.append(
            {
                "url": brain.getURL(),
                "title": brain.Title,
                "unit": record.responsible_unit,
                "measure": record.measure,
                "decided": chinese_date(decided),
                "rectify_by": chinese_date(rectify_by),
                "verify_by": chinese_date(verify_by),
                "state": brain.review_state,
            }
        )
    return rows


class OverviewView(_PeriodView):
    """@@assessment-overview: agencies ranked, charts, export, print."""

    index = ViewPageTemplateFile("templates/overview.pt")
    table_macros = ViewPageTemplateFile("templates/overview_table.pt")

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get(
            "create_assessments"
        ):
            self.create()
            year, quarter = self.period()
            self.request.response.redirect(
                f"{self.request.URL}?year={year}&quarter={quarter}"
            )
            return ""
        return self.index()

    def create(self):
        CheckAuthenticator(self.request)
        messages = IStatusMessage(self.request)
        if not self.may_manage():
            messages.add(_("You may not create assessments."), type="error")
            return
        created = create_assessments(*self.period())
        messages.add(_("${count} assessments created.", mapping={"count": created}))

    def rows(self):
        if not hasattr(self, "_rows"):
            self._rows = overview_rows(*self.period())
        return self._rows

    def bar_chart(self):
        return bar_chart(
            [(row["agency_title"], row["result"]["total"]) for row in self.rows()],
            title=self.t(_("Total score by agency")),
        )

    def trend_chart(self):
        year, quarter = self.period()
        series = trend_series(year, quarter)
        return trend_chart(series, title=self.t(_("Published totals over the years")))

    def query(self):
        year, quarter = self.period()
        return f"year={year}&quarter={quarter}"

    def year(self):
        return self.period()[0]


def create_assessments(year, quarter):
    """A draft Assessment per agency that has none for the period."""
    created = 0
    name = assessment_id(year, quarter)
    for brain in queries.agencies():
        agency = brain._unrestrictedGetObject()
        if name in agency.objectIds():
            continue
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=agency,
                type="Assessment",
                id=name,
                title=f"{agency.Title()}{period_title(year, quarter)}绩效考核",
                year=year,
                quarter=quarter,
            )
        created += 1
    return created


def overview_rows(year, quarter):
    """Every agency's result for the period, ranked by total (no data last)."""
    name = assessment_id(year, quarter)
    rows = []
    for brain in queries.agencies():
        agency = brain._unrestrictedGetObject()
        assessment = agency.get(name)
        if assessment is not None:
            result = engine.assessment_result(assessment)
            state = api.content.get_state(assessment)
            url = assessment.absolute_url()
        else:
            result = engine.compute(agency, year, quarter)
            state = None
            url = ""
        rows.append(
            {
                "agency_title": agency.Title(),
                "agency_url": agency.absolute_url(),
                "url": url,
                "state": state,
                "result": result,
            }
        )
    rows.sort(
        key=lambda r: (r["result"]["total"] is None, -(r["result"]["total"] or 0))
    )
    for rank, row in enumerate(rows, 1):
        row["rank"] = rank if row["result"]["total"] is not None else None
    return rows


def trend_series(year, quarter, years=5):
    """{agency title: [(year, total)]} from published snapshots only."""
    series = {}
    for brain in queries.agencies():
        agency = brain._unrestrictedGetObject()
        points = []
        for past in range(year - years + 1, year + 1):
            assessment = agency.get(assessment_id(past, quarter))
            if assessment is None or not engine.is_frozen(assessment):
                continue
            total = engine.frozen_snapshot(assessment)["total"]
            if total is not None:
                points.append((past, total))
        if points:
            series[agency.Title()] = points
    return series


class OverviewPrint(OverviewView):
    index = ViewPageTemplateFile("templates/overview_print.pt")

    def __call__(self):
        return self.index()


class OverviewXlsx(_PeriodView):
    def __call__(self):
        year, quarter = self.period()
        data = build_overview_xlsx(
            period_title(year, quarter), overview_rows(year, quarter), self.t
        )
        return download(
            self.request.response,
            data,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            f"绩效考核{period_title(year, quarter)}.xlsx",
        )


class SchemeView(BrowserView):
    """@@assessment-scheme: the scheme as JSON, validated before it is saved."""

    index = ViewPageTemplateFile("templates/scheme.pt")
    errors = ()

    def __call__(self):
        self.text = self.stored()
        if self.request.method == "POST" and "save_scheme" in self.request.form:
            CheckAuthenticator(self.request)
            self.text = safe_text(self.request.form.get("scheme", ""))
            _scheme, self.errors = validate_scheme(self.text)
            if not self.errors:
                api.portal.set_registry_record(engine.SCHEME_RECORD, self.text)
                IStatusMessage(self.request).add(_("The scheme was saved."))
                self.request.response.redirect(self.request.URL)
                return ""
        elif self.request.method == "POST" and "reset_scheme" in self.request.form:
            CheckAuthenticator(self.request)
            api.portal.set_registry_record(engine.SCHEME_RECORD, "")
            IStatusMessage(self.request).add(_("The default scheme is used again."))
            self.request.response.redirect(self.request.URL)
            return ""
        return self.index()

    def stored(self):
        return (
            api.portal.get_registry_record(engine.SCHEME_RECORD, default=None)
            or DEFAULT_SCHEME_JSON
        )

    def error_texts(self):
        return [escape(translate(e, context=self.request)) for e in self.errors]
