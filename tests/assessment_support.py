"""A site with known dates and states for the monitor and assessment tests.

Every expected number in tests/test_assessment*.py was counted by hand from
these rows (see the comments) on the official calendar: National Day 2025
(1–8 October off; make-up 28 September, 11 October), Spring Festival 2026
(15–23 February off; make-up 14 and 28 February).
"""

from datetime import date
from plone import api
from tests.helpers import make_agency
from tongliao.disclosure.review.staging import review_to
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


TODAY = date(2026, 3, 20)

# id, written, 发布日期, kind, normative
DOCUMENTS = [
    ("a", date(2025, 9, 26), "2025/10/30", "notice", False),  # 20th wd: on time
    ("b", date(2025, 9, 26), "2025/10/31", "notice", True),  # 21 wd: late
    ("c", date(2026, 2, 6), "2026/03/16", "opinion", False),  # 22 wd: late
    ("d", date(2026, 2, 6), "2026/03/12", "notice", True),  # 20th wd: on time
    ("e", date(2026, 2, 10), "2026/02/13", "opinion", False),  # on time
]
# id, 发布日期, interpreted documents
INTERPRETATIONS = [
    ("ib", "2025/11/05", ("b",)),  # 3 Nov, 4, 5 = 3 wd after 31 Oct: on time
    ("ie", "2026/02/24", ("e",)),  # 14 Feb (make-up), 24 Feb = 2 wd: on time
]


def create_document(agency, doc_id, written, published, kind, normative, **fields):
    doc = api.content.create(
        container=agency,
        type="PolicyDocument",
        id=doc_id,
        title=f"文件{doc_id}",
        document_kind=kind,
        subject_category="02",
        validity="valid",
        date_written=written,
        issuing_agency=agency.Title(),
        disclosure_attribute=fields.pop("disclosure_attribute", "proactive"),
        is_normative=normative,
        **fields,
    )
    if published:
        doc.setEffectiveDate(f"{published} 09:00 GMT+8")
        review_to(doc, "published")
    return doc


def build_known_agency(portal, agency_id="agency", credit_code="11150500MB1234567X"):
    """The agency of the known-data tests (the current user builds it)."""
    with api.env.adopt_roles(["Manager"]):
        agency = make_agency(
            portal, id=agency_id, title="通辽市测试局", credit_code=credit_code
        )
        docs = {row[0]: create_document(agency, *row) for row in DOCUMENTS}
        intids = getUtility(IIntIds)
        for interp_id, published, targets in INTERPRETATIONS:
            item = api.content.create(
                container=agency,
                type="PolicyInterpretation",
                id=interp_id,
                title=f"解读{interp_id}",
                interpreted_documents=[
                    RelationValue(intids.getId(docs[t])) for t in targets
                ],
            )
            item.setEffectiveDate(f"{published} 10:00 GMT+8")
            review_to(item, "published")
        # Withheld (不予公开), never published: one reassessment due, one not.
        for doc_id, due in (("w", date(2026, 1, 9)), ("w2", date(2026, 12, 31))):
            create_document(
                agency,
                doc_id,
                date(2025, 6, 2),
                None,
                "notice",
                False,
                disclosure_attribute="exempt",
                exemption_reason="涉及国家秘密",
                reassessment_date=due,
            )
        # Received in person 6 Feb 2026 (day 0): reply due 12 March 2026, open.
        api.content.create(
            container=agency,
            type="DisclosureApplication",
            id="case",
            channel="in_person",
            received_date=date(2026, 2, 6),
            applicant_type="natural_person",
            applicant_name="测试申请人",
            id_number="11010519491231002X",
            phone="13812345678",
            description="申请公开测试信息",
            provision_form="email",
            obtain_method="email",
        )
    return agency
