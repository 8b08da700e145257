"""The demo profile builds a living demo: five agencies, documents across kinds,
years and validity with PDF attachments, interpretations, a directory and guide
per agency, applications in every state, a published annual report and staff
accounts for every role. It takes a while to build: one test checks it all."""

from collections import Counter
from plone import api
from plone.app.testing import applyProfile
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from tongliao.disclosure import demo
from tongliao.disclosure.applications.workflow import WORKFLOW_ID
from tongliao.disclosure.consultation.comments import all_comments
from tongliao.disclosure.relations import back_references

import pytest


@pytest.fixture
def demo_portal(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    applyProfile(portal, "tongliao.disclosure:demo")
    return portal


def brains(**query):
    return api.portal.get_tool("portal_catalog").unrestrictedSearchResults(**query)


def test_demo_site(demo_portal):
    agency = demo_portal[demo.DEMO_AGENCY_ID]

    # The notice with its interpretation; the repealed rules and their successor.
    notice = agency[demo.NOTICE_ID]
    interpretation = agency[demo.INTERPRETATION_ID]
    assert notice.document_number == "通政公办字〔2021〕1号"
    assert "政务公开标准目录" in notice.text.raw
    assert notice.index_number == "1115050001147000MT/2021-00001"
    for obj in (agency, notice, interpretation):
        assert api.content.get_state(obj) == "published"
    with api.env.adopt_roles(["Anonymous"]):
        assert back_references(notice, "interpreted_documents") == [interpretation]
    old, new = agency[demo.OLD_RULES_ID], agency[demo.NEW_RULES_ID]
    assert old.validity == "repealed" and old.replaced_by.to_object == new
    assert old.index_number.endswith("/2019-00001")
    assert new.index_number.endswith("/2021-00002")

    # Five published agencies with contact details, directory and guide each.
    agencies = [b.getObject() for b in brains(portal_type="DisclosureAgency")]
    assert len(agencies) == 5
    for each in agencies:
        assert api.content.get_state(each) == "published"
        assert each.phone and each.email
    assert len(brains(portal_type="StandardDirectory")) == 5  # structure: no state
    assert len(brains(portal_type="DisclosureGuide", review_state="published")) == 5
    assert len(brains(portal_type="DirectoryItem", review_state="published")) == 70

    # Documents: published across years, kinds, subjects and validity, each new
    # one with its PDF; two in the staff's hands.
    documents = brains(portal_type="PolicyDocument")
    states = Counter(b.review_state for b in documents)
    assert states == {"published": 27, "pending_secrecy_review": 1, "draft": 1}
    published = [b for b in documents if b.review_state == "published"]
    assert {b.effective.year() for b in published} >= set(range(2021, 2027))
    assert {b.getObject().validity for b in published} == {
        "valid",
        "repealed",
        "expired",
    }
    assert len({b.getObject().document_kind for b in published}) >= 4
    assert len({b.getObject().subject_category for b in published}) >= 10
    pdfs = brains(portal_type="File")  # attachments follow their document
    assert len(pdfs) == 26
    pdf = pdfs[0].getObject()
    assert (
        pdf.file.data.startswith(b"%PDF") and pdf.file.contentType == "application/pdf"
    )
    interpretations = brains(
        portal_type="PolicyInterpretation", review_state="published"
    )
    assert len(interpretations) == 10

    # Applications in every state of the procedure, handled by the demo staff.
    cases = {
        b.getId: b.getObject() for b in brains(portal_type="DisclosureApplication")
    }
    case_states = {
        api.portal.get_tool("portal_workflow").getInfoFor(
            c, "review_state", wf_id=WORKFLOW_ID
        )
        for c in cases.values()
    }
    assert case_states == {
        "registered",
        "awaiting_correction",
        "processing",
        "consulting",
        "replied",
        "withdrawn",
        "archived",
    }
    extended = cases["demo-extended"]
    assert extended.last_event("extension") is not None
    assert cases["demo-on-the-spot"].last_event("replied") is not None

    # Last year's annual report, published through the review.
    year = demo.site_today().year - 1
    report = agency[f"annual-report-{year}"]
    assert api.content.get_state(report) == "published"

    # The public's side: complaints (one being investigated), an answered
    # message, an open consultation with a shown and a pending comment.
    complaints = brains(portal_type="DisclosureComplaint")
    assert sorted(b.review_state for b in complaints) == ["investigating", "received"]
    messages = brains(portal_type="PublicMessage")
    assert [b.review_state for b in messages] == ["answered"]
    consultation = demo_portal["tlsfgw"]["demo-consultation"]
    assert api.content.get_state(consultation) == "published"
    assert sorted(c["state"] for c in all_comments(consultation)) == [
        "pending",
        "shown",
    ]

    # Staff accounts for every role, with names.
    for userid, fullname, group, role in demo.DEMO_STAFF:
        user = api.user.get(userid=userid)
        assert user.getProperty("fullname") == fullname
        if group:
            assert group in [g.getId() for g in api.group.get_groups(user=user)]
        if role:
            assert role in api.user.get_roles(user=user)

    # The front page is the platform home, listing the agencies.
    assert demo_portal.getLayout() == "disclosure-home"
    view = demo_portal.restrictedTraverse("@@disclosure-home")
    assert len(view.agencies()) == 5

    # Applying the profile again creates nothing twice.
    counts = Counter(b.portal_type for b in brains())
    applyProfile(demo_portal, "tongliao.disclosure:demo")
    assert Counter(b.portal_type for b in brains()) == counts
    assert agency[demo.NOTICE_ID].index_number.endswith("/2021-00001")
