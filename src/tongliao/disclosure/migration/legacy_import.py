"""Legacy catalogue import, the writing part (see ``legacy.py`` for the checks).

``run_import`` is two-phase like the directory import: every row is checked
first; nothing is written when a row is bad, unless the caller chose to skip
the bad rows. A re-run is idempotent: rows whose 索引号 is already on the site
are skipped. Existing 索引号 are kept and the agency's counter is advanced past
them, so the next document published gets the next free serial.

Rows with a 发布日期 are imported as published without a new review: the
documents were reviewed and published on the previous platform. Each gets one
review record saying it was imported, by whom, when and from which file; the
import itself needs the approver's role (审批领导) in the agency.
"""

from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from html import escape
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from tongliao.disclosure import _
from tongliao.disclosure.ids import free_id
from tongliao.disclosure.migration.legacy import check_rows
from tongliao.disclosure.migration.legacy import LegacyFileError
from tongliao.disclosure.migration.legacy import read_table
from tongliao.disclosure.policy.index_numbers import get_counter
from tongliao.disclosure.review.records import append_record

import posixpath


IMPORT_ROLES = ("DisclosureApprover", "Manager")
PUBLISHED = "published"
MSG_NOT_APPROVER = _(
    "Only the leader in charge of approval (审批领导) can import published documents."
)


class LegacyImportRefused(LegacyFileError):
    """The current user may not import into this agency."""


@dataclass
class ImportReport:
    filename: str
    rows: list
    applied: bool = False
    created: list = field(default_factory=list)

    @property
    def bad(self):
        return [row for row in self.rows if not row.ok]

    @property
    def existing(self):
        return [row for row in self.rows if row.ok and row.values.get("exists")]

    @property
    def new(self):
        return [row for row in self.rows if row.ok and not row.values.get("exists")]


def can_import(agency):
    if api.user.is_anonymous():
        return False
    roles = api.user.get_roles(obj=agency)
    return any(role in roles for role in IMPORT_ROLES)


def existing_index_numbers(agency):
    """The 索引号 already used with the agency's credit code (read from the index)."""
    catalog = api.portal.get_tool("portal_catalog")
    prefix = f"{agency.credit_code}/"
    return {
        value
        for value in catalog.uniqueValuesFor("index_number")
        if isinstance(value, str) and value.startswith(prefix)
    }


def check_file(agency, data, filename, files=None):
    """The checked rows of the file (raises LegacyFileError for a bad file)."""
    header, rows = read_table(data, filename)
    return check_rows(
        header,
        rows,
        agency.credit_code,
        files=files,
        existing_index_numbers=existing_index_numbers(agency),
    )


def run_import(
    agency, data, filename, files=None, dry_run=True, skip_bad=False, progress=None
):
    """Check, then (unless ``dry_run``) create the documents: an ImportReport."""
    if not can_import(agency):
        raise LegacyImportRefused(MSG_NOT_APPROVER)
    report = ImportReport(
        filename=filename, rows=check_file(agency, data, filename, files)
    )
    if dry_run or (report.bad and not skip_bad):
        return report
    user = api.user.get_current()
    actor = user.getId()
    actor_name = user.getProperty("fullname", "") or actor
    # The approver does not write documents (信息员 do): the checked rows are
    # created on their authority with the rights the import needs.
    with api.env.adopt_roles(["Manager", "DisclosureApprover"]):
        for row in report.new:
            doc = create_document(agency, row, files, filename, actor, actor_name)
            report.created.append(doc)
            if progress is not None:
                progress(1)
        advance_counter(agency, report.new)
    report.applied = True
    return report


def _html(text):
    return "".join(
        f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip()
    )


def _body(row, files):
    path = row.values.get("text_file")
    if path:
        content = files.read(path)
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("gb18030", errors="replace")
        return text if path.lower().endswith((".html", ".htm")) else _html(text)
    return _html(row.values.get("text") or "")


def create_document(agency, row, files, filename, actor, actor_name):
    values = row.values
    wanted = values["index_number"].split("/")[-1]
    doc = api.content.create(
        container=agency,
        type="PolicyDocument",
        id=free_id(agency, f"doc-{wanted}"),
        title=values["title"],
        document_number=values.get("document_number") or "",
        issuing_agency=values["issuing_agency"],
        date_written=values.get("date_written"),
        document_kind=values.get("document_kind"),
        subject_category=values.get("subject_category"),
        validity=values.get("validity") or "valid",
        disclosure_attribute="proactive",
        text=RichTextValue(_body(row, files), "text/html", "text/x-html-safe"),
    )
    doc.index_number = values["index_number"]
    for path in row.attachments:  # before publication: no edit of a published item
        name = posixpath.basename(path)
        api.content.create(
            container=doc,
            type="File",
            id=free_id(doc, name),
            title=name,
            file=NamedBlobFile(data=files.read(path), filename=name),
        )
    if values.get("effective"):
        published = values["effective"]
        doc.setEffectiveDate(DateTime(f"{published.isoformat()} 09:00 GMT+8"))
        mark_imported_published(doc, filename, actor, actor_name, published)
    doc.reindexObject()
    return doc


def mark_imported_published(doc, filename, actor, actor_name, published):
    """Published as on the previous platform: state set, one import record."""
    wftool = api.portal.get_tool("portal_workflow")
    workflow_id = wftool.getChainFor(doc)[0]
    opinion = (
        f"自文件“{filename}”导入，原平台发布日期"
        f"{published.year}年{published.month}月{published.day}日"
    )
    wftool.setStatusOf(
        workflow_id,
        doc,
        {
            "action": "import",
            "actor": actor,
            "comments": opinion,
            "review_state": PUBLISHED,
            "time": DateTime(),
        },
    )
    for workflow in wftool.getWorkflowsFor(doc):
        workflow.updateRoleMappingsFor(doc)
    append_record(
        doc,
        round=1,
        step="import",
        transition="import",
        decision="imported",
        actor=actor,
        actor_name=actor_name,
        opinion=opinion,
        from_state="draft",
        to_state=PUBLISHED,
    )


def advance_counter(agency, rows):
    """The agency's counter past every imported serial, year by year."""
    counter = get_counter(agency)
    highest = {}
    for row in rows:
        year, serial = row.values.get("index_year"), row.values.get("index_serial")
        if year and serial:
            highest[year] = max(highest.get(year, 0), serial)
    for year, serial in highest.items():
        if serial > counter.peek(year):
            counter.last = {**counter.last, year: serial}
