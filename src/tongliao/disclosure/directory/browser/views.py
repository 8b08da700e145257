"""Views of the standard directory, its import/export/compliance pages and the guide."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from tongliao.disclosure import _
from tongliao.disclosure.bilingual.dates import date_text
from tongliao.disclosure.browser.base import _Base
from tongliao.disclosure.browser.base import chinese_date
from tongliao.disclosure.browser.base import download
from tongliao.disclosure.directory import spreadsheet
from tongliao.disclosure.directory.compliance import check_directory
from tongliao.disclosure.directory.guide_content import GUIDE_SECTIONS
from tongliao.disclosure.policy.agency import find_agency
from tongliao.disclosure.relations import back_references
from tongliao.disclosure.vocabularies import AUDIENCES
from tongliao.disclosure.vocabularies import CHANNELS
from tongliao.disclosure.vocabularies import DIRECTORY_LEVELS
from tongliao.disclosure.vocabularies import DISCLOSURE_MODES
from tongliao.disclosure.vocabularies import FIVE_PUBLICITY
from tongliao.disclosure.vocabularies import term_title
from tongliao.disclosure.vocabularies import term_titles
from zope.i18n import translate

import transaction


MANAGE_DIRECTORY = "tongliao.disclosure: Manage directory"
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class DirectoryItemView(_Base):
    def rows(self):
        c = self.context
        return [
            ("Item code", c.code),
            ("Level-1 item", c.level1_item),
            ("Level-2 item", c.level2_item),
            ("Content (elements)", c.content_elements),
            ("Legal basis", c.legal_basis or ""),
            ("Time limit", c.time_limit),
            ("Responsible body", c.responsible_body),
            ("Channels", term_titles(CHANNELS, c.channels)),
            ("Audience", term_title(AUDIENCES, c.audience)),
            ("Disclosure mode", term_title(DISCLOSURE_MODES, c.disclosure_mode)),
            ("Level", term_titles(DIRECTORY_LEVELS, c.level)),
            ("Five publicity", term_titles(FIVE_PUBLICITY, c.five_publicity)),
        ]

    def fulfilling(self):
        """Published content that fulfils this item (what the visitor may View)."""
        return [
            {
                "url": obj.absolute_url(),
                "title": obj.Title(),
                "document_number": getattr(obj, "document_number", "") or "",
                "date": chinese_date(obj.effective_date),
            }
            for obj in back_references(self.context, "directory_items")
            if api.content.get_state(obj, default=None) == "published"
        ]


class _Listing(_Base):
    def items(self):
        """Directory items below this folder, brains in code order."""
        return api.content.find(
            portal_type="DirectoryItem",
            path="/".join(self.context.getPhysicalPath()),
            sort_on="directory_code",
        )

    def categories(self):
        """(category brain, item brains) in folder order, categories with items."""
        items = list(self.items())
        grouped = []
        for category in self.contents(["DirectoryCategory"]):
            prefix = category.getPath() + "/"
            own = [b for b in items if b.getPath().startswith(prefix)]
            if own:
                grouped.append((category, own))
        return grouped

    def can_manage(self):
        agency = find_agency(self.context)
        return agency is not None and api.user.has_permission(
            MANAGE_DIRECTORY, obj=agency
        )

    def agency_url(self):
        agency = find_agency(self.context)
        return agency.absolute_url() if agency is not None else ""


class StandardDirectoryView(_Listing):
    pass


class DirectoryCategoryView(_Listing):
    pass


class DisclosureGuideView(_Base):
    def sections(self):
        rows = []
        for name, heading in GUIDE_SECTIONS:
            value = getattr(self.context, name, None)
            if value is not None and value.raw:
                rows.append(
                    {"heading": heading, "html": value.output_relative_to(self.context)}
                )
        return rows

    def office(self):
        """The office block, read live from the agency (one source of truth)."""
        agency = aq_parent(aq_inner(self.context))
        if getattr(agency, "portal_type", None) != "DisclosureAgency":
            return []
        return [
            (label, value)
            for label, value in (
                ("Name", agency.Title()),
                ("Address", agency.address),
                ("Postcode", agency.postcode),
                ("Office hours", agency.office_hours),
                ("Phone", agency.phone),
                ("Fax", agency.fax),
                ("Email", agency.email),
            )
            if value
        ]

    def last_reviewed(self):
        return date_text(self.context.last_reviewed)


class DirectoryImportView(BrowserView):
    """Upload an .xlsx directory: check every row, preview, then import or nothing."""

    errors = ()
    plans = ()
    dry_run = False
    done = False

    def __call__(self):
        request = self.request
        if request.method == "POST":
            CheckAuthenticator(request)
            self.handle(request)
        return self.index()

    def handle(self, request):
        upload = request.form.get("file")
        data = upload.read(MAX_UPLOAD_BYTES + 1) if upload else b""
        if not data:
            self.errors = [_("Choose an .xlsx file to import.")]
            return
        if len(data) > MAX_UPLOAD_BYTES:
            self.errors = [_("The file is larger than 10 MB.")]
            return
        self.dry_run = bool(request.form.get("dry_run"))
        parsed = spreadsheet.parse_workbook(data)
        if parsed.errors:
            self.errors = parsed.errors
            return
        self.plans = spreadsheet.plan_import(self.context, parsed.rows)
        refused = spreadsheet.refused_changes(self.plans)
        if refused:
            self.errors, self.plans = refused, ()
            return
        if self.dry_run:
            return
        savepoint = transaction.savepoint()
        try:
            spreadsheet.apply_plan(self.context, self.plans)
        except Exception:
            savepoint.rollback()
            raise
        self.done = True

    def counts(self):
        counts = {"create": 0, "update": 0, "unchanged": 0}
        for plan in self.plans:
            counts[plan.action] += 1
        return counts

    def translate(self, message):
        return translate(message, context=self.request)

    def columns(self):
        return [header for _key, header in spreadsheet.COLUMNS]


class DirectoryExportView(BrowserView):
    def __call__(self):
        data = spreadsheet.write_workbook(spreadsheet.export_rows(self.context))
        return download(
            self.request.response,
            data,
            spreadsheet.XLSX_MIMETYPE,
            f"directory-{self.context.getId()}.xlsx",
        )


class DirectoryComplianceView(BrowserView):
    def __call__(self):
        self.result = check_directory(self.context)
        return self.index()

    chinese_date = staticmethod(chinese_date)
