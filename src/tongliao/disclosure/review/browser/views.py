"""Staff pages of the review workflow: review panel, 公文公开审批单, 待我审核 queue."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from tongliao.disclosure import _
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.chinatime import datetime_text
from tongliao.disclosure.interfaces import IReviewable
from tongliao.disclosure.review.records import CHECKLIST_KEYS
from tongliao.disclosure.review.records import get_records
from tongliao.disclosure.review.workflow import available_steps
from tongliao.disclosure.review.workflow import perform
from tongliao.disclosure.review.workflow import review_round
from tongliao.disclosure.review.workflow import review_state
from tongliao.disclosure.review.workflow import ReviewError
from tongliao.disclosure.review.workflow import state_title
from tongliao.disclosure.review.workflow import submitter
from tongliao.disclosure.staffgroups import staff_log
from zExceptions import BadRequest
from zope.component import queryMultiAdapter
from zope.i18n import translate


STEP_TITLES = {
    "department_review": _("Department review (初审)"),
    "secrecy_review": _("Secrecy review (专审)"),
    "approval": _("Approval by the leader in charge"),
    "withdrawal": _("Withdrawal"),
    "import": _("Imported from the previous platform"),
}
DECISION_TITLES = {
    "pass": _("Passed"),
    "reject": _("Returned"),
    "withdraw": _("Withdrawn"),
    "returned": _("Returned to draft after an edit"),
    "imported": _("Imported as published"),
}
ACTION_TITLES = {
    "pass": _("Pass"),
    "reject": _("Return with reason"),
    "withdraw": _("Withdraw with reason"),
}
CHECKLIST_TITLES = {
    "state_secret": _("Does it contain state secrets?"),
    "trade_secret": _("Does it contain trade secrets?"),
    "personal_privacy": _("Does it contain personal privacy?"),
    "security_stability": _(
        "Could its disclosure endanger national, public, economic security or "
        "social stability?"
    ),
}
# Pending states a reviewer role acts in (the 待我审核 queue).
STATES_OF_ROLE = {
    "DepartmentReviewer": "pending_department_review",
    "SecrecyReviewer": "pending_secrecy_review",
    "DisclosureApprover": "pending_approval",
}


def local_time(iso):
    return datetime_text(iso)


class ReviewBase(BrowserView):
    def t(self, message):
        return translate(message, context=self.request)

    def state_title(self, state=None):
        state = state or review_state(self.context)
        return state_title(state, self.request)

    def records(self):
        rows = []
        for record in reversed(get_records(self.context)):
            checklist = record.get("checklist") or {}
            rows.append(
                dict(
                    record,
                    step_title=self.t(STEP_TITLES.get(record["step"], record["step"])),
                    decision_title=self.t(
                        DECISION_TITLES.get(record["decision"], record["decision"])
                    ),
                    local_time=local_time(record["time"]),
                    checklist_rows=[
                        {
                            "question": self.t(CHECKLIST_TITLES[key]),
                            "answer": self.t(_("Yes") if checklist[key] else _("No")),
                        }
                        for key in CHECKLIST_KEYS
                        if key in checklist
                    ],
                )
            )
        return rows

    def coordination(self):
        """The coordination block (coordination package) when the item has one."""
        if not hasattr(self, "_coordination"):
            self._coordination = queryMultiAdapter(
                (self.context, self.request), name="coordination-section"
            )
        return self._coordination

    def checklist_questions(self):
        return [(key, self.t(CHECKLIST_TITLES[key])) for key in CHECKLIST_KEYS]


class ReviewPanel(ReviewBase):
    """@@review-panel: the records and the current user's next step, as a form."""

    errors = ()

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get(
            "coordination.action"
        ):
            section = self.coordination()
            if section is not None:
                section.handle()
                if not section.errors:
                    return self.request.response.redirect(
                        self.context.absolute_url() + "/@@review-panel"
                    )
        elif self.request.method == "POST" and self.request.form.get("form.action"):
            self.handle()
            if not self.errors:
                return self.request.response.redirect(
                    self.context.absolute_url() + "/@@review-panel"
                )
        return self.index()

    def handle(self):
        CheckAuthenticator(self.request)
        form = self.request.form
        action = form.get("form.action")
        checklist = None
        if any(f"checklist.{key}" in form for key in CHECKLIST_KEYS):
            answers = {"yes": True, "no": False}
            checklist = {
                key: answers.get(form.get(f"checklist.{key}")) for key in CHECKLIST_KEYS
            }
        try:
            perform(
                self.context,
                action,
                form.get("opinion", ""),
                checklist,
                confirm_duplicate=bool(form.get("confirm_duplicate")),
            )
        except ReviewError as error:
            self.errors = error.translated(self.request)
            self.request.response.setStatus(error.status)
            return
        IStatusMessage(self.request).add(self.t(_("Your review decision is recorded.")))

    def steps(self):
        rows = []
        for step in available_steps(self.context):
            step = dict(step)
            step["title"] = self.t(ACTION_TITLES[step["action"]])
            step["blocked_by"] = [self.t(m) for m in step["blocked_by"]]
            rows.append(step)
        return rows


class ApprovalSheet(ReviewBase):
    """@@approval-sheet: 公文公开审批单 (A4, print) with the three decisions."""

    def field(self, name):
        return getattr(self.context, name, None) or ""

    def attribute_title(self):
        value = self.field("disclosure_attribute")
        titles = {
            "proactive": _("Proactive disclosure"),
            "on_request": _("Disclosure on request"),
            "exempt": _("Not to be disclosed"),
        }
        return self.t(titles[value]) if value in titles else value

    def submitter_name(self):
        userid = submitter(self.context)
        user = api.user.get(userid=userid) if userid else None
        return (user.getProperty("fullname", "") or userid) if user else (userid or "")

    def decisions(self):
        """The latest decision of each of the three steps in the current round."""
        current = review_round(self.context)
        latest = {}
        for record in self.records():
            if record["round"] == current and record["step"] not in latest:
                latest[record["step"]] = record
        return [
            {
                "title": self.t(STEP_TITLES[step]),
                "record": latest.get(step),
            }
            for step in ("department_review", "secrecy_review", "approval")
        ]


class ReviewQueue(BrowserView):
    """@@review-queue (待我审核): items waiting for a step the current user takes."""

    batch_size = 30

    def states(self):
        if api.user.is_anonymous():
            return []
        user = api.user.get_current()
        roles = set(api.user.get_roles(user=user))
        if roles & {"Manager", "Site Administrator"}:
            return list(STATES_OF_ROLE.values())
        return [state for role, state in STATES_OF_ROLE.items() if role in roles]

    def items(self):
        states = self.states()
        if not states:
            return []
        try:
            start = max(0, int(self.request.form.get("b_start", 0)))
        except (TypeError, ValueError):
            raise BadRequest("b_start")
        userid = api.user.get_current().getId()
        brains = api.content.find(
            object_provides=IReviewable.__identifier__,
            review_state=states,
            sort_on="modified",
            sort_order="ascending",
            sort_limit=start + self.batch_size + 50,
        )
        # The creator never reviews (一事一审); the submitter is checked on acting.
        rows = [b for b in brains if b.Creator != userid]
        today = site_today().isoformat()
        return [
            {
                "title": brain.Title,
                "url": brain.getURL() + "/@@review-panel",
                "state": state_title(brain.review_state, self.request),
                "type": brain.portal_type,
                "modified": datetime_text(brain.modified),
                # Co-agencies silent past their due date (coordination package).
                "coordination_overdue": _due_before(brain, today),
            }
            for brain in rows[start : start + self.batch_size]
        ]


def _due_before(brain, today):
    """A co-agency's answer is overdue (metadata of the coordination package)."""
    due = getattr(brain, "coordination_due", None)
    return bool(due) and due < today


STAFF_LOG_ACTIONS = {
    "added": _("added to the group"),
    "removed": _("removed from the group"),
    "role granted": _("role granted"),
    "role revoked": _("role revoked"),
}


def principal_title(principal_id):
    """A staff member's or group's full name, with the id only when there is none."""
    user = api.user.get(userid=principal_id)
    if user is not None:
        return user.getProperty("fullname", "") or principal_id
    group = api.group.get(groupname=principal_id)
    if group is not None:
        return group.getProperty("title", "") or principal_id
    return principal_id


class StaffLogView(BrowserView):
    """@@staff-log: the recorded changes of the protected staff groups and roles."""

    def rows(self):
        t = lambda message: translate(message, context=self.request)  # noqa: E731
        rows = []
        for entry in reversed(staff_log(api.portal.get())):
            target = entry["target"]
            rows.append(
                {
                    "time": datetime_text(entry["time"]),
                    "actor": principal_title(entry["actor"]),
                    "action": t(
                        STAFF_LOG_ACTIONS.get(entry["action"], entry["action"])
                    ),
                    "target": principal_title(target),
                    "principal": principal_title(entry["principal"]),
                }
            )
        return rows
