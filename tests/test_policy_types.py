"""The policy types install, and a document and its interpretation can be created
and published: the document gets its index number, both show up for anonymous
visitors (the document itself, its back-references), the draft does not."""

from .helpers import DOCUMENTS
from .helpers import make_agency
from AccessControl import getSecurityManager
from AccessControl.SpecialUsers import nobody
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tongliao.disclosure.relations import back_references
from tongliao.disclosure.review.staging import review_to
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified

import pytest


@pytest.mark.parametrize("name", ["PolicyDocument", "PolicyInterpretation"])
def test_types_installed(get_fti, name):
    fti = get_fti(name)
    assert fti is not None
    assert fti.global_allow is False  # only inside an agency


def test_document_created_and_published(portal):
    agency = make_agency(portal, DOCUMENTS)
    published, draft = agency["d1"], agency["draft"]
    assert api.content.get_state(published) == "published"
    assert published.index_number == "1115050001147000MT/2021-00001"
    assert api.content.get_state(draft) == "draft"
    assert draft.index_number in (None, "")
    with api.env.adopt_user(user=nobody):
        may_view = getSecurityManager().checkPermission
        assert may_view("View", published)
        assert not may_view("View", draft)


def test_interpretation_created_and_published(portal):
    agency = make_agency(portal, DOCUMENTS)
    with api.env.adopt_user(SITE_OWNER_NAME):
        interpretation = api.content.create(
            container=agency,
            type="PolicyInterpretation",
            id="interp",
            title="《关于做好政务公开工作的通知》解读",
            interpretation_form=["text"],
        )
        interpretation.interpreted_documents = [
            RelationValue(getUtility(IIntIds).getId(agency["d1"]))
        ]
        modified(interpretation)
        review_to(interpretation, "published")
    assert api.content.get_state(interpretation) == "published"
    with api.env.adopt_user(user=nobody):
        assert back_references(agency["d1"], "interpreted_documents") == [
            interpretation
        ]
