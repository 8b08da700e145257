"""Mail to the reviewers of the next step and to the author on a rejection."""

from email.message import EmailMessage
from email.utils import formataddr
from plone import api
from tongliao.disclosure import _
from tongliao.disclosure import logger
from tongliao.disclosure.review.workflow import creators
from tongliao.disclosure.review.workflow import submitter
from zope.i18n import translate

import transaction


# Staff group whose members review an item in each pending state (setuphandlers).
GROUP_OF_STATE = {
    "pending_department_review": "department_reviewers",
    "pending_secrecy_review": "secrecy_reviewers",
    "pending_approval": "disclosure_approvers",
}
STEP_TITLE = {
    "pending_department_review": _("department review"),
    "pending_secrecy_review": _("secrecy review"),
    "pending_approval": _("approval"),
}
LANGUAGE = "zh_CN"


def _t(message):
    return translate(message, target_language=LANGUAGE)


def recipients_for(obj, transition, state):
    """(users, subject, body lines) of a transition's mail; users may be empty."""
    authors = creators(obj) | {submitter(obj)}
    portal_url = api.portal.get().absolute_url()
    mapping = {
        "title": obj.Title(),
        "url": obj.absolute_url() + "/@@review-panel",
        "queue": portal_url + "/@@review-queue",
    }
    if state in GROUP_OF_STATE:
        users = [
            user
            for user in api.user.get_users(groupname=GROUP_OF_STATE[state])
            if user.getId() not in authors
        ]
        mapping["step"] = _t(STEP_TITLE[state])
        subject = _("To review (${step}): ${title}", mapping=mapping)
        body = (
            _("The item ${title} waits for your ${step}.", mapping=mapping),
            "",
            _("Review it here: ${url}", mapping=mapping),
            _("Your review queue: ${queue}", mapping=mapping),
        )
        return users, subject, body
    if transition == "reject":
        users = [u for u in (api.user.get(userid=i) for i in authors if i) if u]
        subject = _("Returned to draft: ${title}", mapping=mapping)
        body = (
            _(
                "The item ${title} was returned to draft by the reviewer. The reason "
                "is in the review records: ${url}",
                mapping=mapping,
            ),
        )
        return users, subject, body
    return [], None, None


def notify_transition(obj, transition, state):
    users, subject, body = recipients_for(obj, transition, state)
    mail_users(obj, users, subject, body)


def mail_users(obj, users, subject, body):
    """Mail ``subject``/``body`` (translatable) to ``users`` after the commit."""
    if not users:
        return
    mfrom = api.portal.get_registry_record("plone.email_from_address", default=None)
    if not mfrom:
        logger.warning("No site sender address: review mail for %s not sent", obj)
        return
    sender_name = api.portal.get_registry_record("plone.email_from_name", default="")
    mailhost = api.portal.get_tool("MailHost")
    outbox = []
    for user in users:
        address = user.getProperty("email", "")
        if not address:
            continue
        message = EmailMessage()
        message["Subject"] = _t(subject)
        message["From"] = formataddr((sender_name or "", mfrom))
        message["To"] = address
        message.set_content("\n".join(_t(line) for line in body))
        outbox.append((message, address))
    if outbox:
        # Sent after the commit: a mail problem must never undo a review decision.
        transaction.get().addAfterCommitHook(_send, args=(mailhost, mfrom, outbox))


def _send(committed, mailhost, mfrom, outbox):
    if not committed:
        return
    for message, address in outbox:
        try:
            mailhost.send(message, mto=address, mfrom=mfrom, immediate=True)
        except Exception:
            logger.exception("Review mail to %s failed", address)
