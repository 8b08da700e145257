"""Agencies, coordinators and helpers of the coordination tests (协调)."""

from .helpers import make_agency
from .review_support import create_item
from .review_support import ensure_user
from .review_support import make_test_type
from .review_support import make_users
from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


# id -> (title, 统一社会信用代码, coordinator userid, full name)
CO_AGENCIES = {
    "finance": ("通辽市财政局", "11150000MB1604391C", "coord_b", "冯财政"),
    "education": ("通辽市教育局", "11150500MB1604391C", "coord_c", "陈教育"),
    # Not named on the documents: its coordinator must see and answer nothing.
    "health": ("通辽市卫生健康委员会", "11150502011470001R", "coord_d", "褚卫健"),
}


def make_coordination_site(portal):
    """The document's own agency, three other agencies and their coordinators."""
    make_test_type(portal)
    make_users(portal)
    agencies = {}
    with api.env.adopt_roles(["Manager"]):
        for agency_id, (title, code, userid, fullname) in CO_AGENCIES.items():
            agency = make_agency(portal, id=agency_id, title=title, credit_code=code)
            ensure_user(userid, fullname)
            api.user.grant_roles(
                username=userid, obj=agency, roles=["AgencyCoordinator"]
            )
            agencies[agency_id] = agency
    return agencies


def create_coordinated(portal, agencies, names=("finance", "education"), **fields):
    """A draft PolicyDocument of the site's agency naming ``names`` as co-agencies."""
    intids = getUtility(IIntIds)
    relations = [RelationValue(intids.getId(agencies[n])) for n in names]
    return create_item(portal, co_agencies=relations, **fields)
