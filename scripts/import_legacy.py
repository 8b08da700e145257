"""Import policy documents from another portal's catalogue (CSV or XLSX).

    make import-legacy FILE=旧目录.xlsx AGENCY=tlsrmzfbgs IMPORT_USER=approver
        [FOLDER=附件目录] [APPLY=1] [SKIP_BAD=1]
Without APPLY=1 this is a dry run: the report only. IMPORT_USER must hold the
approver's role (审批领导) in the agency; the import records name them.
Attachments and 正文 files are read relative to FOLDER (default: the file's folder).
"""

from AccessControl.SecurityManagement import newSecurityManager
from pathlib import Path
from Testing.makerequest import makerequest
from tongliao.disclosure.migration.commands import Progress
from tongliao.disclosure.migration.commands import report_lines
from tongliao.disclosure.migration.commands import zh
from tongliao.disclosure.migration.legacy import FolderFiles
from tongliao.disclosure.migration.legacy import LegacyFileError
from tongliao.disclosure.migration.legacy_import import run_import
from zope.component.hooks import setSite

import os
import sys
import transaction


SITE_ID = os.environ.get("SITE_ID", "tongliao")
SOURCE = Path(os.environ["LEGACY_FILE"])
FOLDER = os.environ.get("FOLDER") or str(SOURCE.parent)
APPLY = os.environ.get("APPLY") == "1"
SKIP_BAD = os.environ.get("SKIP_BAD") == "1"

app = makerequest(globals()["app"])  # noqa: F821 - injected by zconsole
site = app[SITE_ID]
setSite(site)
for users in (site.acl_users, app.acl_users):  # a site user, else a Zope admin
    user = users.getUserById(os.environ["IMPORT_USER"])
    if user is not None:
        newSecurityManager(None, user.__of__(users))
        break
else:
    sys.exit(f"没有用户 {os.environ['IMPORT_USER']}")
agency = site.unrestrictedTraverse(os.environ["AGENCY"])
progress = Progress("导入")
try:
    report = run_import(
        agency,
        SOURCE.read_bytes(),
        SOURCE.name,
        FolderFiles(FOLDER),
        dry_run=not APPLY,
        skip_bad=SKIP_BAD,
        progress=progress,
    )
except LegacyFileError as error:
    sys.exit(zh(error.message, app.REQUEST))
progress.close()
print("\n".join(report_lines(report, app.REQUEST)))
if report.applied:
    transaction.commit()
