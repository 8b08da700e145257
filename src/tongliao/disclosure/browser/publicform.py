"""The public forms of complaints and messages: one schema-driven form.

A subclass names its schema, its fields and how it creates the case; the base
does the rest as the application form does: CSRF token, honeypot, per-IP rate
limit (counted only for accepted submissions), the schema's own validation with
a translated message per field, and nothing typed is lost on an error.
"""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from tongliao.disclosure import _
from tongliao.disclosure import logger
from tongliao.disclosure import ratelimit
from tongliao.disclosure.tracking import missing_lookup_fields
from zExceptions import Forbidden
from zope import schema
from zope.i18n import translate
from zope.schema import ValidationError


HONEYPOT = "homepage"
REQUIRED = _("This field is required.")


class PublicCaseForm(BrowserView):
    """GET shows the form, POST files the case and shows its tracking code."""

    template = ViewPageTemplateFile("templates/publicform.pt")
    done_template = ViewPageTemplateFile("templates/publicform_done.pt")
    schema = None
    field_names = ()
    bucket = ""
    heading = ""
    intro = ""
    submit_label = ""
    done_heading = ""
    done_text = ""
    lookup_view = ""

    def __call__(self):
        self.request.response.setHeader("Referrer-Policy", "no-referrer")
        self.errors = {}
        self.form_error = ""
        self.values = dict.fromkeys(self.field_names, "")
        self.created = None
        if self.request.method == "POST":
            return self.submit()
        return self.template()

    def t(self, message):
        return translate(message, context=self.request) if message else ""

    def action_url(self):
        return f"{self.context.absolute_url()}/@@{self.__name__}"

    def lookup_url(self):
        return f"{api.portal.get().absolute_url()}/@@{self.lookup_view}"

    def kind(self, name):
        field = self.schema[name]
        if isinstance(field, schema.Choice):
            return "select"
        if isinstance(field, schema.Bool):
            return "checkbox"
        if isinstance(field, schema.Text) and not isinstance(field, schema.TextLine):
            return "textarea"
        return "text"

    def choices(self, name):
        field = self.schema[name].bind(self.context)
        return [(term.token, self.t(term.title)) for term in field.vocabulary]

    def fields(self):
        result = []
        for name in self.field_names:
            field = self.schema[name]
            kind = self.kind(name)
            result.append(
                {
                    "name": name,
                    "kind": kind,
                    "title": self.t(field.title),
                    "description": self.t(field.description or ""),
                    "required": self.is_required(name),
                    "value": self.values.get(name, ""),
                    "error": self.errors.get(name, ""),
                    "choices": self.choices(name) if kind == "select" else (),
                }
            )
        return result

    def is_required(self, name):
        return self.schema[name].required

    def _fail(self, message, status=400):
        self.form_error = self.t(message)
        self.request.response.setStatus(status)
        return self.template()

    def submit(self):
        form = self.request.form
        for name in self.field_names:
            value = form.get(name)
            self.values[name] = value.strip() if isinstance(value, str) else ""
        try:
            CheckAuthenticator(self.request)
        except Forbidden:
            return self._fail(
                _("The form has expired. Reload the page and submit it again.")
            )
        if form.get(HONEYPOT):
            logger.info("%s form honeypot filled; request dropped", self.bucket)
            return self._fail(_("The submission could not be accepted."))
        if not ratelimit.allow_submit(self.bucket, self.request):
            return self._fail(ratelimit.SUBMIT_LIMITED, 429)
        data = self.validate()
        if self.errors:
            return self._fail(_("Please correct the marked fields."))
        self.created = self.create(data)
        ratelimit.count_submit(self.bucket, self.request)
        return self.done_template()

    def validate(self):
        """Values by the schema; ``self.errors`` gets one message per bad field."""
        data = {}
        for name in self.field_names:
            field = self.schema[name].bind(self.context)
            value = self.values[name]
            kind = self.kind(name)
            if kind == "checkbox":
                data[name] = bool(value)
                continue
            if not value:
                if self.is_required(name):
                    self.errors[name] = self.t(REQUIRED)
                data[name] = None
                continue
            if kind == "select":
                if value not in {token for token, _title in self.choices(name)}:
                    self.errors[name] = self.t(_("Choose one of the options."))
                data[name] = value
                continue
            try:
                field.validate(value)
            except ValidationError as exc:
                self.errors[name] = self.t(exc.doc())
            data[name] = value
        self.check(data)
        return data

    def check(self, data):
        """Checks across fields or against the site (subclasses)."""

    def create(self, data):
        raise NotImplementedError


class PublicLookupView(BrowserView):
    """Status of a case by tracking code + phone tail, POSTed (GET works too).

    A subclass gives ``heading``, ``find(code, tail)``, ``not_found`` and
    ``rows(case)`` (label, value) pairs; misses, wrong tails and limits answer
    as @@application-lookup does (400, 404, 429; at least the time floor).
    """

    template = ViewPageTemplateFile("templates/publiclookup.pt")
    heading = ""
    not_found = ""

    def t(self, message):
        return translate(message, context=self.request) if message else ""

    def __call__(self):
        self.request.response.setHeader("Referrer-Policy", "no-referrer")
        self.status_rows = None
        self.download_links = []
        self.message = ""
        code = self.request.form.get("code", "")
        tail = self.request.form.get("phone_tail", "")
        self.code = code if isinstance(code, str) else ""
        self.tail = tail if isinstance(tail, str) else ""
        if self.code or self.tail or self.request.method == "POST":
            self.request.response.setHeader("Cache-Control", "no-store")
            missing = missing_lookup_fields(self.code, self.tail)
            if missing:
                self.request.response.setStatus(400)
                self.message = self.t(missing)
            elif not ratelimit.allow_lookup(self.request):
                self.request.response.setStatus(429)
                self.message = self.t(ratelimit.LOOKUP_LIMITED)
            else:
                case = self.find(self.code, self.tail)
                if case is None:
                    self.request.response.setStatus(404)
                    self.message = self.not_found
                else:
                    self.status_rows = [
                        (self.t(label), value) for label, value in self.rows(case)
                    ]
                    self.download_links = self.links(case)
        return self.template()

    def links(self, case):
        """(label, url) of documents the requester may download (signed links)."""
        return []

    def find(self, code, tail):
        raise NotImplementedError

    def rows(self, case):
        raise NotImplementedError
