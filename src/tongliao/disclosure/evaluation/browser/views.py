"""Rating forms (document viewlet, answered application, yearly questionnaire),
the staff results page and the paragraph offered to the annual report."""

from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from tongliao.disclosure import _
from tongliao.disclosure.applications import ratelimit
from tongliao.disclosure.applications.links import read_token
from tongliao.disclosure.chinatime import datetime_text
from tongliao.disclosure.chinatime import today_in_china
from tongliao.disclosure.evaluation import engine
from tongliao.disclosure.evaluation import store
from tongliao.disclosure.policy.agency import find_agency
from zExceptions import Forbidden
from zope.i18n import translate
from zope.interface import alsoProvides

import secrets


COOKIE = "tl_rater"
COOKIE_DAYS = 365
RATING_FILE_ID = "rating"  # the signed link of applications/links.py, for a rating
RATED_STATES = ("replied", "archived")
RATE_LIMITED = _("Too many ratings from your network. Try again later.")
ALREADY_RATED = _("You have already rated this today. Thank you.")
THANKS = _("Thank you for your rating.")


def _t(request, message):
    return translate(message, context=request)


def _setting(name, default):
    value = api.portal.get_registry_record(f"tongliao.disclosure.{name}", default=None)
    return default if value is None else value


def grade_choices():
    return [{"token": t, "label": label} for t, label in store.grades()]


class _RatingPost(BrowserView):
    """Shared checks and the write of one rating; renders the result page."""

    result = ViewPageTemplateFile("templates/rating_result.pt")
    back_url = ""
    ok = False

    def finish(self, message, status=200):
        self.message = _t(self.request, message) if message else ""
        self.request.response.setStatus(status)
        return self.result()

    def read_grade(self, name="grade", required=True):
        value, error = check_grade(self.request.form.get(name), required)
        if error:
            self.errors.append(_t(self.request, error))
        return value

    def read_comment(self):
        value, error = check_comment(self.request.form.get("comment"))
        if error:
            self.errors.append(_t(self.request, error))
        return value

    def save(self, agency, kind, target, **record):
        """Checks every rule in order; returns the result page."""
        request = self.request
        if request.method != "POST":
            return request.response.redirect(self.back_url or agency.absolute_url())
        try:
            CheckAuthenticator(request)
        except Forbidden:
            return self.finish(
                _("The form has expired. Please reload the page and try again."), 400
            )
        if self.errors:
            self.message = ""
            request.response.setStatus(400)
            return self.result()
        message, status = record_rating(request, agency, kind, target, **record)
        self.ok = status == 200
        return self.finish(message, status)


def check_grade(value, required=True):
    """(grade token or None, error msgid or None)."""
    tokens = [t for t, label in store.grades()]
    if value in tokens:
        return value, None
    if not required and not value:
        return None, None
    return None, _("Choose one of the grades.")


def check_comment(value):
    """(stripped comment, error msgid or None)."""
    comment = value.strip() if isinstance(value, str) else ""
    limit = _setting("evaluation_comment_max_chars", 500)
    if len(comment) > limit:
        return comment, _(
            "The comment is longer than ${size} characters.", mapping={"size": limit}
        )
    return comment, None


def record_rating(request, agency, kind, target, **record):
    """Store one rating unless this visitor rated ``target`` today or the
    address is over its limit (one path for the forms and REST); returns
    (message msgid, HTTP status). Sets the visitor's cookie when new."""
    day = today_in_china()
    cookie = request.cookies.get(COOKIE, "")
    if not (isinstance(cookie, str) and len(cookie) == 32 and cookie.isalnum()):
        cookie = ""
    keys = engine.visitor_keys(
        store.secret(), day, target, cookie, ratelimit.client_ip(request)
    )
    if store.seen(agency, keys, day):
        return ALREADY_RATED, 200
    limit = _setting("evaluation_limit_per_ip", 20)
    if not ratelimit.hit("rating", request, "evaluation_limit_per_ip", limit):
        return RATE_LIMITED, 429
    alsoProvides(request, IDisableCSRFProtection)
    if not cookie:
        cookie = secrets.token_hex(16)
        keys = engine.visitor_keys(
            store.secret(), day, target, cookie, ratelimit.client_ip(request)
        )
        request.response.setCookie(
            COOKIE,
            cookie,
            path="/",
            max_age=COOKIE_DAYS * 86400,
            http_only=True,
            same_site="Lax",
        )
    store.add_rating(agency, day, keys, kind=kind, target=target, **record)
    return THANKS, 200


def rating_refusal(document):
    """Why ``document`` cannot be rated (msgid) and its agency."""
    agency = find_agency(document)
    if agency is None or api.content.get_state(document, default="") != "published":
        return _("Only published documents can be rated."), agency
    return None, agency


class RateDocumentView(_RatingPost):
    """@@rate on a published PolicyDocument (POST from the viewlet's form)."""

    def __call__(self):
        self.errors = []
        self.back_url = self.context.absolute_url()
        refusal, agency = rating_refusal(self.context)
        if refusal:
            return self.finish(refusal, 400)
        grade = self.read_grade() if self.request.method == "POST" else None
        comment = self.read_comment()
        return self.save(
            agency,
            "document",
            self.context.UID(),
            grade=grade,
            comment=comment,
            target_title=self.context.Title(),
        )


class RateApplicationView(_RatingPost):
    """@@rate-application on the site: the applicant rates an answered case,
    from the status lookup (a signed token, valid 30 minutes, names the case)."""

    def __call__(self):
        self.errors = []
        self.back_url = f"{self.context.absolute_url()}/@@application-lookup"
        found = read_token(self.request.form.get("token"))
        if found is None or found[1] != RATING_FILE_ID:
            return self.finish(
                _("This rating link has expired. Look up your application again."),
                400,
            )
        case = found[0]
        if api.content.get_state(case, default="") not in RATED_STATES:
            return self.finish(_("Only answered applications can be rated."), 400)
        grade = self.read_grade() if self.request.method == "POST" else None
        comment = self.read_comment()
        return self.save(
            case.__parent__, "application", case.UID(), grade=grade, comment=comment
        )


class QuestionnaireView(_RatingPost):
    """@@evaluation on an agency: the yearly questionnaire on its disclosure work."""

    template = ViewPageTemplateFile("templates/questionnaire.pt")

    def year(self):
        return engine.questionnaire_year(
            today_in_china(), _setting("evaluation_previous_year_until", "")
        )

    def questions(self):
        return [
            {"index": index, "text": text}
            for index, text in enumerate(store.questions())
        ]

    def grades(self):
        return grade_choices()

    def __call__(self):
        self.errors = []
        self.back_url = f"{self.context.absolute_url()}/@@evaluation"
        if self.request.method != "POST":
            return self.template()
        answers = {}
        for question in self.questions():
            value = self.read_grade(f"q{question['index']}", required=False)
            if value:
                answers[str(question["index"])] = value
        grade = self.read_grade()
        comment = self.read_comment()
        return self.save(
            self.context,
            "agency",
            f"{self.context.UID()}:{self.year()}",
            year=self.year(),
            grade=grade,
            answers=answers,
            comment=comment,
        )


class ResultsView(BrowserView):
    """@@evaluation-results: the agency's ratings of one year, with charts."""

    template = ViewPageTemplateFile("templates/results.pt")

    def __call__(self):
        raw = self.request.form.get("year", "")
        self.year = today_in_china().year
        self.message = ""
        if raw:
            if isinstance(raw, str) and raw.isdigit() and 2000 <= int(raw) <= 2100:
                self.year = int(raw)
            else:
                self.request.response.setStatus(400)
                self.message = _t(
                    self.request, _("Choose a year between 2000 and 2100.")
                )
        return self.template()

    def years(self):
        found = set(store.years(self.context)) | {today_in_china().year, self.year}
        return sorted(found, reverse=True)

    def records(self):
        return store.ratings(self.context, self.year)

    def by_kind(self):
        return engine.summarise_by_kind(self.records(), store.grades())

    def kinds(self):
        by_kind = self.by_kind()
        return [
            {"kind": k, "title": engine.KIND_TITLES[k], "summary": by_kind[k]}
            for k in engine.KINDS
        ]

    def chart(self):
        by_kind = self.by_kind()
        rows = [(engine.KIND_TITLES[k], by_kind[k]) for k in engine.KINDS]
        return engine.svg_bars(rows, store.grades())

    def question_rows(self):
        return engine.question_summaries(
            self.records(), store.questions(), store.grades()
        )

    def question_chart(self):
        rows = [(r["question"], r["summary"]) for r in self.question_rows()]
        return engine.svg_bars(rows, store.grades()) if rows else ""

    def comments(self):
        labels = dict(store.grades())
        return [
            {
                "kind": engine.KIND_TITLES.get(r["kind"], ""),
                "title": r.get("target_title", ""),
                "grade": labels.get(r["grade"], r["grade"]),
                "comment": r["comment"],
                "created": datetime_text(r["created"]),
            }
            for r in reversed(self.records())
            if r.get("comment")
        ]

    def paragraph(self):
        return engine.report_paragraph(self.year, self.by_kind(), store.grades())


class DocumentRatingViewlet(ViewletBase):
    """The rating form below a published policy document."""

    index = ViewPageTemplateFile("templates/rating_viewlet.pt")

    def available(self):
        return api.content.get_state(self.context, default="") == "published"

    def grades(self):
        return grade_choices()

    def render(self):
        return self.index() if self.available() else ""


class AnnualReportEvaluationViewlet(ViewletBase):
    """On an annual report, for staff: the year's ratings as a paragraph for
    section 一, to copy into 总体情况 (the report's text stays the editor's)."""

    index = ViewPageTemplateFile("templates/report_viewlet.pt")

    def update(self):
        self.agency = find_agency(self.context)
        self.year = getattr(self.context, "year", None)

    def available(self):
        return (
            self.agency is not None
            and self.year is not None
            and api.user.has_permission(
                "tongliao.disclosure: View evaluation results", obj=self.agency
            )
        )

    def paragraph(self):
        by_kind = engine.summarise_by_kind(
            store.ratings(self.agency, self.year), store.grades()
        )
        return engine.report_paragraph(self.year, by_kind, store.grades())

    def results_url(self):
        return f"{self.agency.absolute_url()}/@@evaluation-results?year={self.year}"

    def render(self):
        return self.index() if self.available() else ""
