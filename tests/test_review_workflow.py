"""disclosure_review_workflow: steps, guards, records (integration)."""

from plone import api
from tests.review_support import CLEAR  # noqa: E402
from tests.review_support import create_interpretation
from tests.review_support import create_item
from tests.review_support import make_users
from tests.review_support import publish
from tests.review_support import submit
from tongliao.disclosure.review.records import append_record
from tongliao.disclosure.review.records import get_records
from tongliao.disclosure.review.workflow import available_steps
from tongliao.disclosure.review.workflow import perform
from tongliao.disclosure.review.workflow import ReviewError
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import ObjectModifiedEvent

import pytest


@pytest.fixture
def setup(review_world, portal):
    """conftest.py's review_world: the agency and the staff."""
    return portal


@pytest.fixture
def item(setup):
    return create_item(setup)


def act(obj, userid, action, opinion="", checklist=None):
    with api.env.adopt_user(username=userid):
        return perform(obj, action, opinion, checklist)


def zh(messages):
    return [translate(m, target_language="zh_CN") for m in messages]


def refused(obj, userid, action, opinion="", checklist=None):
    with pytest.raises(ReviewError) as info:
        act(obj, userid, action, opinion, checklist)
    return zh(info.value.messages)


class TestPath:
    def test_workflow_bound(self, item):
        assert api.content.get_state(item) == "draft"

    def test_full_path(self, item):
        submit(item)
        assert api.content.get_state(item) == "pending_department_review"
        act(item, "dept", "pass", "同意")
        assert api.content.get_state(item) == "pending_secrecy_review"
        act(item, "secrecy", "pass", "无涉密内容", CLEAR)
        assert api.content.get_state(item) == "pending_approval"
        act(item, "approver", "pass", "同意公开")
        assert api.content.get_state(item) == "published"
        records = get_records(item)
        assert [(r["step"], r["decision"], r["actor"]) for r in records] == [
            ("department_review", "pass", "dept"),
            ("secrecy_review", "pass", "secrecy"),
            ("approval", "pass", "approver"),
        ]
        assert records[1]["checklist"] == CLEAR
        assert {r["round"] for r in records} == {1}
        assert item.effective_date is not None

        assert item.index_number.startswith("11150500MB1234567X/")


# Guards: (label, submitter, set-up, actor, action, opinion, checklist, zh message).
RISK = {**CLEAR, "personal_privacy": True}
PART = {"state_secret": False, "trade_secret": False, "personal_privacy": False}
SEC = {"to": "secrecy"}
# fmt: off
GUARDS = [
    # 一事一审: the creator and the submitter never review.
    ("creator reviews", "editor", {}, "dept_as_creator", "pass", "", None, "您是该信息的创建人，须由他人审核。"),  # noqa: E501
    ("submitter reviews", "dept_as_creator", {"owner": "editor"}, "dept_as_creator", "pass", "", None, "您是该信息的报审人，须由他人审核。"),  # noqa: E501
    ("creator rejects", "editor", {}, "dept_as_creator", "reject", "不同意", None, "您是该信息的创建人，须由他人审核。"),  # noqa: E501
    ("reject without reason", "editor", {}, "dept", "reject", "  ", None, "请在审核意见中填写理由。"),  # noqa: E501
    ("checklist missing", "editor", SEC, "secrecy", "pass", "", None, "请逐项回答保密审查清单中的全部问题。"),  # noqa: E501
    ("checklist incomplete", "editor", SEC, "secrecy", "pass", "", PART, "请逐项回答保密审查清单中的全部问题。"),  # noqa: E501
    ("checklist not bool", "editor", SEC, "secrecy", "pass", "", {**CLEAR, "trade_secret": "no"}, "请逐项回答保密审查清单中的全部问题。"),  # noqa: E501
    ("checklist yes", "editor", SEC, "secrecy", "pass", "", RISK, "保密审查清单发现风险（国家秘密、商业秘密、个人隐私或危及“三安全一稳定”），不得通过。"),  # noqa: E501
    ("not proactive", "editor", {"to": "approval", "attribute": "on_request"}, "approver", "pass", "", None, "只有公开属性为“主动公开”的信息才能发布。"),  # noqa: E501
    ("same person two steps", "editor", {"to": "secrecy", "dept": "manager_a"}, "manager_a", "pass", "", CLEAR, "您已在本轮审查中通过了前一环节，每个环节须由不同人员审核。"),  # noqa: E501
    ("wrong role", "editor", {}, "secrecy", "pass", "", CLEAR, "您无权执行此审核操作。"),  # noqa: E501
    ("wrong state", "editor", {"to": "draft"}, "dept", "pass", "", None, "该信息当前状态下不能执行此操作。"),  # noqa: E501
]
# fmt: on


@pytest.fixture
def extra_users(setup):
    # A department reviewer who also created the item, and a manager for two steps.
    api.user.create(
        username="dept_as_creator", email="dc@example.org", password="secret-Pw-2024"
    )
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname="department_reviewers", username="dept_as_creator")
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname="disclosure_editors", username="dept_as_creator")
    api.user.create(
        username="manager_a", email="ma@example.org", password="secret-Pw-2024"
    )
    setup.acl_users.portal_role_manager.assignRoleToPrincipal("Manager", "manager_a")
    return setup


@pytest.mark.parametrize(
    "label,submitter,how,actor,action,opinion,checklist,message",
    GUARDS,
    ids=[g[0] for g in GUARDS],
)
def test_guard_refuses_with_zh_message(
    extra_users, label, submitter, how, actor, action, opinion, checklist, message
):
    owner = how.get("owner") or (
        "dept_as_creator" if actor == "dept_as_creator" else "editor"
    )
    obj = create_item(
        extra_users, owner=owner, disclosure_attribute=how.get("attribute", "proactive")
    )
    to = how.get("to", "department")
    if to != "draft":
        submit(obj, submitter)
    if to in ("secrecy", "approval"):
        act(obj, how.get("dept", "dept"), "pass", "同意")
    if to == "approval":
        act(obj, "secrecy", "pass", "同意", CLEAR)
    state = api.content.get_state(obj)
    before = get_records(obj)
    assert message in refused(obj, actor, action, opinion, checklist)
    # A refused step changes nothing and records nothing.
    assert api.content.get_state(obj) == state
    assert get_records(obj) == before


def test_guard_passes_after_fix(setup):
    obj = create_item(setup)
    submit(obj)
    act(obj, "dept", "pass")
    refused(obj, "secrecy", "pass", "", {**CLEAR, "state_secret": True})
    act(obj, "secrecy", "pass", "", CLEAR)
    assert api.content.get_state(obj) == "pending_approval"


class TestRejectWithdrawRevise:
    @pytest.mark.parametrize("steps_before", [0, 1, 2])
    def test_reject_from_each_pending_state(self, setup, steps_before):
        obj = create_item(setup)
        submit(obj)
        reviewers = [("dept", None), ("secrecy", CLEAR)]
        for userid, checklist in reviewers[:steps_before]:
            act(obj, userid, "pass", "同意", checklist)
        rejecter = ["dept", "secrecy", "approver"][steps_before]
        record = act(obj, rejecter, "reject", "表述不准确，请修改")
        assert api.content.get_state(obj) == "draft"
        assert record["decision"] == "reject"
        assert record["opinion"] == "表述不准确，请修改"
        assert (
            record["step"]
            == ["department_review", "secrecy_review", "approval"][steps_before]
        )

    def test_resubmit_starts_a_new_round(self, setup):
        obj = create_item(setup)
        submit(obj)
        act(obj, "dept", "pass")
        act(
            obj,
            "secrecy",
            "reject",
            "涉及个人信息",
            {**CLEAR, "personal_privacy": True},
        )
        publish(obj)
        records = get_records(obj)
        assert [r["round"] for r in records] == [1, 1, 2, 2, 2]
        assert records[1]["checklist"]["personal_privacy"] is True

    def test_withdraw_needs_reason_then_revise(self, setup):
        obj = publish(create_item(setup))
        number = obj.index_number
        assert "请在审核意见中填写理由。" in refused(obj, "editor", "withdraw", "")
        act(obj, "editor", "withdraw", "政策调整，需修订")
        assert api.content.get_state(obj) == "withdrawn"
        with api.env.adopt_user(username="editor"):
            assert not api.user.has_permission("Modify portal content", obj=obj)
            api.content.transition(obj=obj, transition="revise")
            assert api.user.has_permission("Modify portal content", obj=obj)
        assert api.content.get_state(obj) == "draft"
        publish(obj, reviewers=("dept2", "secrecy", "approver"))
        assert obj.index_number == number
        assert [r["decision"] for r in get_records(obj)] == [
            "pass",
            "pass",
            "pass",
            "withdraw",
            "pass",
            "pass",
            "pass",
        ]


class TestEditInReview:
    def test_edit_in_pending_returns_to_draft_with_record(self, setup):
        obj = create_item(setup)
        submit(obj)
        act(obj, "dept", "pass")
        with api.env.adopt_user(username="editor"):
            obj.title = "改过的标题"
            notify(ObjectModifiedEvent(obj))
        assert api.content.get_state(obj) == "draft"
        record = get_records(obj)[-1]
        assert (record["decision"], record["actor"], record["step"]) == (
            "returned",
            "editor",
            "secrecy_review",
        )

    def test_sharing_change_is_not_an_edit(self, setup):
        from plone.app.workflow.events import LocalrolesModifiedEvent

        obj = create_item(setup)
        submit(obj)
        notify(LocalrolesModifiedEvent(obj, None))
        assert api.content.get_state(obj) == "pending_department_review"

    def test_edit_in_draft_records_nothing(self, setup):
        obj = create_item(setup)
        notify(ObjectModifiedEvent(obj))
        assert get_records(obj) == []


class TestInterpretation:
    def test_cannot_approve_before_document(self, setup):
        doc = create_item(setup, title="关于某事项的通知")
        interp = create_interpretation(setup, [doc])
        submit(interp)
        act(interp, "dept", "pass")
        act(interp, "secrecy", "pass", "", CLEAR)
        messages = refused(interp, "approver", "pass")
        assert "所解读的政策文件尚未发布：关于某事项的通知" in messages
        publish(doc, reviewers=("dept2", "secrecy", "approver"))
        # The same reviewers already passed the interpretation's earlier steps.
        act(interp, "approver", "pass", "同意")
        assert api.content.get_state(interp) == "published"


class TestRecords:
    def test_records_are_copies(self, setup):
        obj = publish(create_item(setup))
        records = get_records(obj)
        records[0]["decision"] = "reject"
        records[1]["checklist"]["state_secret"] = True
        assert get_records(obj)[0]["decision"] == "pass"
        assert get_records(obj)[1]["checklist"]["state_secret"] is False

    def test_no_unknown_fields(self, setup):
        obj = create_item(setup)
        with pytest.raises(ValueError):
            append_record(obj, decision="pass", signature="x")

    def test_plain_workflow_cannot_pass_a_step(self, setup):
        obj = create_item(setup)
        submit(obj)
        from plone.api.exc import InvalidParameterError

        with (
            api.env.adopt_user(username="dept"),
            pytest.raises(InvalidParameterError),
        ):
            api.content.transition(obj=obj, transition="pass_department_review")
        assert api.content.get_state(obj) == "pending_department_review"
        assert get_records(obj) == []

    def test_export_carries_records(self, setup):
        from tongliao.disclosure.exportimport.hooks import export_review_records
        from tongliao.disclosure.exportimport.hooks import import_review_records

        obj = publish(create_item(setup))
        item = export_review_records({}, obj)
        assert [r["actor"] for r in item["tongliao_review_records"]] == [
            "dept",
            "secrecy",
            "approver",
        ]
        copy = create_item(setup, title="导入副本")
        import_review_records(copy, item)
        assert get_records(copy) == get_records(obj)
        with pytest.raises(ValueError):
            import_review_records(copy, item)


def test_staging_takes_the_real_steps(setup):
    from tongliao.disclosure.review.staging import review_to

    obj = create_item(setup)
    review_to(obj, "published")
    records = get_records(obj)
    assert [r["decision"] for r in records] == ["pass", "pass", "pass"]
    assert len({r["actor"] for r in records}) == 3
    review_to(obj, "withdrawn")
    assert get_records(obj)[-1]["decision"] == "withdraw"
    with pytest.raises(ValueError):
        review_to(obj, "archived")


class TestDuplicateDocumentNumber:
    """A 发文字号 another document of the same 发文机关 has: warned, then confirmed."""

    def _pair(self, portal):
        make_users(portal)
        first = create_item(
            portal, title="第一份", document_number="通政办发〔2024〕7号",
            issuing_agency="通辽市人民政府办公室",
        )  # fmt: skip
        publish(first)
        second = create_item(
            portal, title="第二份", document_number="通政办发〔2024〕7号",
            issuing_agency="通辽市人民政府办公室",
        )  # fmt: skip
        submit(second)
        for userid, checklist in (("dept", None), ("secrecy", CLEAR)):
            with api.env.adopt_user(username=userid):
                perform(second, "pass", "同意", checklist)
        return first, second

    def test_approval_needs_the_approvers_confirmation(self, portal):
        _first, second = self._pair(portal)
        with api.env.adopt_user(username="approver"):
            with pytest.raises(ReviewError) as refused:
                perform(second, "pass", "同意")
            text = " ".join(refused.value.translated(portal.REQUEST))
            assert "通政办发〔2024〕7号" in text and "《第一份》" in text
            assert api.content.get_state(second) == "pending_approval"
            steps = available_steps(second)
            assert "《第一份》" in steps[0]["needs_confirmation"]
            record = perform(second, "pass", "同意", confirm_duplicate=True)
        assert api.content.get_state(second) == "published"
        assert "《第一份》" in record["opinion"]

    def test_other_agency_or_number_is_no_duplicate(self, portal):
        from tongliao.disclosure.document_numbers import same_number_documents

        first, second = self._pair(portal)
        assert [b.getObject() for b in same_number_documents(second)] == [first]
        second.issuing_agency = "通辽市财政局"
        second.reindexObject()
        assert same_number_documents(second) == []

    def test_author_is_warned_at_save(self, portal):
        from Products.statusmessages.interfaces import IStatusMessage

        self._pair(portal)
        messages = IStatusMessage(portal.REQUEST).show()
        warnings = [m.message for m in messages if m.type == "warning"]
        assert any(
            "通政办发〔2024〕7号" in text and "《第一份》" in text for text in warnings
        )
