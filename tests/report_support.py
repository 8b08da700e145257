"""Fixture data for the annual-report tests: two agencies, documents and
applications across 2023–2026, with the tables worked out by hand in
test_annual_report_compute.py.

Applications are real DisclosureApplications, handled with ``perform`` (reply,
withdraw) as staff do.
"""

from .helpers import make_agency
from datetime import date
from plone import api
from tongliao.disclosure.review.staging import review_to

import transaction


CODE_A = "1115050001147000MT"
CODE_B = "11150000MB1604391C"

# (id, flag, date_written, repeal_date, validity, publish)
DOCUMENTS = [
    ("d1", "is_regulation", date(2023, 5, 1), None, "valid", True),
    ("d2", "is_regulation", date(2024, 3, 1), None, "valid", True),
    ("d3", "is_normative", date(2022, 6, 1), date(2024, 8, 1), "repealed", True),
    ("d4", "is_normative", date(2024, 2, 1), None, "valid", True),
    ("d5", "is_normative", date(2025, 1, 10), None, "valid", True),
    ("d6", "is_normative", date(2024, 9, 9), date(2025, 3, 1), "repealed", True),
    ("d7", "is_normative", date(2025, 4, 1), None, "valid", False),  # draft
    ("d8", "is_normative", date(2021, 1, 1), None, "expired", True),  # no date
    ("d9", None, date(2024, 5, 5), None, "valid", True),  # neither row
]

# (id, applicant_type, received, closing: (kind, date, outcome) or None)
APPLICATIONS = [
    (
        "a0",
        "natural_person",
        date(2023, 12, 28),
        ("reply", date(2024, 1, 10), "state_secret"),
    ),
    ("a1", "natural_person", date(2024, 3, 5), ("reply", date(2024, 3, 20), "granted")),
    ("a2", "natural_person", date(2024, 6, 10), ("reply", date(2024, 7, 1), "partial")),
    ("a3", "business", date(2024, 9, 2), ("reply", date(2024, 9, 20), "not_held")),
    ("a4", "research", date(2024, 11, 4), ("withdraw", date(2024, 11, 11), None)),
    (
        "a5",
        "natural_person",
        date(2024, 12, 16),
        ("reply", date(2025, 1, 8), "third_party"),
    ),
    (
        "a6",
        "legal_service",
        date(2024, 12, 20),
        ("reply", date(2025, 2, 10), "no_correction"),
    ),
    ("a7", "business", date(2024, 12, 27), ("reply", date(2026, 1, 15), "granted")),
    ("c1", "natural_person", date(2025, 2, 3), ("reply", date(2025, 2, 20), "granted")),
    ("c2", "nonprofit", date(2025, 4, 1), ("reply", date(2025, 4, 22), "repeat")),
    # Fee notice handed over on 05-06; 20 working days (Labour Day and 端午
    # excluded) end on 06-04, so the no_fee closure is lawful from 06-05.
    ("c3", "other_org", date(2025, 5, 6), ("reply", date(2025, 6, 10), "no_fee")),
    ("c4", "natural_person", date(2025, 12, 29), None),
    ("c5", "business", date(2025, 7, 1), ("withdraw", date(2025, 7, 7), None)),
    (
        "c6",
        "natural_person",
        date(2025, 8, 1),
        ("reply", date(2025, 8, 20), "petition"),
    ),
]
# In agency B: must never appear in agency A's tables.
OTHER_AGENCY_APPLICATIONS = [
    ("b1", "natural_person", date(2024, 5, 6), ("reply", date(2024, 5, 20), "granted")),
]


def create_application(container, app_id, applicant_type, received, closing):
    from tongliao.disclosure.applications.actions import perform

    uscc = CODE_A
    app = api.content.create(
        container=container,
        type="DisclosureApplication",
        id=app_id,
        applicant_type=applicant_type,
        applicant_name="测试申请人",
        id_number="11010519491231002X" if applicant_type == "natural_person" else uscc,
        phone="13812345678",
        description="申请公开的信息",
        provision_form="email",
        obtain_method="email",
        channel="in_person",
        received_date=received,
    )
    if closing is not None:
        kind, day, outcome = closing
        if kind == "reply":
            # The checked closures need their lawful history first.
            if outcome == "no_correction":
                perform(app, "request_correction", day=received, items="写明文号")
            elif outcome == "no_fee":
                perform(app, "fee_notice", day=received, method="by_pages", quantity=40)
            perform(app, "reply", day=day, outcome=outcome, reasons="依法答复")
        else:
            perform(app, "withdraw", day=day, note="申请人撤回")
    return app


def add_application(container, *spec):
    return create_application(container, *spec)


def create_document(container, doc_id, flag, written, repeal, validity, publish):
    doc = api.content.create(
        container=container,
        type="PolicyDocument",
        id=doc_id,
        title=f"文件{doc_id}",
        date_written=written,
        document_kind="notice",
        subject_category="02.01",
        validity=validity,
        repeal_date=repeal,
        is_regulation=flag == "is_regulation",
        is_normative=flag == "is_normative",
    )
    if publish:
        review_to(doc, "published")  # the recorded review steps
    return doc


def build_report_site(portal):
    """Agencies A (department) and B (government) with the documents and cases."""
    with api.env.adopt_roles(["Manager"]):
        agency_a = make_agency(
            portal, id="a", title="通辽市甲局", credit_code=CODE_A, published=False
        )
        agency_b = make_agency(
            portal,
            id="b",
            title="通辽市人民政府",
            credit_code=CODE_B,
            agency_kind="government",
            published=False,
        )
        for spec in DOCUMENTS:
            create_document(agency_a, *spec)
        for spec in APPLICATIONS:
            add_application(agency_a, *spec)
        for spec in OTHER_AGENCY_APPLICATIONS:
            add_application(agency_b, *spec)
        record_remedies(agency_a, agency_b)
    return agency_a, agency_b


# (agency, case, proceeding, filed, decided or None, result or None).
# Table 四 of agency A for 2025: 行政复议 1 upheld, 1 corrected (total 2);
# 直接起诉 1 pending (total 1); the 2024 review and agency B's do not count.
REMEDIES = [
    ("a", "a1", "review", date(2025, 2, 1), date(2025, 4, 1), "upheld"),
    ("a", "c1", "review", date(2025, 3, 10), date(2025, 5, 20), "corrected"),
    ("a", "c2", "direct", date(2025, 6, 1), None, None),
    ("a", "a2", "review", date(2024, 8, 1), date(2024, 10, 8), "upheld"),
    ("b", "b1", "review", date(2025, 1, 6), date(2025, 3, 3), "upheld"),
]


def record_remedies(agency_a, agency_b):
    from tongliao.disclosure.applications.actions import perform

    agencies = {"a": agency_a, "b": agency_b}
    for agency, case, proceeding, filed, decided, result in REMEDIES:
        app = agencies[agency][case]
        perform(app, "remedy_filed", day=filed, proceeding=proceeding, organ="复议机关")
        if decided is not None:
            perform(
                app, "remedy_decided", day=decided, proceeding=proceeding, result=result
            )


def add_report(agency, year, **fields):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=agency,
            type="AnnualReport",
            id=f"annual-report-{year}",
            year=year,
            **fields,
        )


def all_manual_zero():
    """The report fields of every manual cell, 0 (a complete, balanced table 四)."""
    from tongliao.disclosure.reports.content import MANUAL_FIELDS

    return dict.fromkeys(MANUAL_FIELDS.values(), 0)


def publish(report):
    """Publish ``report`` through the review workflow and commit (HTTP tests)."""
    review_to(report, "published")
    transaction.commit()
