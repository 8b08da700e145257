"""Create the Plone site ``tongliao`` once, with the add-on and its demo content.

Run through zconsole (``make start`` does it):
    zconsole run instance/etc/zope.conf scripts/create_site.py
Environment: ADMIN_PASSWORD (default ``admin``), SITE_ID (default ``tongliao``),
SITE_DEMO (default ``yes``; ``no`` creates the site without the demo content).
A second run keeps the existing site and only resets the admin password.
"""

from AccessControl.SecurityManagement import newSecurityManager
from Products.CMFPlone.factory import addPloneSite
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import logging
import os
import transaction


SITE_ID = os.environ.get("SITE_ID", "tongliao")
ADMIN_USER = "admin"
ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", "admin")
WITH_DEMO = os.environ.get("SITE_DEMO", "yes") != "no"

app = makerequest(globals()["app"])  # noqa: F821 - injected by zconsole
acl_users = app.acl_users
if acl_users.getUser(ADMIN_USER) is None:
    acl_users._doAddUser(ADMIN_USER, ADMIN_PASSWORD, ["Manager"], [])
elif "users" in acl_users.objectIds():
    # The Zope root's PluggableAuthService: its ZODB user manager changes the
    # password (PlonePAS's _doChangeUser wants a Plone-only plugin type here).
    acl_users.users.updateUserPassword(ADMIN_USER, ADMIN_PASSWORD)
else:  # a classic user folder
    acl_users._doChangeUser(ADMIN_USER, ADMIN_PASSWORD, ["Manager"], [])
newSecurityManager(None, acl_users.getUser(ADMIN_USER).__of__(acl_users))

if SITE_ID in app.objectIds():
    print(f"Site /{SITE_ID} exists: data reused.")
else:
    # Stock Plone's site creation logs harmless warnings of its own (tools its
    # profiles no longer ship, mime types redefined): not ours to fix, and they
    # would bury a real problem, so only errors of these two loggers are shown.
    for name in ("GenericSetup.componentregistry", "Products.MimetypesRegistry"):
        logging.getLogger(name).setLevel(logging.ERROR)
    site = addPloneSite(
        app,
        SITE_ID,
        title="通辽市政务公开平台",
        description="通辽市人民政府及所属部门政府信息公开平台",
        setup_content=False,
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
        extension_ids=[
            "plone.app.contenttypes:default",
            "plonetheme.barceloneta:default",
            "tongliao.disclosure:default",
            "tongliao.disclosure:demo" if WITH_DEMO else "tongliao.disclosure:site",
        ],
    )
    setSite(site)
    print(
        f"Site /{SITE_ID} created" + (" with the demo content." if WITH_DEMO else ".")
    )
transaction.commit()
