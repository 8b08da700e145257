"""Export the whole site (content, relations, local roles, settings …) as one JSON.

    zconsole run instance/etc/zope.conf scripts/export_site.py
or  make export [FILE=var/export/tongliao.json]
Environment: SITE_ID (default ``tongliao``), EXPORT_FILE (default
``var/export/<site>.json``).
"""

from AccessControl.SecurityManagement import newSecurityManager
from pathlib import Path
from Testing.makerequest import makerequest
from tongliao.disclosure.migration.commands import export_to_file
from zope.component.hooks import setSite

import os


SITE_ID = os.environ.get("SITE_ID", "tongliao")
TARGET = Path(os.environ.get("EXPORT_FILE") or f"var/export/{SITE_ID}.json")

app = makerequest(globals()["app"])  # noqa: F821 - injected by zconsole
newSecurityManager(None, app.acl_users.getUser("admin").__of__(app.acl_users))
site = app[SITE_ID]
setSite(site)
TARGET.parent.mkdir(parents=True, exist_ok=True)
count = export_to_file(site, app.REQUEST, TARGET)
print(f"已导出{count}个内容项到 {TARGET}")
