"""Staff page of the legacy import: upload, dry-run report in Chinese, confirm by POST.

For small files (``MAX_UPLOAD_BYTES``); large catalogues go through
``make import-legacy``. The confirmed POST carries the checked file back
(base64 in a hidden field) and is checked again in full before anything is
written, so what is confirmed is exactly what was shown.
"""

from AccessControl import Unauthorized
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from tongliao.disclosure import _
from tongliao.disclosure.migration.legacy import COLUMNS
from tongliao.disclosure.migration.legacy import LegacyFileError
from tongliao.disclosure.migration.legacy import NoFiles
from tongliao.disclosure.migration.legacy import ZipFiles
from tongliao.disclosure.migration.legacy_import import can_import
from tongliao.disclosure.migration.legacy_import import run_import
from zope.i18n import translate

import base64
import binascii
import zipfile


MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MSG_CHOOSE = _("Choose a .csv or .xlsx file to import.")
MSG_TOO_LARGE = _(
    "The file is larger than 5 MB: import it from the command line (make import-legacy)."  # noqa: E501
)
MSG_BAD_ZIP = _("The attachments file is not a readable .zip archive.")


class LegacyImportView(BrowserView):
    report = None
    error = None
    payload = None

    def __call__(self):
        if not can_import(self.context):
            raise Unauthorized("legacy import needs the approver's role")
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.handle(self.request.form)
        return self.index()

    def _upload(self, name):
        upload = self.request.form.get(name)
        if not upload or not hasattr(upload, "read"):
            return b"", ""
        data = upload.read(MAX_UPLOAD_BYTES + 1)
        if len(data) > MAX_UPLOAD_BYTES:
            raise LegacyFileError(MSG_TOO_LARGE)
        return data, getattr(upload, "filename", "") or ""

    def handle(self, form):
        confirm = bool(form.get("confirm"))
        skip_bad = bool(form.get("skip_bad"))
        try:
            if confirm:
                data = base64.b64decode(form.get("data", ""), validate=True)
                filename = str(form.get("filename", ""))
                attachments = base64.b64decode(
                    form.get("attachments", ""), validate=True
                )
            else:
                data, filename = self._upload("file")
                attachments, _name = self._upload("attachments")
            if not data:
                raise LegacyFileError(MSG_CHOOSE)
            try:
                files = ZipFiles(attachments) if attachments else NoFiles()
            except zipfile.BadZipFile as error:
                raise LegacyFileError(MSG_BAD_ZIP) from error
            self.report = run_import(
                self.context,
                data,
                filename,
                files,
                dry_run=not confirm,
                skip_bad=skip_bad,
            )
        except (binascii.Error, ValueError) as error:
            message = getattr(error, "message", None) or MSG_CHOOSE
            self.error = self.translate(message)
            return
        if not self.report.applied:
            self.payload = {
                "data": base64.b64encode(data).decode("ascii"),
                "filename": filename,
                "attachments": base64.b64encode(attachments).decode("ascii"),
                "skip_bad": "1" if skip_bad else "",
            }

    def translate(self, message):
        return translate(message, context=self.request)

    def columns(self):
        return "、".join(header for header, _spellings in COLUMNS.values())

    def bad_rows(self):
        return [
            {
                "number": row.number,
                "title": row.raw.get("title", ""),
                "reasons": [self.translate(error) for error in row.errors],
            }
            for row in self.report.bad
        ]

    def can_confirm(self):
        report = self.report
        return bool(
            report
            and not report.applied
            and report.new
            and (not report.bad or self.payload.get("skip_bad"))
        )
