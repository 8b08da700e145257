"""Import a bundle made by export_site.py into a site that has the add-on installed.

    IMPORT_FILE=var/export/tongliao.json SITE_ID=neu \
        zconsole run instance/etc/zope.conf scripts/import_site.py
or  make import-site FILE=var/export/tongliao.json SITE_ID=neu
Nothing is committed when an item could not be imported.
"""

from AccessControl.SecurityManagement import newSecurityManager
from Testing.makerequest import makerequest
from tongliao.disclosure.migration.commands import import_from_file
from zope.component.hooks import setSite

import os
import sys
import transaction


SITE_ID = os.environ.get("SITE_ID", "tongliao")
SOURCE = os.environ["IMPORT_FILE"]

app = makerequest(globals()["app"])  # noqa: F821 - injected by zconsole
newSecurityManager(None, app.acl_users.getUser("admin").__of__(app.acl_users))
site = app[SITE_ID]
setSite(site)
total, failed = import_from_file(site, app.REQUEST, SOURCE)
if failed:
    transaction.abort()
    print("以下内容项无法导入（详见日志），未保存任何更改：", *failed, sep="\n")
    sys.exit(1)
transaction.commit()
print(f"已导入{total}个内容项。")
