"""索引号: assigned once at first publication, per agency per year, conflict-safe."""

from .helpers import make_agency
from datetime import date
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import TEST_USER_ID
from tongliao.disclosure.policy.index_numbers import COUNTER_KEY
from tongliao.disclosure.policy.index_numbers import format_index_number
from tongliao.disclosure.review.staging import review_to
from ZODB.POSException import ConflictError
from zope.annotation.interfaces import IAnnotations

import pytest
import threading
import transaction


CODE_A = "1115050001147000MT"
CODE_B = "11150000MB1604391C"


def make_doc(container, doc_id, written=date(2021, 7, 15)):
    return api.content.create(
        container=container,
        type="PolicyDocument",
        id=doc_id,
        title=doc_id,
        date_written=written,
        document_kind="notice",
        subject_category="02.01",
    )


@pytest.fixture
def agencies(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    a = make_agency(
        portal,
        id="a",
        title="A",
        credit_code=CODE_A,
        published=False,
    )
    b = make_agency(
        portal,
        id="b",
        title="B",
        credit_code=CODE_B,
        published=False,
    )
    return a, b


def test_format():
    assert format_index_number(CODE_A, 2021, 7) == f"{CODE_A}/2021-00007"


def test_no_number_before_publication(agencies):
    doc = make_doc(agencies[0], "d1")
    assert doc.index_number == ""
    review_to(doc, "pending_department_review")
    assert doc.index_number == ""


def test_assigned_once_at_first_publication(agencies):
    a, b = agencies
    never_published = make_doc(a, "draft")
    d1, d2, other = make_doc(a, "d1"), make_doc(a, "d2"), make_doc(b, "other")
    for doc in (d2, d1, other):
        review_to(doc, "published")
    year = date.today().year
    # The draft left no gap; serials follow publication order, per agency.
    assert d2.index_number == f"{CODE_A}/{year}-00001"
    assert d1.index_number == f"{CODE_A}/{year}-00002"
    assert other.index_number == f"{CODE_B}/{year}-00001"
    assert never_published.index_number == ""
    # Withdraw and re-publish: same number; the next document gets a new one.
    review_to(d2, "withdrawn")
    review_to(d2, "published")
    assert d2.index_number == f"{CODE_A}/{year}-00001"
    d3 = make_doc(a, "d3")
    review_to(d3, "published")
    assert d3.index_number == f"{CODE_A}/{year}-00003"
    # Deleting a published document does not free its serial.
    api.content.delete(d3)
    d4 = make_doc(a, "d4")
    review_to(d4, "published")
    assert d4.index_number == f"{CODE_A}/{year}-00004"
    catalog = api.portal.get_tool("portal_catalog")
    assert [b.getId for b in catalog(index_number=d1.index_number)] == ["d1"]


def test_year_of_publication_or_written(agencies):
    a = agencies[0]
    backdated = make_doc(a, "old", written=date(2019, 5, 10))
    backdated.setEffectiveDate("2020/01/03")
    review_to(backdated, "published")
    assert backdated.index_number == f"{CODE_A}/2020-00001"
    api.portal.set_registry_record(
        "tongliao.disclosure.index_number_year_source", "date_written"
    )
    older = make_doc(a, "older", written=date(2019, 6, 1))
    review_to(older, "published")
    assert older.index_number == f"{CODE_A}/2019-00001"


def test_index_number_is_read_only_over_rest(agencies):
    from tongliao.disclosure.policy.document import IPolicyDocument

    assert IPolicyDocument["index_number"].readonly


def test_concurrent_allocations_conflict_and_never_duplicate(functional_portal):
    """Two ZODB connections allocate in the same agency and commit at once."""
    with api.env.adopt_user(SITE_OWNER_NAME):
        make_agency(functional_portal, title="A", credit_code=CODE_A, published=False)
    transaction.commit()
    db = functional_portal._p_jar.db()
    barrier = threading.Barrier(2)
    results, conflicts = [], []

    def worker():
        tm = transaction.TransactionManager()
        conn = db.open(transaction_manager=tm)
        try:
            first_try = True
            while True:
                tm.begin()
                agency = conn.root()["Application"]["plone"]["agency"]
                serial = IAnnotations(agency)[COUNTER_KEY].allocate(2021)
                if first_try:
                    # Both transactions have read the same counter state.
                    barrier.wait(timeout=10)
                    first_try = False
                try:
                    tm.commit()
                except ConflictError:
                    # What Zope's publisher does: abort and retry the request.
                    tm.abort()
                    conflicts.append(serial)
                    continue
                results.append(serial)
                return
        finally:
            conn.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results) == [1, 2]
    assert conflicts == [1]  # the loser had computed the same serial, then retried
