"""Data built once per module or class, each test still starting from it.

``world_fixture(build, name)`` makes the module- (or class-) scoped fixture
``name``: it commits what ``build(portal)`` creates into a DemoStorage stacked
on the layers' ZODB, once, and its value is what ``build`` returned. Every test
that requests the fixture (directly or through another fixture) runs with that
database on top of the ZODB stack the test layers open (conftest.py's autouse
``_on_world`` puts it there before the layer's per-test set-up):

* a functional test stacks its own DemoStorage above it (plone.testing's
  FunctionalTesting), so whatever the test commits, over HTTP or not, is
  thrown away with it and the next test starts from the same built data;
* an integration test opens a connection to it and aborts at the end.

Tests that do not request the fixture do not see the data. So set-up that took
seconds per test (agencies with their sections and guide, users, documents
through the review workflow) runs once, and isolation stays what it was.

``build`` runs as the test user with the site and the global request set, like
a test, and must return plain values (ids, paths), not persistent objects: the
tests look their objects up in their own connection
(``portal.unrestrictedTraverse(path)``). A test uses at most one world.
"""

from contextlib import contextmanager
from plone.app.testing import ploneSite
from plone.testing import zodb
from plone.testing.layer import Layer
from tongliao.disclosure.testing import FIXTURE
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest

import pytest
import transaction


# name of each world fixture -> its open database (while its scope lasts)
DATABASES = {}
NAMES = set()
KEYS = {}  # name of a keyed world fixture -> its parameter


def _holder(name):
    # Any layer above the Startup layer shares its ``zodbDB`` resource stack;
    # Zope2.app(), the WSGI server and the functional layer open its top.
    return Layer(bases=(FIXTURE,), name=f"World:{name}", module=__name__)


@contextmanager
def stacked(db, name):
    """``db`` on top of the layers' ZODB stack while the context is open."""
    holder = _holder(name)
    holder["zodbDB"] = db
    try:
        yield
    finally:
        del holder["zodbDB"]


def make_world(build, name, **fixtures):
    """A new database stacked on the current top, with ``build``'s data committed."""
    db = zodb.stackDemoStorage(_holder(name).get("zodbDB"), name=name)
    request = getRequest()
    try:
        with stacked(db, name), ploneSite(db=db) as portal:
            setRequest(portal.REQUEST)
            result = build(portal, **fixtures)
            # Here, not at the end of ploneSite(): that commit runs after the
            # site hook is gone (the indexing queue then fails) and swallows
            # its error.
            transaction.commit()
    except BaseException:
        transaction.abort()
        db.close()
        raise
    finally:
        setRequest(request)
    return db, result


def world_fixture(build, name, scope="module", uses=()):
    """The pytest fixture ``name`` of ``scope``: the world ``build`` makes, built once.

    ``build`` gets the values of the (session-scoped) fixtures named in ``uses``
    as keyword arguments.

    It depends on both layers' session fixtures, so they are set up before the
    world is built on their ZODB. ``name`` ends in ``_world``, a suffix no other
    fixture uses: ``on_world`` recognises worlds by name.
    """
    assert name.endswith("_world"), name
    NAMES.add(name)

    @pytest.fixture(scope=scope, name=name)
    def fixture(request, functional_session, integration_session):
        fixtures = {use: request.getfixturevalue(use) for use in uses}
        db, result = make_world(build, name, **fixtures)
        DATABASES[name] = db
        try:
            yield result
        finally:
            del DATABASES[name]
            db.close()

    return fixture


class KeyedWorlds(dict):
    """The worlds of ``keyed_world_fixture``: value of the key -> build's result."""

    def __init__(self, build, name):
        super().__init__()
        self.build, self.name, self.databases = build, name, {}

    def database(self, value):
        if value not in self.databases:
            db, self[value] = make_world(self.build, self.name, param=value)
            self.databases[value] = db
        return self.databases[value]

    def close(self):
        for db in self.databases.values():
            db.close()


def keyed_world_fixture(build, name, key, scope="module"):
    """Like ``world_fixture``, one world per value of the test parameter ``key``
    (a plain ``parametrize`` argument), passed to ``build`` as ``param``.

    Each world is built the first time a test with that value runs and kept for
    the scope, whatever order the tests run in (pytest-randomly interleaves
    them; a parametrized fixture would be rebuilt at every change of value).
    The fixture's value maps each value to what ``build`` returned.
    """
    assert name.endswith("_world"), name
    NAMES.add(name)
    KEYS[name] = key

    @pytest.fixture(scope=scope, name=name)
    def fixture(functional_session, integration_session):
        worlds = KeyedWorlds(build, name)
        DATABASES[name] = worlds
        try:
            yield worlds
        finally:
            del DATABASES[name]
            worlds.close()

    return fixture


@contextmanager
def on_world(request):
    """The world the test requests (if any) on top of the ZODB stack during it."""
    names = [name for name in request.fixturenames if name in NAMES]
    if not names:
        yield
        return
    assert len(names) == 1, f"one world per test, not {names}"
    (name,) = names
    request.getfixturevalue(name)
    from tongliao.disclosure.testing import FUNCTIONAL_TESTING

    owners = [
        owner
        for layer in _holder(name).baseResolutionOrder
        for _db, owner in getattr(layer, "_resources", {}).get("zodbDB", ())
    ]
    assert FUNCTIONAL_TESTING not in owners, "the test's database is already open"
    db = DATABASES[name]
    if name in KEYS:
        db = db.database(request.node.callspec.params[KEYS[name]])
    with stacked(db, name):
        yield


def agency_world(name, documents=(), **fields):
    """A world of one ``helpers.make_agency(portal, documents, **fields)``
    (built as the test user, who owns it); its value is the agency's path."""
    from tests.helpers import make_agency

    def build(portal):
        return make_agency(portal, documents, **fields).getPhysicalPath()

    return world_fixture(build, name)
