"""Data built once per module or class, each test still starting from it.

``committed_world(build)`` commits what ``build(portal)`` creates into a
DemoStorage stacked on the layers' ZODB and keeps it on top of the stack while
the context is open. The test layers open their ZODB through that stack:

* each functional test stacks its own DemoStorage above the shared one
  (plone.testing's FunctionalTesting), so whatever a test commits is thrown
  away with it and the next test starts from the same built data;
* each integration test opens a connection to it and aborts at the end.

So set-up that took seconds per test (agencies with their sections and guide,
users, documents through the review workflow) runs once, and isolation stays
what it was. Use it from a module- or class-scoped fixture that the tests of
that module or class use (an autouse one if every test needs the data): while
it is open every test there sees the data. ``build`` runs as the test user
with the site and the global request set, like a test, and must return plain
values (ids, paths), not persistent objects: the tests look their objects up
in their own connection (``portal.unrestrictedTraverse(path)``).
"""

from contextlib import contextmanager
from plone.app.testing import ploneSite
from plone.testing import zodb
from plone.testing.layer import Layer
from tongliao.disclosure.testing import FIXTURE
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest

import transaction


@contextmanager
def committed_world(build, name="world"):
    """Build once, commit into a stacked DemoStorage, yield what ``build`` returned."""
    holder = Layer(bases=(FIXTURE,), name=f"World:{name}", module=__name__)
    db = zodb.stackDemoStorage(holder.get("zodbDB"), name=name)
    # Pushed on the shared resource stack: Zope2.app(), the WSGI server and
    # the per-test DemoStorage of the functional layer all open its top.
    holder["zodbDB"] = db
    request = getRequest()
    try:
        with ploneSite(db=db) as portal:
            setRequest(portal.REQUEST)
            result = build(portal)
            # Here, not in ploneSite(), which would swallow a failing commit.
            transaction.commit()
        yield result
    finally:
        transaction.abort()
        setRequest(request)
        del holder["zodbDB"]
        db.close()


def world_fixture(build, name, scope="module", autouse=False):
    """The pytest fixture ``name`` of ``scope``: ``committed_world(build)`` held open.

    It depends on both layers' session fixtures, so they are set up before the
    world is stacked on their ZODB, and its scope is wider than the function
    fixtures that open each test's connection, so those come after it.
    """
    import pytest

    @pytest.fixture(scope=scope, autouse=autouse, name=name)
    def fixture(functional_session, integration_session):
        with committed_world(build, name=name) as result:
            yield result

    return fixture
