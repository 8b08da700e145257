"""The review rules of disclosure_review_workflow and the one way to take a step.

``perform(obj, action, opinion, checklist)`` checks the rules, fires the
transition and appends the review record. Review transitions (``TOKEN_TRANSITIONS``)
carry a guard that only lets them fire inside ``perform`` (a per-thread grant
holding the record's data) and re-checks the same rules, so a plain
``@workflow`` / ``content_status_modify`` call can never pass a step without a record.
"""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from contextlib import contextmanager
from plone import api
from plone.dexterity.utils import iterSchemata
from Products.CMFCore.WorkflowCore import WorkflowException
from tongliao.disclosure import _
from tongliao.disclosure.consultation.rules import feedback_problems
from tongliao.disclosure.document_numbers import duplicate_message
from tongliao.disclosure.interfaces import IApprovalCondition
from tongliao.disclosure.reports.report import report_blocking_problems
from tongliao.disclosure.review.records import append_record
from tongliao.disclosure.review.records import CHECKLIST_KEYS
from tongliao.disclosure.review.records import get_records
from tongliao.disclosure.review.records import PASS_TRANSITION
from tongliao.disclosure.review.records import STEP_OF_STATE
from tongliao.disclosure.states import state_title  # noqa: F401 (re-export)
from zope.component import subscribers
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.schema import getFieldNames

import threading


WORKFLOW_ID = "disclosure_review_workflow"
PENDING_STATES = tuple(STEP_OF_STATE)
REVIEW_TRANSITIONS = ("pass_department_review", "pass_secrecy_review", "approve")
# Transitions that only fire together with a review record (see perform()).
# Transitions fired by the integrity rule (see integrity.py), never by a person.
AUTOMATIC_TRANSITIONS = ("retract_on_edit", "withdraw_on_change")
TOKEN_TRANSITIONS = frozenset(
    REVIEW_TRANSITIONS + ("reject", "withdraw") + AUTOMATIC_TRANSITIONS
)
TRANSITION_PERMISSION = {
    "submit": "tongliao.disclosure: Submit for review",
    "revise": "tongliao.disclosure: Submit for review",
    "pass_department_review": "tongliao.disclosure: Department review",
    "pass_secrecy_review": "tongliao.disclosure: Secrecy review",
    "approve": "tongliao.disclosure: Approve publication",
    "withdraw": "tongliao.disclosure: Withdraw published content",
}
REJECT_PERMISSION = {
    "pending_department_review": "tongliao.disclosure: Department review",
    "pending_secrecy_review": "tongliao.disclosure: Secrecy review",
    "pending_approval": "tongliao.disclosure: Approve publication",
}

_local = threading.local()


class ReviewError(Exception):
    """A step was refused; ``messages`` are translatable messages, ``status`` HTTP."""

    def __init__(self, messages, status=400):
        super().__init__(messages)
        self.messages = list(messages)
        self.status = status

    def translated(self, request):
        return [translate(m, context=request) for m in self.messages]


@contextmanager
def granted(obj, transition, data):
    """Let the guard of ``transition`` pass for ``obj`` while the block runs."""
    grants = getattr(_local, "grants", None)
    if grants is None:
        grants = _local.grants = {}
    key = (id(aq_base(obj)), transition)
    grants[key] = data
    try:
        yield
    finally:
        grants.pop(key, None)


def grant_for(obj, transition):
    return (getattr(_local, "grants", None) or {}).get((id(aq_base(obj)), transition))


def review_state(obj):
    return api.content.get_state(obj=obj, default=None)


def workflow_history(obj):
    history = getattr(aq_base(obj), "workflow_history", None) or {}
    return list(history.get(WORKFLOW_ID, ()))


def submitter(obj):
    """The user who last submitted ``obj`` for review (None before any submit)."""
    for entry in reversed(workflow_history(obj)):
        if entry.get("action") == "submit":
            return entry.get("actor")
    return None


def review_round(obj):
    """How many times ``obj`` was submitted: the records of one round share it."""
    return sum(1 for e in workflow_history(obj) if e.get("action") == "submit")


def creators(obj):
    ids = set(getattr(aq_base(obj), "creators", ()) or ())
    owner = obj.getOwner()
    if owner is not None:
        ids.add(owner.getId())
    return ids


def has_field(obj, name):
    return any(name in getFieldNames(schema) for schema in iterSchemata(obj))


def unpublished_documents(obj):
    """Titles of the interpreted documents of ``obj`` not yet published."""
    titles = []
    for relation in getattr(aq_base(obj), "interpreted_documents", None) or ():
        target = getattr(relation, "to_object", relation)
        if target is None:
            continue
        if review_state(target) != "published":
            titles.append(target.Title())
    return titles


def _four_eyes(obj, userid):
    errors = []
    if userid in creators(obj):
        errors.append(_("You created this item: another person must review it."))
    if userid == submitter(obj):
        errors.append(_("You submitted this item: another person must review it."))
    return errors


def check_rules(
    obj,
    transition,
    userid,
    opinion="",
    checklist=None,
    structural=False,
):
    """Messages of every rule ``transition`` breaks; empty when it may fire.

    ``structural=True`` skips what the actor still has to provide (opinion,
    checklist, confirmations): used to list the steps a user may take.
    """
    errors = []
    state = review_state(obj)
    opinion = (opinion or "").strip()
    if transition in REVIEW_TRANSITIONS or transition == "reject":
        errors += _four_eyes(obj, userid)
    if transition in REVIEW_TRANSITIONS:
        this_round = review_round(obj)
        for record in get_records(obj):
            if (
                record["round"] == this_round
                and record["decision"] == "pass"
                and record["actor"] == userid
            ):
                errors.append(
                    _(
                        "You already passed an earlier step of this review: "
                        "each step needs a different person."
                    )
                )
                break
    if transition == "approve":
        if has_field(obj, "disclosure_attribute") and (
            getattr(aq_base(obj), "disclosure_attribute", None) != "proactive"
        ):
            errors.append(
                _(
                    "Only items whose disclosure attribute is proactive disclosure "
                    "can be published."
                )
            )
        errors += _annual_report_problems(obj)
        errors += feedback_problems(obj)
        for condition in subscribers((obj,), IApprovalCondition):
            errors += list(condition.problems())
        pending = unpublished_documents(obj)
        if pending:
            errors.append(
                _(
                    "The interpreted documents are not published yet: ${titles}",
                    mapping={"titles": "、".join(pending)},
                )
            )
    if structural:
        return errors
    if transition in ("reject", "withdraw") and not opinion:
        errors.append(_("Give the reason in the opinion."))
    if transition == "pass_secrecy_review" or (
        transition == "reject" and state == "pending_secrecy_review" and checklist
    ):
        errors += check_checklist(checklist, must_be_clear=transition != "reject")
    return errors


def _annual_report_problems(obj):
    """An annual report is approved only when its checks pass or are explained."""
    if getattr(aq_base(obj), "portal_type", None) != "AnnualReport":
        return []
    return list(report_blocking_problems(obj))


def check_checklist(checklist, must_be_clear=True):
    checklist = checklist if isinstance(checklist, dict) else {}
    missing = [k for k in CHECKLIST_KEYS if not isinstance(checklist.get(k), bool)]
    if missing:
        return [_("Answer every question of the secrecy checklist.")]
    if must_be_clear and any(checklist[k] for k in CHECKLIST_KEYS):
        return [
            _(
                "The secrecy checklist found a risk (state secret, trade secret, "
                "personal privacy or the three securities and one stability): "
                "the item cannot pass."
            )
        ]
    return []


def guard_allows(obj, transition):
    """The DCWorkflow guard expression of every transition of the workflow."""
    userid = getSecurityManager().getUser().getId()
    if transition in TOKEN_TRANSITIONS:
        data = grant_for(obj, transition)
        if data is None:
            return False
        if transition in AUTOMATIC_TRANSITIONS:
            return True
        return not check_rules(obj, transition, userid, **data)
    return not check_rules(obj, transition, userid)


def transition_for(obj, action):
    """The transition that ``action`` (pass/reject/withdraw) means now."""
    state = review_state(obj)
    if action == "pass" and state in PASS_TRANSITION:
        return PASS_TRANSITION[state]
    if action == "reject" and state in PENDING_STATES:
        return "reject"
    if action == "withdraw" and state == "published":
        return "withdraw"
    return None


def may_fire(obj, transition):
    if transition == "reject":
        permission = REJECT_PERMISSION.get(review_state(obj))
    else:
        permission = TRANSITION_PERMISSION.get(transition)
    return bool(permission) and api.user.has_permission(permission, obj=obj)


def available_steps(obj):
    """The steps the current user may take now, with what still blocks each one."""
    userid = api.user.get_current().getId()
    steps = []
    for action in ("pass", "reject", "withdraw"):
        transition = transition_for(obj, action)
        if transition is None or not may_fire(obj, transition):
            continue
        blocked = check_rules(obj, transition, userid, structural=True)
        duplicate = duplicate_message(obj) if transition == "approve" else None
        steps.append(
            {
                "action": action,
                "transition": transition,
                "needs_opinion": transition in ("reject", "withdraw"),
                "needs_checklist": transition == "pass_secrecy_review",
                "needs_confirmation": (
                    translate(duplicate, context=getRequest()) if duplicate else None
                ),
                "allowed": not blocked,
                "blocked_by": blocked,
            }
        )
    return steps


def _decision(transition):
    if transition == "reject":
        return "reject"
    if transition in ("withdraw", "withdraw_on_change"):
        return "withdraw"
    if transition == "retract_on_edit":
        return "returned"
    return "pass"


def perform(obj, action, opinion="", checklist=None, confirm_duplicate=False):
    """Take the review step ``action`` on ``obj`` as the current user.

    ``confirm_duplicate``: the approver confirms a 发文字号 that another document
    of the same issuing agency also has (recorded in the opinion).
    Returns the stored record; raises ReviewError with translatable messages.
    """
    transition = transition_for(obj, action)
    if transition is None:
        raise ReviewError([_("This step is not possible in the item's current state.")])
    if not may_fire(obj, transition):
        raise ReviewError([_("You are not allowed to take this step.")], status=403)
    user = api.user.get_current()
    userid = user.getId()
    opinion = (opinion or "").strip()
    if checklist is not None and not isinstance(checklist, dict):
        raise ReviewError([_("Answer every question of the secrecy checklist.")])
    errors = check_rules(obj, transition, userid, opinion, checklist)
    # Checked here, before the transition, not in its guard: the guard runs
    # inside the transition, where no catalog search belongs.
    if transition == "approve" and not confirm_duplicate:
        duplicate = duplicate_message(obj)
        if duplicate is not None:
            errors += [
                duplicate,
                _("Confirm that the duplicate document number is correct to approve."),
            ]
    if errors:
        raise ReviewError(errors)
    if transition == "approve" and confirm_duplicate:
        duplicate = duplicate_message(obj)
        if duplicate is not None:
            note = translate(
                _("Duplicate document number confirmed: ${message}",
                  mapping={"message": translate(duplicate, context=getRequest())}),
                context=getRequest(),
            )  # fmt: skip
            opinion = f"{opinion}（{note}）" if opinion else note
    return _fire_with_record(obj, transition, user, opinion, checklist)


def _fire_with_record(obj, transition, user, opinion, checklist):
    from_state = review_state(obj)
    data = {"opinion": opinion, "checklist": checklist}
    wftool = api.portal.get_tool("portal_workflow")
    with granted(obj, transition, data):
        try:
            wftool.doActionFor(obj, transition, comment=opinion)
        except WorkflowException:
            raise ReviewError(
                [_("This step is not possible in the item's current state.")]
            )
    step = STEP_OF_STATE.get(
        from_state,
        "withdrawal" if transition in ("withdraw", "withdraw_on_change") else None,
    )
    return append_record(
        obj,
        round=review_round(obj),
        step=step,
        transition=transition,
        decision=_decision(transition),
        actor=user.getId(),
        actor_name=user.getProperty("fullname", "") or user.getId(),
        opinion=opinion,
        checklist=dict(checklist) if checklist else None,
        from_state=from_state,
        to_state=review_state(obj),
    )


def return_to_draft(obj, opinion):
    """An edit during review: record it and send the item back to draft."""
    user = api.user.get_current()
    return _fire_with_record(obj, "retract_on_edit", user, opinion, None)


def withdraw_after_change(obj, opinion):
    """A change to a published item: record it and take it out of publication."""
    user = api.user.get_current()
    return _fire_with_record(obj, "withdraw_on_change", user, opinion, None)
