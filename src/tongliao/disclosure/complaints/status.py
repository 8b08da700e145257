"""What the complainant sees with tracking code + phone tail (no names)."""

from plone import api
from tongliao.disclosure.complaints.content import CATEGORIES
from tongliao.disclosure.complaints.workflow import agency_of
from tongliao.disclosure.complaints.workflow import complaint_state_title
from tongliao.disclosure.complaints.workflow import due
from zope.globalrequest import getRequest
from zope.i18n import translate


def public_status(complaint):
    state = api.content.get_state(complaint)
    running = due(complaint)
    agency = agency_of(complaint)
    request = getRequest()
    result = {
        "state": state,
        "state_title": complaint_state_title(state, request),
        "category": translate(CATEGORIES.get(complaint.category, ""), context=request),
        "agency": agency.Title() if agency is not None else "",
        "received_date": complaint.received_date.isoformat(),
        "due_date": running.date.isoformat() if running else None,
        "refusal_reason": complaint.refusal_reason or None,
        "substantiated": None,
        "measures": None,
        "reply": None,
    }
    if state in ("replied", "pending_publication", "published"):
        result["substantiated"] = complaint.substantiated
        result["measures"] = complaint.measures or None
        result["reply"] = complaint.reply_text or None
    return result
