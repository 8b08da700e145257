"""Test data of the bilingual tests: the demo core with its Mongolian titles."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tongliao.disclosure import demo

import transaction


def build_bilingual_demo(portal):
    with api.env.adopt_user(SITE_OWNER_NAME):
        api.portal.set_registry_record("plone.site_title", "通辽市政务公开平台")
        demo.create_demo_content(portal, living=False)
    transaction.commit()
    return portal
