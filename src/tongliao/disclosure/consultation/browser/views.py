"""Public page of a consultation with its comment form, moderation, feedback."""

from AccessControl import getSecurityManager
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from tongliao.disclosure import _
from tongliao.disclosure.applications import ratelimit
from tongliao.disclosure.bilingual.dates import date_text
from tongliao.disclosure.chinatime import CHINA_TZ
from tongliao.disclosure.chinatime import datetime_text
from tongliao.disclosure.consultation import comments as store
from tongliao.disclosure.consultation.content import consultation_of
from tongliao.disclosure.consultation.content import DECISIONS
from tongliao.disclosure.consultation.rules import FEEDBACK_TYPE
from tongliao.disclosure.consultation.window import CLOSED
from tongliao.disclosure.consultation.window import comment_window
from tongliao.disclosure.consultation.window import NOT_OPEN
from tongliao.disclosure.consultation.window import OPEN
from tongliao.disclosure.policy.agency import find_agency
from tongliao.disclosure.relations import back_references
from tongliao.disclosure.relations import forward_references
from z3c.relationfield import RelationValue
from zExceptions import Forbidden
from zope.component import getUtility
from zope.event import notify
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent


VIEW_COMMENTER_DATA = "tongliao.disclosure: View commenter data"
COMMENT_LIMITED = _("Too many comments from your network. Try again later.")
NAME_MAX, CONTACT_MAX, CLAUSE_MAX = 50, 100, 100


def china_now():
    """Now in China (tests move this clock)."""
    return datetime.now(CHINA_TZ)


def _t(request, message):
    return translate(message, context=request)


def _setting(name, default):
    value = api.portal.get_registry_record(f"tongliao.disclosure.{name}", default=None)
    return default if value is None else value


def staff_name(userid):
    user = api.user.get(userid=userid) if userid else None
    if user is None:
        return userid or ""
    return user.getProperty("fullname", "") or userid


def published_feedback(consultation):
    """Published feedback reports of ``consultation`` (the viewer may View)."""
    return [
        obj
        for obj in back_references(consultation, "consultation", FEEDBACK_TYPE)
        if api.content.get_state(obj, default=None) == "published"
    ]


class ConsultationView(BrowserView):
    """@@view: the draft, the explanation, how to take part, the comment form
    while open (POSTed back here) and the comments moderators have shown."""

    template = ViewPageTemplateFile("templates/consultation.pt")

    def __call__(self):
        self.errors = {}
        self.done = False
        self.message = ""
        form = self.request.form
        self.values = {
            key: (form.get(key) or "").strip() if isinstance(form.get(key), str) else ""
            for key in ("clause", "text", "name", "contact")
        }
        if self.request.method == "POST" and form.get("form.submitted"):
            self.submit()
        return self.template()

    # what the page shows -------------------------------------------------
    def window(self):
        c = self.context
        return comment_window(c.open_date, c.close_date, china_now().date())

    def window_message(self):
        return comment_window_message(self.context)

    def is_open(self):
        return self.window() == OPEN

    def period(self):
        c = self.context
        return _t(
            self.request,
            _(
                "${start} to ${end}",
                mapping={
                    "start": date_text(c.open_date),
                    "end": date_text(c.close_date),
                },
            ),
        )

    def shown_comments(self):
        return [
            dict(store.public_comment(c), created=datetime_text(c["created"]))
            for c in store.comments_in(self.context, store.SHOWN)
        ]

    def feedback(self):
        return published_feedback(self.context)

    def can_add_feedback(self):
        agency = find_agency(self.context)
        return agency is not None and api.user.has_permission(
            "tongliao.disclosure: Add ConsultationFeedback", obj=agency
        )

    def can_moderate(self):
        return api.user.has_permission(
            "tongliao.disclosure: Moderate consultation comments", obj=self.context
        )

    def max_chars(self):
        return _setting("consultation_comment_max_chars", 3000)

    # the comment ---------------------------------------------------------
    def submit(self):
        request = self.request
        try:
            CheckAuthenticator(request)
        except Forbidden:
            self.message = _t(
                request,
                _("The form has expired. Please reload the page and try again."),
            )
            request.response.setStatus(400)
            return
        result = submit_comment(self.context, request, self.values)
        self.errors = result.errors
        self.message = result.message
        self.done = result.done
        request.response.setStatus(result.status)
        if result.stored:
            self.values = dict.fromkeys(self.values, "")


@dataclass
class CommentResult:
    """What became of a submitted comment (the page and @consultation-comments)."""

    status: int = 200
    message: str = ""
    errors: dict = field(default_factory=dict)
    done: bool = False
    stored: bool = False


def comment_window_message(consultation):
    window = comment_window(
        consultation.open_date, consultation.close_date, china_now().date()
    )
    if window == NOT_OPEN:
        return _(
            "This consultation opens for comments on ${date}.",
            mapping={"date": date_text(consultation.open_date)},
        )
    if window == CLOSED:
        return _(
            "This consultation closed on ${date}; no more comments are accepted.",
            mapping={"date": date_text(consultation.close_date)},
        )
    return None


def submit_comment(consultation, request, values):
    """Check and store one comment from the public (one path for the page and
    REST): published and open by China date, text and lengths, duplicates,
    the per-address limit. ``values``: text, clause, name, contact (stripped)."""
    if api.content.get_state(consultation, default=None) != "published":
        return CommentResult(400, _t(request, _("This consultation is not published.")))
    closed = comment_window_message(consultation)
    if closed is not None:
        return CommentResult(400, _t(request, closed))
    errors = {}
    max_chars = _setting("consultation_comment_max_chars", 3000)
    if not values["text"]:
        errors["text"] = _t(request, _("Write your comment."))
    elif len(values["text"]) > max_chars:
        errors["text"] = _t(
            request,
            _(
                "The comment is longer than ${size} characters.",
                mapping={"size": max_chars},
            ),
        )
    for key, limit in (
        ("clause", CLAUSE_MAX),
        ("name", NAME_MAX),
        ("contact", CONTACT_MAX),
    ):
        if len(values[key]) > limit:
            errors[key] = _t(
                request, _("At most ${size} characters.", mapping={"size": limit})
            )
    if errors:
        return CommentResult(400, errors=errors)
    if store.is_duplicate(consultation, values["clause"], values["text"]):
        # The same text again (a double click, a reload): nothing new stored.
        return CommentResult(
            message=_t(request, _("This comment has already been received.")),
            done=True,
        )
    limit = _setting("consultation_comment_limit_per_ip", 10)
    if not ratelimit.hit(
        "consultation_comment", request, "consultation_comment_limit_per_ip", limit
    ):
        return CommentResult(429, _t(request, COMMENT_LIMITED))
    alsoProvides(request, IDisableCSRFProtection)
    store.add_comment(
        consultation,
        values["text"],
        clause=values["clause"],
        name=values["name"],
        contact=values["contact"],
    )
    # The pending count is catalog metadata (staff warning).
    consultation.reindexObject(idxs=["review_state"])
    message = _(
        "Thank you. Your comment was received and will be shown after moderation."
    )
    return CommentResult(message=_t(request, message), done=True, stored=True)


class ModerationView(BrowserView):
    """@@consultation-comments: staff show or reject pending comments."""

    template = ViewPageTemplateFile("templates/moderation.pt")

    def __call__(self):
        self.message = ""
        form = self.request.form
        if self.request.method == "POST" and form.get("comment_id"):
            CheckAuthenticator(self.request)
            action = form.get("action")
            state = {"show": store.SHOWN, "reject": store.REJECTED}.get(action)
            if state is None or not store.moderate(
                self.context,
                str(form.get("comment_id")),
                state,
                api.user.get_current().getId(),
            ):
                self.request.response.setStatus(400)
                self.message = _t(self.request, _("No such comment or action."))
            else:
                self.context.reindexObject(idxs=["review_state"])
                self.message = _t(self.request, _("Saved."))
        return self.template()

    def sees_personal_data(self):
        return getSecurityManager().checkPermission(VIEW_COMMENTER_DATA, self.context)

    def sections(self):
        personal = self.sees_personal_data()
        titles = {
            store.PENDING: _("Awaiting moderation"),
            store.SHOWN: _("Shown"),
            store.REJECTED: _("Rejected"),
        }
        result = []
        for state in store.STATES:
            rows = []
            for c in store.comments_in(self.context, state):
                row = store.public_comment(c)
                row["created"] = datetime_text(c["created"])
                row["moderator"] = staff_name(c["moderator"])
                row["moderated"] = datetime_text(c["moderated"])
                if personal:
                    row["name"] = c["name"] or _t(self.request, _("(anonymous)"))
                    row["contact"] = c["contact"]
                rows.append(row)
            result.append({"state": state, "title": titles[state], "rows": rows})
        return result


def group_rows(feedback, consultation, request):
    """The feedback's groups with the decision's title and the shown comments."""
    shown = {}
    if consultation is not None:
        shown = {c["id"]: c for c in store.comments_in(consultation, store.SHOWN)}
    rows = []
    for group in feedback.groups or []:
        decision = group.get("decision", "")
        try:
            title = _t(request, DECISIONS.getTerm(decision).title)
        except LookupError:
            title = ""
        ids = (group.get("comments") or "").split()
        rows.append(
            {
                "topic": group.get("topic", ""),
                "decision": decision,
                "decision_title": title,
                "reason": group.get("reason", ""),
                "comment_ids": ids,
                "comments": [
                    store.public_comment(dict(shown[i], id=i))
                    for i in ids
                    if i in shown
                ],
            }
        )
    return rows


def viewable_consultation(feedback):
    """The report's consultation when the current user may View it."""
    consultation = consultation_of(feedback)
    if consultation is None:
        return None
    if not getSecurityManager().checkPermission("View", consultation):
        return None
    return consultation


class FeedbackView(BrowserView):
    """@@view of a ConsultationFeedback."""

    def consultation(self):
        return viewable_consultation(self.context)

    def groups(self):
        return group_rows(self.context, self.consultation(), self.request)

    def resulting_document(self):
        targets = forward_references(self.context, "resulting_document")
        return targets[0] if targets else None

    def counts(self):
        consultation = self.consultation()
        if consultation is None:
            return None
        comments = store.all_comments(consultation)
        return {
            "received": len(comments),
            "shown": sum(1 for c in comments if c["state"] == store.SHOWN),
        }


class FeedbackGroupsView(BrowserView):
    """@@feedback-groups: staff group the shown comments and decide on each group."""

    template = ViewPageTemplateFile("templates/feedback_groups.pt")

    def __call__(self):
        self.errors = []
        self.message = ""
        if self.request.method == "POST" and self.request.form.get("form.submitted"):
            CheckAuthenticator(self.request)
            self.save()
        return self.template()

    def decisions(self):
        return [
            {"token": t.token, "title": _t(self.request, t.title)} for t in DECISIONS
        ]

    def comments(self):
        consultation = consultation_of(self.context)
        if consultation is None:
            return []
        return store.comments_in(consultation, store.SHOWN)

    def rows(self):
        rows = group_rows(self.context, consultation_of(self.context), self.request)
        rows.append(
            {"topic": "", "decision": "", "reason": "", "comment_ids": []}
        )  # one blank row to add a group
        return rows

    def documents(self):
        """Policy documents of the agency the current user can see (for the link)."""
        agency = find_agency(self.context)
        if agency is None:
            return []
        current = forward_references(self.context, "resulting_document")
        current_uid = current[0].UID() if current else ""
        brains = api.content.find(
            context=agency,
            portal_type="PolicyDocument",
            sort_on="created",
            sort_order="reverse",
        )
        return [
            {"uid": b.UID, "title": b.Title, "selected": current_uid == b.UID}
            for b in brains
        ]

    def _set_document(self, uid):
        if not uid:
            if self.context.resulting_document is not None:
                self.context.resulting_document = None
            return
        document = api.content.get(UID=uid)
        if document is None or document.portal_type != "PolicyDocument":
            self.errors.append(
                _t(self.request, _("The resulting document must be a policy document."))
            )
            return
        self.context.resulting_document = RelationValue(
            getUtility(IIntIds).getId(document)
        )

    def save(self):
        form = self.request.form
        document_uid = form.get("resulting_document") or ""
        count = (
            int(form.get("count", 0) or 0)
            if str(form.get("count", "0")).isdigit()
            else 0
        )
        valid_ids = {c["id"] for c in self.comments()}
        groups = []
        for index in range(min(count, 200)):
            topic = (form.get(f"topic_{index}") or "").strip()
            decision = form.get(f"decision_{index}") or ""
            reason = (form.get(f"reason_{index}") or "").strip()
            chosen = form.get(f"comments_{index}") or []
            if isinstance(chosen, str):
                chosen = [chosen]
            chosen = [i for i in chosen if i in valid_ids]
            if not (topic or reason or chosen or decision):
                continue  # an empty row
            number = index + 1
            if not topic:
                self.errors.append(
                    _t(
                        self.request,
                        _(
                            "Group ${n}: give the topic or clause.",
                            mapping={"n": number},
                        ),
                    )
                )
            if decision not in DECISIONS.by_token:
                self.errors.append(
                    _t(
                        self.request,
                        _("Group ${n}: choose the decision.", mapping={"n": number}),
                    )
                )
            if not reason:
                self.errors.append(
                    _t(
                        self.request,
                        _("Group ${n}: give the reasons.", mapping={"n": number}),
                    )
                )
            groups.append(
                {
                    "topic": topic,
                    "decision": decision,
                    "reason": reason,
                    "comments": " ".join(chosen),
                }
            )
        if not isinstance(document_uid, str):
            document_uid = ""
        current = forward_references(self.context, "resulting_document")
        if document_uid != (current[0].UID() if current else ""):
            self._set_document(document_uid)
        if self.errors:
            self.request.response.setStatus(400)
            return
        self.context.groups = groups
        notify(ObjectModifiedEvent(self.context))
        self.message = _t(self.request, _("Saved."))


class AddFeedbackView(BrowserView):
    """@@add-feedback (POST): a draft feedback report of this consultation, in
    its agency, then the report's groups page."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        agency = find_agency(self.context)
        if agency is None or not api.user.has_permission(
            "tongliao.disclosure: Add ConsultationFeedback", obj=agency
        ):
            raise Forbidden()
        title = _t(
            self.request,
            _("Feedback on the adoption of comments: ${title}",
              mapping={"title": self.context.Title()}),
        )  # fmt: skip
        report = api.content.create(
            container=agency,
            type=FEEDBACK_TYPE,
            title=title,
            consultation=RelationValue(getUtility(IIntIds).getId(self.context)),
        )
        return self.request.response.redirect(
            f"{report.absolute_url()}/@@feedback-groups"
        )


class ConsultationFeedbackViewlet(ViewletBase):
    """On a policy document: the published feedback reports that led to it."""

    index = ViewPageTemplateFile("templates/feedback_viewlet.pt")

    def update(self):
        self.reports = [
            report
            for report in back_references(
                self.context, "resulting_document", "ConsultationFeedback"
            )
            if api.content.get_state(report, default=None) == "published"
        ]

    def rows(self, report):
        return group_rows(report, consultation_of(report), self.request)

    def consultation(self, report):
        return viewable_consultation(report)

    def render(self):
        return self.index() if self.reports else ""
