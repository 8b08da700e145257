"""Views of 举报受理: public form and lookup, case page and actions."""

from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from tongliao.disclosure import _
from tongliao.disclosure.applications.links import make_token
from tongliao.disclosure.applications.links import read_token
from tongliao.disclosure.browser.casepage import CaseActionView
from tongliao.disclosure.browser.casepage import CasePage
from tongliao.disclosure.browser.casepage import day_text
from tongliao.disclosure.browser.publicform import PublicCaseForm
from tongliao.disclosure.browser.publicform import PublicLookupView
from tongliao.disclosure.complaints import letter
from tongliao.disclosure.complaints.content import CATEGORIES
from tongliao.disclosure.complaints.content import IDisclosureComplaint
from tongliao.disclosure.complaints.services import NOT_FOUND
from tongliao.disclosure.complaints.status import public_status
from tongliao.disclosure.complaints.workflow import ACTIONS
from tongliao.disclosure.complaints.workflow import agency_of
from tongliao.disclosure.complaints.workflow import application_by_code
from tongliao.disclosure.complaints.workflow import complaint_state_title
from tongliao.disclosure.complaints.workflow import due
from tongliao.disclosure.complaints.workflow import file_complaint
from tongliao.disclosure.complaints.workflow import FILER
from tongliao.disclosure.complaints.workflow import find_complaint
from tongliao.disclosure.complaints.workflow import may_act
from tongliao.disclosure.complaints.workflow import object_by_uid
from tongliao.disclosure.complaints.workflow import perform
from zope.i18n import translate


class ComplainView(PublicCaseForm):
    """@@complain: the public complaint form (anonymous allowed)."""

    schema = IDisclosureComplaint
    field_names = (
        "category",
        "agency_uid",
        "application_code",
        "document_concerned",
        "details",
        "complainant_name",
        "phone",
        "email",
        "address",
    )
    bucket = "complaint"
    heading = _("Complain about disclosure work")
    intro = _(
        "If an agency did not disclose what it must, did not answer your "
        "application or answered it unlawfully, charged fees or published "
        "personal data, you may complain here. You may stay anonymous; to "
        "receive a reply, give at least one contact (phone, e-mail or address). "
        "With a phone number you can also look up the progress."
    )
    submit_label = _("Submit complaint")
    done_heading = _("Your complaint has been received")
    done_text = _(
        "The disclosure office above the agency concerned handles it. "
        "Personal data you gave is seen only by the staff handling the complaint."
    )
    lookup_view = "complaint-lookup"

    def kind(self, name):
        if name == "agency_uid":
            return "select"
        return super().kind(name)

    def choices(self, name):
        if name == "agency_uid":
            return [
                (brain.UID, brain.Title)
                for brain in api.content.find(
                    portal_type="DisclosureAgency", sort_on="sortable_title"
                )
            ]
        return super().choices(name)

    def check(self, data):
        code = data.get("application_code")
        if code and "application_code" not in self.errors:
            uid = application_by_code(code)
            if uid is None:
                self.errors["application_code"] = self.t(
                    _("No application has this tracking code.")
                )
            data["application_uid"] = uid

    def create(self, data):
        agency = object_by_uid(data.pop("agency_uid"))
        return file_complaint(agency, **data)


class ComplaintLookupView(PublicLookupView):
    """@@complaint-lookup: progress of a complaint for the complainant."""

    heading = _("Check the progress of a complaint")
    not_found = NOT_FOUND

    def find(self, code, tail):
        return find_complaint(code, tail)

    def rows(self, complaint):
        status = public_status(complaint)
        rows = [
            (_("Agency concerned"), status["agency"]),
            (_("What is the complaint about"), status["category"]),
            (_("State"), status["state_title"]),
            (_("Received on"), day_text(complaint.received_date)),
        ]
        running = due(complaint)
        if running:
            rows.append((_("Due by"), day_text(running.date)))
        if status["refusal_reason"]:
            rows.append((_("Reason for not accepting"), status["refusal_reason"]))
        if status["reply"]:
            verdict = _("Not substantiated")
            if status["substantiated"]:
                verdict = _("Substantiated")
            rows.append((_("Conclusion"), self.t(verdict)))
            if status["measures"]:
                rows.append((_("Measures taken"), status["measures"]))
            rows.append((_("Reply"), status["reply"]))
        return rows

    def links(self, complaint):
        if not letter.has_letter(complaint):
            return []
        token = make_token(complaint, letter.LETTER_ID)
        url = f"{self.context.absolute_url()}/@@complaint-reply-letter?token={token}"
        return [(self.t(letter.LETTER_LABEL), url)]


class ReplyLetterView(BrowserView):
    """<complaint>/@@reply-letter: the 举报处理答复书 as PDF, for staff who may
    read the complainant's data."""

    def __call__(self):
        if not letter.has_letter(self.context):
            api.portal.show_message(
                translate(NO_LETTER, context=self.request),
                request=self.request,
                type="error",
            )
            return self.request.response.redirect(self.context.absolute_url())
        return letter.send_pdf(self.request, self.context)


NO_LETTER = _("The written reply exists once the complaint is replied to.")
LETTER_EXPIRED = _("This download link has expired. Look up your complaint again.")


class PublicReplyLetterView(BrowserView):
    """@@complaint-reply-letter?token=…: the complainant's download from the
    status lookup (signed link, valid 30 minutes, names the complaint)."""

    def __call__(self):
        found = read_token(self.request.form.get("token"))
        complaint = found[0] if found and found[1] == letter.LETTER_ID else None
        if complaint is None or not IDisclosureComplaint.providedBy(complaint):
            return self.refuse(LETTER_EXPIRED)
        if not letter.has_letter(complaint):
            return self.refuse(NO_LETTER)
        return letter.send_pdf(self.request, complaint)

    def refuse(self, message):
        api.portal.show_message(
            translate(message, context=self.request), request=self.request, type="error"
        )
        self.request.response.setHeader("Referrer-Policy", "no-referrer")
        return self.request.response.redirect(
            f"{self.context.absolute_url()}/@@complaint-lookup"
        )


# The fields each action asks for: action -> ((name, label, kind), …).
ACTION_FIELDS = {
    "not_accept": (("reason", _("Reason for not accepting"), "textarea"),),
    "conclude": (
        ("substantiated", _("Complaint substantiated"), "yesno"),
        ("finding", _("Finding"), "textarea"),
        ("measures", _("Measures taken"), "textarea"),
    ),
    "reply": (("reply_text", _("Reply to the complainant"), "textarea"),),
    "propose_publication": (
        ("public_summary", _("Anonymised summary for publication"), "textarea"),
    ),
    "return_publication": (("reason", _("Reason for returning"), "textarea"),),
    "withdraw_publication": (
        ("reason", _("Reason for withdrawing the publication"), "textarea"),
    ),
}
ACTION_TITLES = {
    "accept": _("Accept the complaint"),
    "not_accept": _("Do not accept"),
    "investigate": _("Start the investigation"),
    "conclude": _("Conclude"),
    "reply": _("Reply"),
    "propose_publication": _("Propose anonymised publication"),
    "publish": _("Approve publication"),
    "return_publication": _("Return the publication"),
    "withdraw_publication": _("Withdraw the publication"),
}
EVENT_TITLES = {
    "received": _("Received"),
    "accepted": _("Accepted"),
    "not_accepted": _("Not accepted"),
    "investigating": _("Investigation started"),
    "concluded": _("Concluded"),
    "replied": _("Replied"),
    "publication_proposed": _("Publication proposed"),
    "published": _("Published"),
    "publication_returned": _("Publication returned"),
    "publication_withdrawn": _("Publication withdrawn"),
}


class ComplaintView(CasePage):
    """The case page: staff see the case and its actions; once published, the
    public sees the anonymised case (no personal data, no complaint text)."""

    template = ViewPageTemplateFile("templates/complaint.pt")
    actions_order = tuple(ACTIONS)
    action_titles = ACTION_TITLES
    action_fields = ACTION_FIELDS
    event_titles = EVENT_TITLES
    filer_label = "举报人"
    filer_actor = FILER

    def may_act(self, action):
        return may_act(self.context, action)

    def due(self):
        return due(self.context)

    def state_title(self):
        return complaint_state_title(api.content.get_state(self.context), self.request)

    def category_title(self):
        return self.t(CATEGORIES.get(self.context.category, ""))

    def agency_title(self):
        agency = agency_of(self.context)
        return agency.Title() if agency is not None else ""

    def verdict(self):
        if self.context.substantiated is None:
            return ""
        return self.t(
            _("Substantiated") if self.context.substantiated else _("Not substantiated")
        )

    def reply_letter_url(self):
        if letter.has_letter(self.context) and api.user.has_permission(
            "tongliao.disclosure: View applicant data", obj=self.context
        ):
            return f"{self.context.absolute_url()}/@@reply-letter"
        return ""

    def personal_rows(self):
        c = self.context
        return [
            (self.t(_("Your name")), c.complainant_name or "—"),
            (self.t(_("Phone")), c.phone or "—"),
            (self.t(_("Email")), c.email or "—"),
            (self.t(_("Postal address")), c.address or "—"),
            (self.t(_("Tracking code")), c.tracking_code or ""),
        ]

    def application_url(self):
        app = object_by_uid(self.context.application_uid)
        return app.absolute_url() if app is not None else ""


class ComplaintActionView(CaseActionView):
    """POST @@complaint-action: one action; errors shown, nothing changed."""

    page = ComplaintView

    def perform(self, action, **params):
        perform(self.context, action, **params)
