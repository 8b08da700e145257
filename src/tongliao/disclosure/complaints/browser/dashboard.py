"""@@participation-dashboard: open complaints and messages, deadlines first,
overdue marked; ``?format=xlsx`` exports the same rows (no personal data)."""

from io import BytesIO
from openpyxl import Workbook
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from tongliao.disclosure import _
from tongliao.disclosure.browser.base import download
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.complaints.content import CATEGORIES
from tongliao.disclosure.complaints.workflow import agency_of
from tongliao.disclosure.complaints.workflow import complaint_state_title
from tongliao.disclosure.messages.workflow import message_state_title
from zope.i18n import translate

import datetime


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COMPLAINT_OPEN = ("received", "accepted", "investigating", "concluded")
MESSAGE_OPEN = ("received",)
HEADERS = (
    _("Kind"),
    _("Title"),
    _("Agency involved"),
    _("State"),
    _("Received on"),
    _("Due by"),
    _("Overdue"),
)


def day_text(iso):
    if not iso:
        return ""
    day = datetime.date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


class ParticipationDashboard(BrowserView):
    template = ViewPageTemplateFile("templates/dashboard.pt")

    def __call__(self):
        if self.request.form.get("format") == "xlsx":
            return self.xlsx()
        return self.template()

    def t(self, message):
        return translate(message, context=self.request)

    def _rows(self, portal_type, states, kind, state_title, agency):
        today = site_today().isoformat()
        rows = []
        brains = api.content.find(
            portal_type=portal_type, review_state=states, sort_on="reply_deadline"
        )
        for brain in brains:
            # Waking each case: open complaints and messages are few (tens),
            # and the agency title is not catalogue metadata.
            obj = brain.getObject()
            due = brain.reply_deadline or ""
            received = getattr(obj, "received_date", None)
            rows.append(
                {
                    "kind": self.t(kind),
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "agency": agency(obj),
                    "state": state_title(brain.review_state, self.request),
                    "received": day_text(received.isoformat() if received else ""),
                    "due": day_text(due),
                    "overdue": bool(due and due < today),
                    "extra": self.t(CATEGORIES.get(getattr(obj, "category", ""), ""))
                    if portal_type == "DisclosureComplaint"
                    else "",
                }
            )
        return rows

    def complaints(self):
        def agency(obj):
            found = agency_of(obj)
            return found.Title() if found is not None else ""

        return self._rows(
            "DisclosureComplaint",
            COMPLAINT_OPEN,
            _("Complaint"),
            complaint_state_title,
            agency,
        )

    def messages(self):
        return self._rows(
            "PublicMessage",
            MESSAGE_OPEN,
            _("Message"),
            message_state_title,
            lambda obj: obj.__parent__.Title(),
        )

    def overdue_count(self):
        return sum(row["overdue"] for row in self.complaints() + self.messages())

    def xlsx(self):
        book = Workbook()
        sheet = book.active
        sheet.title = "举报与留言"
        sheet.append([self.t(header) for header in HEADERS])
        yes = self.t(_("Yes"))
        for row in self.complaints() + self.messages():
            sheet.append(
                [
                    row["kind"],
                    row["title"],
                    row["agency"],
                    row["state"],
                    row["received"],
                    row["due"],
                    yes if row["overdue"] else "",
                ]
            )
        buffer = BytesIO()
        book.save(buffer)
        filename = f"举报与留言-{site_today():%Y%m%d}.xlsx"
        return download(self.request.response, buffer.getvalue(), XLSX_TYPE, filename)
