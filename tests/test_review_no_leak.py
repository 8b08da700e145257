"""No leak: anonymous finds no trace of a non-published item on any channel.

Table: channels × non-published states. Every channel also has a positive
control (a published document and interpretation carrying the same keyword), so
a channel that shows nothing at all cannot pass by accident.
"""

from plone import api
from tests.helpers import rel
from tests.review_support import CLEAR
from tests.review_support import create_interpretation
from tests.review_support import create_item
from tests.review_support import make_test_type
from tests.review_support import make_users
from tests.review_support import publish
from tests.review_support import submit
from tests.world_support import keyed_world_fixture
from tongliao.disclosure.review.workflow import perform

import gzip
import pytest
import re


KEY = "zqx7leak"
STATES = [
    "draft",
    "pending_department_review",
    "pending_secrecy_review",
    "pending_approval",
    "withdrawn",
]
CHANNELS = [
    "item_url",
    "rest_get",
    "rest_search",
    "search_page",
    "sitemap",
    "rss",
    "navigation",
    "folder_listing",
    "back_references",
]
DENIED = (401, 403)  # the hidden items exist: 404 would hide a wrong URL


def bring_to(obj, state, reviewers=("dept", "secrecy", "approver")):
    if state == "draft":
        return obj
    if state == "withdrawn":
        publish(obj, reviewers=reviewers)
        with api.env.adopt_user(username="editor"):
            perform(obj, "withdraw", "需修订")
        return obj
    submit(obj)
    passes = {"pending_secrecy_review": 1, "pending_approval": 2}.get(state, 0)
    for userid, checklist in list(zip(reviewers, (None, CLEAR), strict=False))[:passes]:
        with api.env.adopt_user(username=userid):
            perform(obj, "pass", "同意", checklist)
    assert api.content.get_state(obj) == state
    return obj


def build_world(portal, param):
    """A published control document and interpretation, and a hidden pair in
    the state ``param``: one world per state, built once for the module."""
    make_test_type(portal)
    make_users(portal)
    api.portal.set_registry_record("plone.enable_sitemap", True)
    api.portal.set_registry_record(
        "plone.displayed_types",
        ("DisclosureAgency", "PolicyDocument", "PolicyInterpretation"),
    )
    from plone.base.interfaces.syndication import ISiteSyndicationSettings

    api.portal.set_registry_record(
        "default_enabled", True, interface=ISiteSyndicationSettings
    )
    control = publish(create_item(portal, title=f"公开对照文件 {KEY}", text=KEY))
    control_interp = publish(
        create_interpretation(portal, [control], title=f"公开对照解读 {KEY}"),
        reviewers=("dept2", "secrecy", "approver"),
    )
    state = param
    hidden = bring_to(
        create_item(portal, title=f"内部待审文件 {KEY}", text=f"机密正文 {KEY}"),
        state,
    )
    hidden_interp = bring_to(
        create_interpretation(portal, [control], title=f"内部待审解读 {KEY}"),
        state,
        reviewers=("dept2", "secrecy", "approver"),
    )
    return {
        "control": control.getPhysicalPath(),
        "control_interp": control_interp.getPhysicalPath(),
        "hidden": hidden.getPhysicalPath(),
        "hidden_interp": hidden_interp.getPhysicalPath(),
    }


# One world per state, each built once (whatever order the tests run in).
leak_world = keyed_world_fixture(build_world, "leak_world", key="state")


@pytest.fixture
def world(leak_world, state, functional_portal):
    """The state's world, as objects of this test's connection."""
    get = functional_portal.unrestrictedTraverse
    return {name: get(path) for name, path in leak_world[state].items()}


def fetch(channel, world, html, api_session):
    """(status, text) of what anonymous gets from ``channel`` for the hidden items."""
    control, hidden = world["control"], world["hidden"]
    if channel == "item_url":
        r = html.get(rel(hidden), allow_redirects=False)
        # A redirect to the login form is a denial too; keep where it points.
        text = r.text + "\nLocation: " + r.headers.get("Location", "")
        return r.status_code, text, html.get(rel(control)).text
    if channel == "rest_get":
        r = api_session.get(rel(hidden))
        return r.status_code, r.text, api_session.get(rel(control)).text
    if channel == "rest_search":
        r = api_session.get("@search", params={"SearchableText": KEY})
        return r.status_code, r.text, r.text
    if channel == "search_page":
        r = html.get("@@search", params={"SearchableText": KEY})
        return r.status_code, r.text, r.text
    if channel == "sitemap":
        r = html.get("sitemap.xml.gz")
        text = gzip.decompress(r.content).decode("utf-8")
        if "<sitemapindex" in text:  # Plone 6.1+: an index of numbered pages
            for page in re.findall(r"<loc>[^<]*\?page=(\d+)</loc>", text):
                part = html.get("sitemap.xml.gz", params={"page": page})
                assert part.status_code == 200
                text += gzip.decompress(part.content).decode("utf-8")
        return r.status_code, text, text
    if channel == "rss":
        r = html.get(rel(hidden.__parent__) + "/rss.xml")  # the agency's feed
        return r.status_code, r.text, r.text
    if channel == "navigation":
        r = api_session.get("@navigation", params={"expand.navigation.depth": 4})
        return r.status_code, r.text, r.text
    if channel == "folder_listing":
        agency = rel(hidden.__parent__)
        r = api_session.get(agency)
        page = html.get(agency)
        return r.status_code, r.text + page.text, r.text + page.text
    if channel == "back_references":
        r = api_session.get(rel(control), params={"expand": "back-references"})
        page = html.get(rel(control))
        return r.status_code, r.text + page.text, r.text + page.text
    raise AssertionError(channel)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("channel", CHANNELS)
def test_anonymous_sees_no_trace(world, state, channel, request_factory):
    html = request_factory(api=False)
    html.headers["Accept"] = "text/html"
    api_session = request_factory()
    status, text, control_text = fetch(channel, world, html, api_session)
    hidden, hidden_interp = world["hidden"], world["hidden_interp"]
    if channel in ("item_url", "rest_get"):
        assert status in DENIED or (status == 302 and "Location: " in text)
        if status == 302:
            assert "login" in text.split("Location: ")[-1]
    else:
        assert status == 200
    for obj in (hidden, hidden_interp):
        assert obj.Title() not in text
        if channel != "item_url":  # there the visitor typed the URL himself
            assert obj.absolute_url() not in text
    assert "机密正文" not in text
    # Positive control: the published items do show on this channel.
    expected = {
        "back_references": world["control_interp"],
    }.get(channel, world["control"])
    assert expected.Title() in control_text or expected.absolute_url() in control_text
