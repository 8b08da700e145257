"""举报处理答复书: the written reply to a complainant, as a PDF.

Made on request from the case (never stored): for staff on the case page and
for the complainant through a short-lived link on the status lookup (the
signed token of ``applications/links.py``; no tracking code in the URL). The
signature is the office that handles complaints (registry
``complaint_reply_office``; empty: the site's 主办单位).
"""

from plone import api
from tongliao.disclosure import _
from tongliao.disclosure.applications.pdf import build_pdf
from tongliao.disclosure.complaints.content import CATEGORIES
from tongliao.disclosure.complaints.workflow import accepted_date
from tongliao.disclosure.complaints.workflow import agency_of
from zope.globalrequest import getRequest
from zope.i18n import translate


LETTER_ID = "reply-letter"  # the file id in the signed link
LETTER_STATES = ("replied", "pending_publication", "published")
LETTER_TITLE = "政府信息公开工作举报处理答复书"
LETTER_LABEL = _("Written reply (PDF)")


def _cn(day):
    return f"{day.year}年{day.month}月{day.day}日"


def has_letter(complaint):
    return api.content.get_state(complaint, default=None) in LETTER_STATES


def office_name():
    for record in (
        "tongliao.disclosure.complaint_reply_office",
        "tongliao.disclosure.site.organizer",
    ):
        value = api.portal.get_registry_record(record, default=None)
        if value and value.strip():
            return value.strip()
    return api.portal.get().Title()


def letter_paragraphs(complaint):
    """The letter's paragraphs in Chinese; the last two are the signature."""
    replied = complaint.last_event("replied")
    agency = agency_of(complaint)
    category = translate(
        CATEGORIES.get(complaint.category, ""), target_language="zh_CN"
    )
    name = (complaint.complainant_name or "").strip()
    accepted = accepted_date(complaint)
    about = agency.Title() if agency is not None else "有关机关"
    paragraphs = [
        f"{name or '举报人'}：",
        f"您于{_cn(complaint.received_date)}反映{about}政府信息公开工作"
        f"（{category}）的举报（查询码 {complaint.tracking_code}）收悉。"
        + (f"本机关于{_cn(accepted)}受理并进行了调查。" if accepted else ""),
    ]
    if complaint.finding:
        paragraphs.append(f"经查：{complaint.finding.strip()}")
    if complaint.substantiated:
        paragraphs.append("您反映的问题属实。")
        if complaint.measures:
            paragraphs.append(f"处理措施：{complaint.measures.strip()}")
    elif complaint.substantiated is False:
        paragraphs.append("您反映的问题不属实。")
    if complaint.reply_text:
        paragraphs.append(complaint.reply_text.strip())
    paragraphs.append("感谢您对政府信息公开工作的监督。")
    day = replied["date"] if replied else complaint.received_date
    return [*paragraphs, office_name(), _cn(day)]


def letter_pdf(complaint):
    return build_pdf(LETTER_TITLE, letter_paragraphs(complaint))


def letter_filename(complaint):
    return f"jubao-dafu-{complaint.received_date:%Y%m%d}.pdf"


def send_pdf(request, complaint):
    """Write the letter to the response (no caching, no referrer)."""
    data = letter_pdf(complaint)
    response = request.response
    response.setHeader("Content-Type", "application/pdf")
    response.setHeader(
        "Content-Disposition", f'attachment; filename="{letter_filename(complaint)}"'
    )
    response.setHeader("Cache-Control", "no-store")
    response.setHeader("Referrer-Policy", "no-referrer")
    return data


def translated_label(request=None):
    return translate(LETTER_LABEL, context=request or getRequest())
