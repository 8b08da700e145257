"""DisclosureApplication: content, events, actions, deadlines, catalog privacy."""

from datetime import date
from plone import api
from tongliao.disclosure.content.application import normalize_tracking_code
from tongliao.disclosure.content.application import PERSONAL_FIELDS
from tongliao.disclosure.workflow.application import ActionError
from tongliao.disclosure.workflow.application import compute
from tongliao.disclosure.workflow.application import find_case
from tongliao.disclosure.workflow.application import perform

import pytest


APPLICANT = {
    "applicant_type": "natural_person",
    "applicant_name": "张三丰",
    "id_number": "11010519491231002X",
    "phone": "13812345678",
    "address": "通辽市科尔沁区和平路1号",
    "email": "zhang@example.org",
    "description": "2025年通辽市城区供热价格调整文件",
    "provision_form": "email",
    "obtain_method": "email",
}


@pytest.fixture
def agency(portal):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal,
            type="DisclosureAgency",
            id="agency",
            title="通辽市发展和改革委员会",
            credit_code="11150500MB1604391C",
        )


def make_case(agency, received=date(2026, 9, 1), channel="in_person", **extra):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=agency,
            type="DisclosureApplication",
            id=f"case-{received:%m%d}-{channel}",
            channel=channel,
            received_date=received,
            **{**APPLICANT, **extra},
        )


class TestCreation:
    def test_tracking_code_and_received_event(self, agency):
        app = make_case(agency)
        assert len(normalize_tracking_code(app.tracking_code)) == 12
        events = app.get_events()
        assert [event["type"] for event in events] == ["received"]
        assert events[0]["date"] == date(2026, 9, 1)
        assert api.content.get_state(app) == "registered"

    def test_deadline_is_20_working_days(self, agency):
        app = make_case(agency)
        result = compute(app, today=date(2026, 9, 2))
        # 2026-09-01 is day 0; 20 working days later, 国庆 not reached.
        assert result.reply_deadline == date(2026, 9, 29)

    def test_find_case(self, agency):
        app = make_case(agency)
        assert find_case(app.tracking_code, "5678") == app
        assert find_case(app.tracking_code, "5679") is None
        assert find_case("AAAA-BBBB-CCCC", "5678") is None


class TestActions:
    def test_correction_restarts_clock(self, agency):
        app = make_case(agency)
        with api.env.adopt_roles(["Manager"]):
            perform(app, "request_correction", day=date(2026, 9, 3), items="写明文号")
            assert api.content.get_state(app) == "awaiting_correction"
            perform(app, "receive_correction", day=date(2026, 9, 10))
        assert api.content.get_state(app) == "processing"
        result = compute(app, today=date(2026, 9, 11))
        assert result.clock_start == date(2026, 9, 10)

    def test_second_correction_refused(self, agency):
        app = make_case(agency)
        with api.env.adopt_roles(["Manager"]):
            perform(app, "request_correction", day=date(2026, 9, 3), items="a")
            perform(app, "receive_correction", day=date(2026, 9, 10))
            with pytest.raises(ActionError):
                perform(app, "request_correction", day=date(2026, 9, 11), items="b")
        assert len(app.get_events()) == 3

    def test_reply_generates_notice(self, agency):
        app = make_case(agency)
        with api.env.adopt_roles(["Manager"]):
            perform(app, "reply", day=date(2026, 9, 5), outcome="granted")
        assert api.content.get_state(app) == "replied"
        notices = app.stored_files("notice")
        assert len(notices) == 1
        assert any("行政复议" in text for text in notices[0]["paragraphs"])


class TestCatalog:
    def test_metadata_has_no_personal_data(self, portal, agency):
        app = make_case(agency)
        catalog = api.portal.get_tool("portal_catalog")
        brain = catalog.unrestrictedSearchResults(UID=app.UID())[0]
        metadata = {name: brain[name] for name in catalog.schema()}
        flat = repr(metadata)
        for name in PERSONAL_FIELDS:
            assert APPLICANT[name] not in flat
        assert normalize_tracking_code(app.tracking_code) not in flat.replace("-", "")
        assert app.tracking_code not in flat
        assert metadata["received_date"] == "2026-09-01"
