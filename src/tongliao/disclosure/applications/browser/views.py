"""Views of 依申请公开: online form, status lookup, case page, actions, dashboard."""

from datetime import date
from datetime import timedelta
from io import BytesIO
from openpyxl import Workbook
from plone import api
from plone.autoform.form import AutoExtensibleForm
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from plone.supermodel import model
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from tongliao.disclosure import _
from tongliao.disclosure import logger
from tongliao.disclosure.applications import ratelimit
from tongliao.disclosure.applications.actions import ACTION_PARAMS
from tongliao.disclosure.applications.actions import ACTIONS
from tongliao.disclosure.applications.actions import available_actions
from tongliao.disclosure.applications.actions import perform
from tongliao.disclosure.applications.actions import unreceived_notices
from tongliao.disclosure.applications.browser.procedure import consequence
from tongliao.disclosure.applications.browser.procedure import EVENT_TITLES
from tongliao.disclosure.applications.browser.procedure import extension_preview
from tongliao.disclosure.applications.browser.procedure import staff_name
from tongliao.disclosure.applications.content import check_applicant_id
from tongliao.disclosure.applications.content import IDisclosureApplication
from tongliao.disclosure.applications.content import mask_name
from tongliao.disclosure.applications.content import normalize_phone
from tongliao.disclosure.applications.content import VIEW_APPLICANT_DATA_TITLE
from tongliao.disclosure.applications.links import make_token
from tongliao.disclosure.applications.links import read_token
from tongliao.disclosure.applications.notices import APPLICANT_KINDS
from tongliao.disclosure.applications.notices import notice_pdf
from tongliao.disclosure.applications.notices import pdf_filename
from tongliao.disclosure.applications.notices import send_text_mail
from tongliao.disclosure.applications.notices import STAFF_KINDS
from tongliao.disclosure.applications.pdf import PdfUnavailable
from tongliao.disclosure.applications.remedies import PROCEEDING_TITLES_ZH
from tongliao.disclosure.applications.remedies import RESULT_TITLES_ZH
from tongliao.disclosure.applications.workflow import ActionError
from tongliao.disclosure.applications.workflow import APPROVE_EXTENSION
from tongliao.disclosure.applications.workflow import case_state_title
from tongliao.disclosure.applications.workflow import cases_ready_to_close
from tongliao.disclosure.applications.workflow import consultation_rows
from tongliao.disclosure.applications.workflow import date_param
from tongliao.disclosure.applications.workflow import deadlines_json
from tongliao.disclosure.applications.workflow import extension_max_days
from tongliao.disclosure.applications.workflow import find_case
from tongliao.disclosure.applications.workflow import find_recent_duplicate
from tongliao.disclosure.applications.workflow import HANDLE_APPLICATION
from tongliao.disclosure.applications.workflow import missing_lookup_fields
from tongliao.disclosure.applications.workflow import NOT_FOUND_MESSAGE
from tongliao.disclosure.applications.workflow import NOT_FOUND_MSGID
from tongliao.disclosure.applications.workflow import OPEN_STATES
from tongliao.disclosure.applications.workflow import paused_due
from tongliao.disclosure.applications.workflow import public_status
from tongliao.disclosure.applications.workflow import ready_to_close
from tongliao.disclosure.applications.workflow import submission_fingerprint
from tongliao.disclosure.bilingual import CHINESE
from tongliao.disclosure.bilingual import is_mongolian
from tongliao.disclosure.bilingual import LANG_TAGS
from tongliao.disclosure.bilingual.dates import date_text as page_date_text
from tongliao.disclosure.bilingual.titles import title_mn
from tongliao.disclosure.bilingual.titles import title_parts
from tongliao.disclosure.bilingual.vocabulary import localize_widget_terms
from tongliao.disclosure.browser.base import download
from tongliao.disclosure.calendar import get_site_calendar
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.chinatime import date_text
from tongliao.disclosure.evaluation.store import grades as rating_grades
from tongliao.disclosure.validators import mask_id_number
from tongliao.disclosure.validators import mask_phone
from tongliao.disclosure.vocabularies import APPLICANT_TYPES
from tongliao.disclosure.vocabularies import APPLICATION_CHANNELS
from tongliao.disclosure.vocabularies import APPLICATION_OUTCOMES
from tongliao.disclosure.vocabularies import get_vocabulary
from tongliao.disclosure.vocabularies import OBTAIN_METHODS
from tongliao.disclosure.vocabularies import PROVISION_FORMS
from urllib.parse import urlencode
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.interfaces import DISPLAY_MODE
from z3c.form.interfaces import IErrorViewSnippet
from z3c.form.interfaces import INPUT_MODE
from zExceptions import Forbidden
from zope import schema
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import Invalid
from zope.schema import ValidationError

import json
import secrets


# Identity proofs: the first bytes of each accepted type.
FILE_SIGNATURES = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
}
FILE_EXTENSIONS = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}
HONEYPOT = "homepage"
APPLY_FIELDS = (
    "applicant_type",
    "id_type",
    "applicant_name",
    "id_number",
    "phone",
    "email",
    "address",
    "description",
    "provision_form",
    "obtain_method",
)


def _t(request, message):
    return translate(message, context=request)


def _choices(name):
    return [(term.token, term.title) for term in get_vocabulary(name)]


def _invalid_text(request, exc):
    if isinstance(exc, ValidationError):
        return _t(request, exc.doc())
    message = exc.args[0] if exc.args else exc
    return _t(request, message)


class IApplyProof(model.Schema):
    """The form-only part of the public form: the proof of identity (kept on
    the case as a stored file, not as a field)."""

    id_proof = schema.Bytes(title=_("Proof of identity"), required=True)


CHOICE_FIELDS = ("applicant_type", "id_type", "provision_form", "obtain_method")
# The option lists drawn from data files (title_mn there); id_type's titles are
# msgids (catalog).
DATA_CHOICES = {
    "applicant_type": APPLICANT_TYPES,
    "provision_form": PROVISION_FORMS,
    "obtain_method": OBTAIN_METHODS,
}


class ApplyView(AutoExtensibleForm, form.Form):
    """<agency>/@@apply: the public online application form (anonymous).

    A z3c.form over the DisclosureApplication schema (the fields a citizen
    fills, APPLY_FIELDS): lengths, constraints and the identity check are the
    schema's, as for REST and the staff registration form.
    """

    schema = IDisclosureApplication
    ignoreContext = True
    # The handler checks the token itself to answer with a page, not a 403;
    # the template renders it (formtop).
    enableCSRFProtection = False
    enable_unload_protection = False
    label = _("Apply for government information")
    template = ViewPageTemplateFile("templates/apply.pt")
    done_template = ViewPageTemplateFile("templates/apply_done.pt")
    app = None
    tracking_code = None
    emailed = False
    form_error = ""

    def update(self):
        self.request.response.setHeader("Referrer-Policy", "no-referrer")
        self.formErrorsMessage = _("Please correct the marked fields.")
        super().update()

    def updateFields(self):
        super().updateFields()
        self.fields = self.fields.select(*APPLY_FIELDS) + field.Fields(IApplyProof)

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        proof = self.widgets["id_proof"]
        proof.accept = ".pdf,.jpg,.jpeg,.png"
        proof.description = _t(
            self.request,
            _("PDF, JPG or PNG, at most ${size} KB.", mapping={"size": self.max_kb()}),
        )
        if is_mongolian(self.request):
            for name, vocabulary in DATA_CHOICES.items():
                localize_widget_terms(self.widgets[name], vocabulary)

    def updateActions(self):
        super().updateActions()
        # plone.app.z3cform makes only add/save/login/comment primary.
        self.actions["submit"].klass = "submit-widget btn btn-primary"

    def render(self):
        if self.app is not None:
            return self.done_template()
        return super().render()

    def max_kb(self):
        return api.portal.get_registry_record(
            "tongliao.disclosure.application_attachment_max_kb", default=5120
        )

    def _fail(self, message, status=400):
        self.form_error = _t(self.request, message)
        self.request.response.setStatus(status)

    def _widget_error(self, name, message):
        """Show ``message`` at the field ``name`` (a z3c.form error snippet)."""
        widget = self.widgets[name]
        error = ValidationError()
        error.doc = lambda: message
        view = getMultiAdapter(
            (error, self.request, widget, widget.field, self, self.context),
            IErrorViewSnippet,
        )
        view.update()
        widget.error = view
        return view

    @button.buttonAndHandler(_("Submit application"), name="submit")
    def handle_submit(self, action):
        try:
            CheckAuthenticator(self.request)
        except Forbidden:
            return self._fail(
                _("The form has expired. Reload the page and submit it again.")
            )
        if self.request.form.get(HONEYPOT):
            logger.info("Application form honeypot filled; request dropped")
            return self._fail(_("The application could not be accepted."))
        if not ratelimit.allow_apply(self.request):  # counted once accepted
            return self._fail(ratelimit.APPLY_LIMITED, 429)
        # The proof is read by check_file within its size limit, not by
        # z3c.form's converter (which would read the whole upload).
        proof_widget = self.widgets["id_proof"]
        proof_widget.mode = DISPLAY_MODE
        try:
            data, errors = self.extractData()
        finally:
            proof_widget.mode = INPUT_MODE
        errors = self.check(data, errors)
        if errors:
            self.widgets.errors = tuple(errors)
            self.status = self.formErrorsMessage
            self.request.response.setStatus(400)
            return
        proof = data.pop("id_proof")
        data = {name: data.get(name) or None for name in APPLY_FIELDS}
        first = find_recent_duplicate(self.context, data)
        if first is not None:
            # The same application again (a double click, a reload): the first
            # case answers, no second case with its own statutory deadline.
            self.tracking_code = first.tracking_code
            self.app = first
            return
        self.create(data, proof)
        ratelimit.count_apply(self.request)

    def check(self, data, errors):
        """What z3c.form cannot say by itself: an unknown option, the identity
        document (the schema invariant, shown at its field) and the file."""
        # Invariant errors (no widget) come back at the field they concern.
        errors = [error for error in errors if error.widget is not None]
        failed = {error.widget.__name__ for error in errors}
        for name in CHOICE_FIELDS:
            raw = self.request.form.get(self.widgets[name].name)
            if isinstance(raw, (list, tuple)):
                raw = raw[0] if raw else ""
            tokens = {term.token for term in self.widgets[name].terms}
            if raw and raw != "--NOVALUE--" and raw not in tokens:
                errors = [e for e in errors if e.widget.__name__ != name]
                errors.append(
                    self._widget_error(
                        name, _t(self.request, _("Choose one of the options."))
                    )
                )
                failed.add(name)
        if data.get("phone") and "phone" not in failed:
            data["phone"] = normalize_phone(data["phone"])
        if data.get("id_number") and not failed & {
            "id_number",
            "applicant_type",
            "id_type",
        }:
            try:
                data["id_number"] = check_applicant_id(
                    data["applicant_type"],
                    data["id_number"],
                    id_type=data.get("id_type") or None,
                )
            except Invalid as exc:
                errors.append(
                    self._widget_error("id_number", _invalid_text(self.request, exc))
                )
        errors = [e for e in errors if e.widget.__name__ != "id_proof"]
        message = None
        data["id_proof"], message = self.check_file()
        if message:
            errors.append(self._widget_error("id_proof", _t(self.request, message)))
        return errors

    def check_file(self):
        """(data, safe name, content type) of the proof, or (None, message)."""
        upload = self.request.form.get(self.widgets["id_proof"].name)
        filename = getattr(upload, "filename", "") or ""
        if not filename:
            return None, _("Attach a proof of identity (PDF, JPG or PNG).")
        extension = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        content_type = FILE_EXTENSIONS.get(extension)
        limit = self.max_kb() * 1024
        upload.seek(0)
        data = upload.read(limit + 1)
        if content_type is None or not data.startswith(FILE_SIGNATURES[content_type]):
            return None, _("The proof of identity must be a PDF, JPG or PNG file.")
        if len(data) > limit:
            return None, _(
                "The file is larger than ${size} KB.", mapping={"size": self.max_kb()}
            )
        return (data, f"id-proof{extension}", content_type), None

    def receipt(self):
        """Reply deadline and links to the 受理回执 (short-lived tokens)."""
        app = self.app
        entries = app.stored_files("receipt") if app is not None else []
        if not entries:
            return None
        url = (
            f"{api.portal.get().absolute_url()}/@@application-notice?token="
            f"{make_token(app, entries[0]['id'])}"
        )
        deadline = deadlines_json(app).get("reply_deadline") or ""
        return {
            "received": page_date_text(app.received_date),
            "deadline": page_date_text(date.fromisoformat(deadline[:10]))
            if deadline
            else "",
            "print_url": f"{url}&format=html",
            "pdf_url": f"{url}&format=pdf",
            "docx_url": url,
        }

    def create(self, data, proof):
        alsoProvides(self.request, IDisableCSRFProtection)
        today = site_today()
        with api.env.adopt_roles(["Manager"]):
            app = api.content.create(
                container=self.context,
                type="DisclosureApplication",
                id=f"application-{today:%Y%m%d}-{secrets.token_hex(4)}",
                channel="online",
                received_date=today,
                **data,
            )
            app.add_stored_file("evidence", *proof, title="身份证明")
            app._submission_fingerprint = submission_fingerprint(data)
        self.tracking_code = app.tracking_code
        self.app = app
        self.emailed = bool(data.get("email")) and send_text_mail(
            data["email"],
            "政府信息公开申请已收到",
            (
                f"您向{self.context.Title()}提出的政府信息公开申请已于"
                f"{today:%Y年%-m月%-d日}收到。\n查询码：{app.tracking_code}\n"
                "请凭查询码和手机号后四位在网站“申请查询”页面查询办理进度。"
                "请妥善保管查询码。"
            ),
        )


class LookupView(BrowserView):
    """@@application-lookup: the status page for applicants (anonymous)."""

    template = ViewPageTemplateFile("templates/lookup.pt")

    def __call__(self):
        # The code and phone tail come by POST (the form) so that they stay
        # out of URLs, logs, history and Referer; GET links keep working.
        self.request.response.setHeader("Referrer-Policy", "no-referrer")
        self.status = None
        self.rating_token = None
        self.message = ""
        self.code = self.request.form.get("code", "")
        self.tail = self.request.form.get("phone_tail", "")
        if self.code or self.tail or self.request.method == "POST":
            self.request.response.setHeader("Cache-Control", "no-store")
            missing = missing_lookup_fields(self.code, self.tail)
            if missing:
                self.request.response.setStatus(400)
                self.message = _t(self.request, missing)
            elif not ratelimit.allow_lookup(self.request):
                self.request.response.setStatus(429)
                self.message = _t(self.request, ratelimit.LOOKUP_LIMITED)
            else:
                app = find_case(self.code, self.tail)
                if app is None:
                    self.request.response.setStatus(404)
                    self.message = _t(self.request, NOT_FOUND_MSGID)
                else:
                    self.status = public_status(app, self.code, self.tail)
                    if is_mongolian(self.request):
                        self.status = mongolian_status(app, self.status)
                    # 社会评议: an answered case may be rated (evaluation/).
                    if self.status["state"] in ("replied", "archived"):
                        self.rating_token = make_token(app, "rating")
        return self.template()

    def rating_grades(self):
        return [{"token": t, "label": label} for t, label in rating_grades()]


def mongolian_status(app, status):
    """The lookup's answer on a Mongolian page: the state from the add-on's
    catalog (the workflow's titles are ``plone`` msgids, with no Mongolian), the
    agency's Mongolian title, and a ``lang`` for what stays Chinese (the
    agency's name without one, the outcome, the notices' titles)."""
    workflow = api.portal.get_tool("portal_workflow").getWorkflowById(
        "disclosure_application_workflow"
    )
    definition = workflow.states.get(status["state"]) if workflow else None
    if definition is not None and definition.title:
        status = {
            **status,
            "state_title": translate(
                definition.title, domain="tongliao.disclosure", target_language="mn"
            ),
        }
    agency = app.__parent__
    parts = title_parts(agency.Title(), title_mn(agency))
    return {
        **status,
        "agency": parts["title"],
        "agency_lang": parts["title_lang"],
        "chinese_lang": LANG_TAGS[CHINESE],
    }


def _send(request, data, content_type, filename):
    """A case file: the one download helper, never cached, no Referer onwards."""
    request.response.setHeader("Cache-Control", "no-store")
    request.response.setHeader("Referrer-Policy", "no-referrer")
    return download(request.response, data, content_type, filename)


def _stream(request, entry):
    """The stored file of ``entry``, or its PDF when the request asks ``format=pdf``."""
    if request.form.get("format") == "pdf" and "paragraphs" in entry:
        try:
            data = notice_pdf(entry)
        except PdfUnavailable:
            request.response.setStatus(503)
            return _t(request, _("PDF is not available on this server; use DOCX."))
        return _send(request, data, "application/pdf", pdf_filename(entry))
    blob = entry["file"]
    return _send(request, blob.data, blob.contentType, blob.filename)


class PublicNoticeView(BrowserView):
    """@@application-notice?token=…[&format=pdf|html]: a notice or the receipt,
    for its applicant (old links with code, phone_tail and id still work)."""

    print_template = ViewPageTemplateFile("templates/notice_print.pt")

    def __call__(self):
        self.request.response.setHeader("Cache-Control", "no-store")
        if not ratelimit.allow_lookup(self.request):
            self.request.response.setStatus(429)
            return _t(self.request, ratelimit.LOOKUP_LIMITED)
        form = self.request.form
        found = read_token(form.get("token"))
        if found is not None:
            app, file_id = found
        else:  # links of before the tokens: code and phone tail
            app = find_case(form.get("code", ""), form.get("phone_tail", ""))
            file_id = form.get("id", "")
        entry = app.stored_file(file_id) if app is not None else None
        if entry is None or entry["kind"] not in APPLICANT_KINDS:
            self.request.response.setStatus(404)
            return NOT_FOUND_MESSAGE
        if form.get("format") == "html":
            self.entry = entry
            return self.print_template()
        return _stream(self.request, entry)


class CaseFileView(BrowserView):
    """<case>/@@notice?id=…[&format=pdf] and <case>/@@evidence?id=…: stored
    files, for staff."""

    kinds = STAFF_KINDS

    def __call__(self):
        entry = self.context.stored_file(self.request.form.get("id", ""))
        if entry is None or entry["kind"] not in self.kinds:
            self.request.response.setStatus(404)
            return "Not found"
        return _stream(self.request, entry)


class EvidenceFileView(CaseFileView):
    kinds = ("evidence",)


class NoticePrintView(BrowserView):
    """<case>/@@notice-print?id=…: the notice as a printable page."""

    template = ViewPageTemplateFile("templates/notice_print.pt")

    def __call__(self):
        self.entry = self.context.stored_file(self.request.form.get("id", ""))
        if self.entry is None or self.entry["kind"] not in STAFF_KINDS:
            self.request.response.setStatus(404)
            return "Not found"
        return self.template()


# The extension's effect follows the number typed: each change asks
# @@extension-preview (JSON, read only) and shows its sentence or error.
PREVIEW_SCRIPT = """<script>
document.querySelectorAll("[data-extension-preview]").forEach(function (input) {
  var target = document.getElementById(input.dataset.previewTarget);
  var day = input.form.querySelector("input[name=date]");
  function preview() {
    var url = input.dataset.extensionPreview + "?days=" +
      encodeURIComponent(input.value);
    if (day) {
      url += "&date=" + encodeURIComponent(day.value);
    }
    fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (response) { return response.json(); })
      .then(function (data) {
        target.textContent = data.error || data.consequence;
        target.classList.toggle("text-danger", Boolean(data.error));
      });
  }
  input.addEventListener("input", preview);
  if (day) {
    day.addEventListener("change", preview);
  }
});
</script>"""


class CaseView(BrowserView):
    """The case page: data (masked without permission), deadlines, history."""

    template = ViewPageTemplateFile("templates/case.pt")
    preview_script = PREVIEW_SCRIPT

    def __call__(self):
        return self.template()

    @property
    def can_see_data(self):
        return api.user.has_permission(VIEW_APPLICANT_DATA_TITLE, obj=self.context)

    @property
    def can_handle(self):
        return api.user.has_permission(
            "tongliao.disclosure: Handle application", obj=self.context
        )

    def state(self):
        state = api.content.get_state(self.context)
        return state, case_state_title(state, self.request)

    def label(self, name):
        return _t(self.request, IDisclosureApplication[name].title)

    def term_title(self, vocabulary, token):
        if not token:
            return ""
        try:
            return get_vocabulary(vocabulary).getTerm(token).title
        except LookupError:
            return token

    def rows(self):
        app = self.context
        rows = [
            (
                self.label("applicant_type"),
                self.term_title(APPLICANT_TYPES, app.applicant_type),
            ),
        ]
        if self.can_see_data:
            for name in ("applicant_name", "id_number", "phone", "address", "email"):
                rows.append((self.label(name), getattr(app, name) or ""))
            rows.append((self.label("tracking_code"), app.tracking_code or ""))
        else:
            rows.append((self.label("applicant_name"), mask_name(app.applicant_name)))
            rows.append((self.label("id_number"), mask_id_number(app.id_number or "")))
            rows.append((self.label("phone"), mask_phone(app.phone or "")))
        rows.extend(
            [
                (self.label("description"), app.description or ""),
                (
                    self.label("provision_form"),
                    self.term_title(PROVISION_FORMS, app.provision_form),
                ),
                (
                    self.label("obtain_method"),
                    self.term_title(OBTAIN_METHODS, app.obtain_method),
                ),
                (
                    self.label("channel"),
                    self.term_title(APPLICATION_CHANNELS, app.channel),
                ),
                (
                    self.label("received_date"),
                    app.received_date.isoformat() if app.received_date else "",
                ),
                (
                    self.label("outcome"),
                    self.term_title(APPLICATION_OUTCOMES, app.outcome),
                ),
            ]
        )
        return rows

    def deadlines(self):
        return deadlines_json(self.context)

    def events(self):
        """The timeline: Chinese titles, staff full names, what each step did."""
        names = {}
        rows = []
        for event in self.context.get_events():
            actor = event["actor"]
            if actor not in names:
                names[actor] = staff_name(actor)
            title = EVENT_TITLES.get(event["type"])
            rows.append(
                {
                    "date": event["date"].isoformat(),
                    "title": _t(self.request, title) if title else event["type"],
                    "actor": names[actor],
                    "note": event["note"],
                    "detail": self.event_detail(event),
                    "type": event["type"],
                }
            )
        return rows

    def action_forms(self):
        """Each possible next step: title, fields with labels, consequence."""
        forms = []
        for action in self.available_actions():
            spec = ACTIONS[action]
            fields = [
                {
                    "name": item.name,
                    "id": f"{action}-{item.name}",
                    "label": _t(self.request, item.label),
                    "type": item.widget,
                    "default": item.default,
                    "choices": self.field_choices(item),
                }
                for item in spec.form_fields
            ]
            forms.append(
                {
                    "action": action,
                    "title": _t(self.request, spec.title),
                    "consequence": consequence(self.context, action),
                    "fields": fields,
                    "preview_url": (
                        f"{self.context.absolute_url()}/@@extension-preview"
                        if action == "extend"
                        else ""
                    ),
                }
            )
        return forms

    def field_choices(self, item):
        if item.name == "delivery":
            return self.channels()
        if item.name == "kind":
            return self.unreceived_notices()
        if item.name == "outcome":
            return [("", "")] + self.outcomes()
        return [(token, _t(self.request, title)) for token, title in item.choices]

    def field_default(self, field):
        if field["name"] == "days":
            return str(extension_max_days())
        if field["name"] == "delivery":
            return self.context.channel or ""
        if field["type"] == "date":
            return self.today()
        return field["default"]

    def notices(self):
        """Receipt, notices and consultation letters, oldest first."""
        if not self.can_see_data:
            return []
        return [
            entry
            for entry in self.context.stored_files()
            if entry["kind"] in STAFF_KINDS
        ]

    def evidence(self):
        if not self.can_see_data:
            return []
        return self.context.stored_files("evidence")

    def outcomes(self):
        return _choices(APPLICATION_OUTCOMES)

    def channels(self):
        return _choices(APPLICATION_CHANNELS)

    def unreceived_notices(self):
        titles = {"correction": "补正告知书", "fee": "收费通知"}
        return [(kind, titles[kind]) for kind in unreceived_notices(self.context)]

    def ready_to_close(self):
        return [
            (self._outcome_title(outcome), basis)
            for outcome, basis in ready_to_close(self.context)
        ]

    def _outcome_title(self, token):
        return self.term_title(APPLICATION_OUTCOMES, token)

    def consultations(self):
        return consultation_rows(self.context)

    def event_detail(self, event):
        data = event["data"]
        parts = [
            self._outcome_title(data["outcome"]) if data.get("outcome") else "",
            data.get("legal_basis", ""),
            data.get("decision", ""),
            f"批准人：{data['approver']}" if data.get("approver") else "",
            f"理由：{data['reason']}" if data.get("reason") else "",
            f"征求意见对象：{data['party']}" if data.get("party") else "",
            PROCEEDING_TITLES_ZH.get(data.get("proceeding"), ""),
            RESULT_TITLES_ZH.get(data.get("result"), ""),
            data.get("organ", ""),
            f"负责公开机关：{data['competent_agency']}"
            if data.get("competent_agency")
            else "",
            "当场答复" if data.get("on_the_spot") else "",
        ]
        return " ".join(part for part in parts if part)

    def available_actions(self):
        return [action.name for action in available_actions(self.context)]

    def action_title(self, action):
        return ACTIONS[action].title if action in ACTIONS else action

    def today(self):
        return site_today().isoformat()


class ActionView(BrowserView):
    """<case>/@@application-action (POST): one action, then back to the case."""

    def __call__(self):
        if self.request.method != "POST":
            self.request.response.redirect(self.context.absolute_url())
            return ""
        CheckAuthenticator(self.request)
        form = self.request.form
        try:
            day = date.fromisoformat(form.get("date") or site_today().isoformat())
        except ValueError:
            day = None
        params = {name: form.get(name) for name in ACTION_PARAMS if form.get(name)}
        try:
            if day is None:
                raise ActionError(_("Enter a valid date."))
            perform(
                self.context,
                form.get("action", ""),
                day=day,
                note=(form.get("note") or "").strip(),
                **params,
            )
        except ActionError as exc:
            message = _t(self.request, exc.message)
            if exc.detail:
                message = f"{message}（{exc.detail}）"
            api.portal.show_message(message, request=self.request, type="error")
        else:
            api.portal.show_message(
                _t(self.request, _("The action was recorded.")), request=self.request
            )
        self.request.response.redirect(self.context.absolute_url())
        return ""


class ApproveExtensionView(BrowserView):
    """<case>/@@approve-extension: the head of the disclosure office approves.

    Art. 33(2): an extension needs the consent of the head of the disclosure
    office. The approver acts here under their own login (permission
    'tongliao.disclosure: Approve extension'); the case records their full
    name, the time and the reason, and the extension notice is generated.
    """

    template = ViewPageTemplateFile("templates/approve_extension.pt")
    preview_script = PREVIEW_SCRIPT

    def __call__(self):
        self.error = self.done = ""
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            try:
                event = perform(
                    self.context,
                    "extend",
                    day=site_today(),
                    days=form.get("days"),
                    reason=(form.get("reason") or "").strip(),
                )
            except ActionError as exc:
                self.error = _t(self.request, exc.message)
                self.request.response.setStatus(400)
            else:
                self.done = _t(
                    self.request,
                    _(
                        "Extension of ${days} working days approved by ${name}.",
                        mapping={
                            "days": event["data"]["days"],
                            "name": event["data"]["approver"],
                        },
                    ),
                )
        return self.template()

    def case_title(self):
        return self.context.Title()

    def deadline(self):
        return deadlines_json(self.context).get("reply_deadline") or ""

    def max_days(self):
        return extension_max_days()

    def preview(self):
        """The effect of the maximum extension (the page's default value)."""
        return consequence(self.context, "extend")


class ExtensionPreviewView(BrowserView):
    """<case>/@@extension-preview?days=N[&date=YYYY-MM-DD]: JSON, what an
    extension of N working days approved that day (today) does to the reply
    deadline. Read only; for
    the officers who see the extension form (handlers and approvers)."""

    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        response.setHeader("Cache-Control", "no-store")
        if not (
            api.user.has_permission(HANDLE_APPLICATION, obj=self.context)
            or api.user.has_permission(APPROVE_EXTENSION, obj=self.context)
        ):
            response.setStatus(403)
            return json.dumps({"error": _t(self.request, _("Not allowed."))})
        form = self.request.form
        try:
            day = date_param(form, "date", _("Enter a valid date."))
            result = extension_preview(self.context, form.get("days"), today=day)
        except ActionError as exc:
            response.setStatus(400)
            return json.dumps(
                {"error": _t(self.request, exc.message)}, ensure_ascii=False
            )
        return json.dumps(result, ensure_ascii=False)


class RegisterForm(AutoExtensibleForm, form.Form):
    """<agency>/@@register-application: staff register a paper/fax/visit case."""

    schema = IDisclosureApplication
    ignoreContext = True
    # The token is in the page (not only added by protect.js) and checked.
    enableCSRFProtection = True
    done_template = ViewPageTemplateFile("templates/register_done.pt")
    label = _("Register an application")
    description = _(
        "For applications received in person, by mail or by fax. The receipt "
        "date follows art. 31; see the help of the field."
    )

    def updateActions(self):
        super().updateActions()
        self.actions["register"].klass = "submit-widget btn btn-primary"

    @button.buttonAndHandler(_("Register"), name="register")
    def handle_register(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        with api.env.adopt_roles(["Manager"]):
            app = api.content.create(
                container=self.context,
                type="DisclosureApplication",
                id=f"application-{data['received_date']:%Y%m%d}-{secrets.token_hex(4)}",
                **data,
            )
        # The page answering the POST offers the 受理回执 at once, to hand
        # over or send to the applicant (no redirect to the case first).
        self.app = app

    def render(self):
        if getattr(self, "app", None) is not None:
            return self.done_template()
        return super().render()

    def receipt(self):
        """Tracking code, dates and the staff links to the 受理回执."""
        app = self.app
        entries = app.stored_files("receipt")
        base = app.absolute_url()
        links = {}
        if entries:
            file_id = entries[0]["id"]
            links = {
                "print_url": f"{base}/@@notice-print?id={file_id}",
                "pdf_url": f"{base}/@@notice?id={file_id}&format=pdf",
                "docx_url": f"{base}/@@notice?id={file_id}",
            }
        return {
            "code": app.tracking_code,
            "received": date_text(app.received_date),
            "deadline": date_text(deadlines_json(app).get("reply_deadline")),
            "case_url": base,
            **links,
        }


DASHBOARD_SORTS = ("reply_deadline", "received_date", "sortable_title")
BUCKETS = (
    "ready_to_close",
    "registered",
    "overdue",
    "due_soon",
    "awaiting_correction",
    "consulting",
)
# Buckets whose rows need the case itself (their own due date), not only brains.
PAUSED_BUCKETS = ("awaiting_correction", "consulting")


DUE_WINDOWS = {
    "overdue": _("Overdue"),
    "3": _("Due within 3 working days"),
    "5": _("Due within 5 working days"),
    "10": _("Due within 10 working days"),
}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_HEADERS = {
    "title": "申请",
    "state": "状态",
    "received_date": "收到申请日期",
    "reply_deadline": "答复期限",
    "days_left": "剩余工作日",
    "due": "暂停至/可办结",
    "channel": "申请方式",
    "applicant_type": "申请人类型",
    "url": "链接",
}


class DashboardView(BrowserView):
    """@@applications-dashboard on the site or an agency; catalog only."""

    template = ViewPageTemplateFile("templates/applications_dashboard.pt")
    batch_size = 50

    def __call__(self):
        if self.request.form.get("format") == "xlsx":
            return self.xlsx()
        return self.template()

    # -- filters (state, agency, due window), the filtered list, XLSX ----------

    def filters(self):
        form = self.request.form
        state = form.get("state") if form.get("state") in OPEN_STATES else ""
        agency = form.get("agency") if isinstance(form.get("agency"), str) else ""
        due = form.get("due") if form.get("due") in DUE_WINDOWS else ""
        return {"state": state, "agency": agency, "due": due}

    def filtering(self):
        return any(self.filters().values())

    def state_choices(self):
        return [("", _t(self.request, _("All open states")))] + [
            (state, case_state_title(state, self.request)) for state in OPEN_STATES
        ]

    def agency_choices(self):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(
            portal_type="DisclosureAgency",
            path="/".join(self.context.getPhysicalPath()),
            sort_on="sortable_title",
        )
        return [("", _t(self.request, _("All agencies")))] + [
            (brain.UID, brain.Title) for brain in brains
        ]

    def due_choices(self):
        return [("", _t(self.request, _("Any deadline")))] + [
            (key, _t(self.request, title)) for key, title in DUE_WINDOWS.items()
        ]

    def filtered_query(self):
        filters = self.filters()
        path = "/".join(self.context.getPhysicalPath())
        if filters["agency"]:
            catalog = api.portal.get_tool("portal_catalog")
            found = catalog(UID=filters["agency"], portal_type="DisclosureAgency")
            # An agency outside this dashboard's area gives an empty list.
            path = found[0].getPath() if found else path + "/-no-such-agency-"
        query = {
            "portal_type": "DisclosureApplication",
            "path": path,
            "review_state": filters["state"] or list(OPEN_STATES),
        }
        today = site_today()
        if filters["due"] == "overdue":
            query["reply_deadline"] = {
                "query": (today - timedelta(days=1)).isoformat(),
                "range": "max",
            }
        elif filters["due"]:
            try:
                horizon = get_site_calendar().add_working_days(
                    today, int(filters["due"])
                )
            except Exception:  # a year without calendar data
                horizon = today
            query["reply_deadline"] = {
                "query": [today.isoformat(), horizon.isoformat()],
                "range": "min:max",
            }
        return query

    def filtered(self):
        catalog = api.portal.get_tool("portal_catalog")
        sort_on, order = self.sort()
        brains = catalog(sort_on=sort_on, sort_order=order, **self.filtered_query())
        rows = []
        for brain in brains[: self.export_limit]:
            paused = brain.review_state in PAUSED_BUCKETS
            rows.append(self.row(brain, paused=paused))
        return {"name": "filtered", "count": len(brains), "rows": rows}

    export_limit = 5000

    def xlsx(self):
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "依申请公开"
        sheet.append(list(XLSX_HEADERS.values()))
        for row in self.filtered()["rows"]:
            due = row["due"] + ("（已逾期）" if row["overdue"] else "")
            values = {**row, "due": due}
            sheet.append([values[key] for key in XLSX_HEADERS])
        widths = (40, 10, 12, 12, 10, 24, 12, 14, 60)
        for column, width in zip("ABCDEFGHI", widths, strict=True):
            sheet.column_dimensions[column].width = width
        out = BytesIO()
        workbook.save(out)
        data = out.getvalue()
        stamp = site_today().strftime("%Y%m%d")
        return _send(self.request, data, XLSX_TYPE, f"依申请公开办理台账-{stamp}.xlsx")

    def query_string(self, **changes):
        """The current filters and sort as a query string, with ``changes``."""
        sort_on, sort_order = self.sort()
        values = {**self.filters(), "sort_on": sort_on, "sort_order": sort_order}
        values.update(changes)
        return urlencode({key: value for key, value in values.items() if value})

    def export_url(self):
        base = self.context.absolute_url()
        return f"{base}/@@applications-dashboard?{self.query_string(format='xlsx')}"

    def settings_days(self):
        return api.portal.get_registry_record(
            "tongliao.disclosure.due_soon_working_days", default=3
        )

    def queries(self):
        today = site_today()
        base = {
            "portal_type": "DisclosureApplication",
            "path": "/".join(self.context.getPhysicalPath()),
        }
        try:
            horizon = get_site_calendar().add_working_days(today, self.settings_days())
        except Exception:
            horizon = today
        return {
            "registered": {**base, "review_state": "registered"},
            "overdue": {
                **base,
                "review_state": ["registered", "processing"],
                "reply_deadline": {
                    "query": (today - timedelta(days=1)).isoformat(),
                    "range": "max",
                },
            },
            "due_soon": {
                **base,
                "review_state": ["registered", "processing"],
                "reply_deadline": {
                    "query": [today.isoformat(), horizon.isoformat()],
                    "range": "min:max",
                },
            },
            "awaiting_correction": {**base, "review_state": "awaiting_correction"},
            "consulting": {**base, "review_state": "consulting"},
        }

    def sort(self):
        sort_on = self.request.form.get("sort_on")
        sort_on = sort_on if sort_on in DASHBOARD_SORTS else "reply_deadline"
        order = (
            "descending"
            if self.request.form.get("sort_order") == "descending"
            else "ascending"
        )
        return sort_on, order

    def buckets(self):
        catalog = api.portal.get_tool("portal_catalog")
        sort_on, order = self.sort()
        start = int(self.request.form.get("b_start", 0) or 0)
        result = [self.ready_bucket()]
        for name, query in self.queries().items():
            bucket_sort, bucket_order = sort_on, order
            if name == "registered" and "sort_on" not in self.request.form:
                # New cases first: an officer registers and accepts them.
                bucket_sort, bucket_order = "received_date", "descending"
            brains = catalog(
                sort_on=bucket_sort,
                sort_order=bucket_order,
                sort_limit=start + self.batch_size,
                **query,
            )
            result.append(
                {
                    "name": name,
                    "count": brains.actual_result_count,
                    "rows": [
                        self.row(brain, paused=name in PAUSED_BUCKETS)
                        for brain in brains[start : start + self.batch_size]
                    ],
                }
            )
        return result

    def ready_bucket(self):
        rows = []
        for app, outcome, basis in cases_ready_to_close(self.context):
            rows.append(
                {
                    "url": app.absolute_url(),
                    "title": app.Title(),
                    "state": case_state_title(api.content.get_state(app), self.request),
                    "received_date": app.received_date.isoformat(),
                    "reply_deadline": "",
                    "days_left": "",
                    "due": self._title(APPLICATION_OUTCOMES, outcome),
                    "overdue": False,
                    "channel": self._title(APPLICATION_CHANNELS, app.channel),
                    "applicant_type": self._title(APPLICANT_TYPES, app.applicant_type),
                    "basis": basis,
                }
            )
        return {"name": "ready_to_close", "count": len(rows), "rows": rows}

    def row(self, brain, paused=False):
        row = {
            "url": brain.getURL(),
            "title": brain.Title,
            "state": case_state_title(brain.review_state, self.request),
            "received_date": brain.received_date or "",
            "reply_deadline": brain.reply_deadline or "",
            "days_left": "",
            "due": "",
            "overdue": False,
            "channel": self._title(APPLICATION_CHANNELS, brain.application_channel),
            "applicant_type": self._title(APPLICANT_TYPES, brain.applicant_type),
            "basis": "",
        }
        today = site_today()
        if brain.reply_deadline and brain.review_state in OPEN_STATES:
            try:
                row["days_left"] = get_site_calendar().working_days_between(
                    today, date.fromisoformat(brain.reply_deadline)
                )
            except Exception:  # a year without calendar data: shown as unknown
                row["days_left"] = ""
        if paused:
            row.update(paused_due(brain._unrestrictedGetObject(), today))
        return row

    def _title(self, vocabulary, token):
        try:
            return get_vocabulary(vocabulary).getTerm(token).title
        except LookupError:
            return ""

    def sort_url(self, sort_on):
        current, order = self.sort()
        new_order = (
            "descending" if current == sort_on and order == "ascending" else "ascending"
        )
        base = self.context.absolute_url()
        query = self.query_string(sort_on=sort_on, sort_order=new_order)
        return f"{base}/@@applications-dashboard?{query}"


class ExpireFeesView(BrowserView):
    """@@expire-unpaid-fees: the cases a closure is lawful for, one per line.

    Nothing is closed: no case is closed without an officer confirming it on
    the case page (the dashboard lists them as 'ready to close').
    """

    def __call__(self):
        found = cases_ready_to_close(self.context)
        self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return "\n".join(
            f"{'/'.join(app.getPhysicalPath())} {outcome}" for app, outcome, _b in found
        )
