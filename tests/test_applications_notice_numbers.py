"""文号 of notices: allocated when a notice is issued, never for a new case;
two transactions numbering notices of one agency at once conflict and the
retried one takes the next number (unique, gap-free)."""

from .helpers import make_agency
from .test_applications_notices import APPLICANT
from datetime import date
from plone import api
from tongliao.disclosure.applications.actions import perform
from tongliao.disclosure.applications.notice_numbers import COUNTER_KEY
from tongliao.disclosure.applications.notice_numbers import get_counter
from tongliao.disclosure.applications.notice_numbers import next_notice_number
from ZODB.POSException import ConflictError
from zope.annotation.interfaces import IAnnotations

import threading
import transaction


def _case(agency, name):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=agency,
            type="DisclosureApplication",
            id=name,
            channel="online",
            received_date=date(2026, 9, 1),
            **APPLICANT,
        )


def test_new_cases_do_not_write_the_counter(functional_portal):
    agency = make_agency(functional_portal, notice_number_prefix="通发改信公")
    transaction.commit()
    _case(agency, "first")
    transaction.commit()
    # A case (and its receipt) leaves the agency's counter alone.
    assert COUNTER_KEY not in IAnnotations(agency)
    with api.env.adopt_roles(["Manager"]):
        perform(agency["first"], "reply", day=date(2026, 9, 2), outcome="granted")
    transaction.commit()
    counter = get_counter(agency)
    serial = counter._p_serial
    assert counter.peek(2026) == 1
    _case(agency, "second")
    transaction.commit()
    assert get_counter(agency)._p_serial == serial
    with api.env.adopt_roles(["Manager"]):
        perform(agency["second"], "reply", day=date(2026, 9, 3), outcome="granted")
    transaction.commit()
    numbers = [
        agency[name].stored_files("notice")[0]["number"] for name in ("first", "second")
    ]
    assert numbers == ["通发改信公〔2026〕1号", "通发改信公〔2026〕2号"]


def test_concurrent_notices_conflict_and_retry(functional_portal):
    """Two ZODB connections number a notice of the same agency and commit at
    once: one commit conflicts, the retry (as Zope's publisher does) reads
    the winner's value and takes the next number."""
    agency = make_agency(functional_portal, notice_number_prefix="通发改信公")
    get_counter(agency)
    transaction.commit()
    db = functional_portal._p_jar.db()
    path = agency.getPhysicalPath()[1:]
    barrier = threading.Barrier(2)
    results, conflicts = [], []

    def worker():
        tm = transaction.TransactionManager()
        conn = db.open(transaction_manager=tm)
        try:
            first_try = True
            while True:
                tm.begin()
                obj = conn.root()["Application"]
                for name in path:
                    obj = obj[name]
                number = next_notice_number(obj, date(2026, 10, 9))
                if first_try:
                    barrier.wait(timeout=10)
                    first_try = False
                try:
                    tm.commit()
                except ConflictError:
                    tm.abort()
                    conflicts.append(number)
                    continue
                results.append(number)
                return
        finally:
            conn.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results) == ["通发改信公〔2026〕1号", "通发改信公〔2026〕2号"]
    assert conflicts == ["通发改信公〔2026〕1号"]
    transaction.begin()
    assert get_counter(agency).peek(2026) == 2
