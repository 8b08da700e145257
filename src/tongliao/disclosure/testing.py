"""Test layers: FIXTURE (the add-on installed), INTEGRATION_TESTING, FUNCTIONAL_TESTING.

FUNCTIONAL_TESTING runs a real WSGI server (plone.testing's WSGI_SERVER_FIXTURE) so
tests make real HTTP requests against ``portal.absolute_url()``.
"""

from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE

import os


class DisclosureLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        # Compile the message catalogs as a real start-up does.
        os.environ.setdefault("zope_i18n_compile_mo_files", "true")
        import plone.restapi
        import tongliao.disclosure

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=tongliao.disclosure)

    def setUpPloneSite(self, portal):
        # A real site has Plone's default workflow; PLONE_FIXTURE has none.
        portal.portal_workflow.setDefaultChain("simple_publication_workflow")
        applyProfile(portal, "tongliao.disclosure:default")
        # The site policy (zh-cn, Asia/Shanghai) a real platform applies too.
        applyProfile(portal, "tongliao.disclosure:site")


FIXTURE = DisclosureLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,),
    name="TongliaoDisclosureLayer:IntegrationTesting",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="TongliaoDisclosureLayer:FunctionalTesting",
)
