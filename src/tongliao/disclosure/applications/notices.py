"""告知书 and other notices of an application: text from editable templates, DOCX.

Templates are registry texts (``tongliao.disclosure.notice_template_<kind>``,
edited by staff in @@application-settings) with ``$placeholders``; the remedy
clause (行政复议 60 days, 行政诉讼 6 months) is appended to every notice and
its wording is checked when staff edit it.
"""

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from email.message import EmailMessage
from email.policy import SMTP
from io import BytesIO
from plone import api
from string import Template
from tongliao.disclosure import logger
from tongliao.disclosure.interfaces import NOTICE_TEMPLATE_DEFAULTS
from tongliao.disclosure.interfaces import REMEDY_CLAUSE_DEFAULT
from tongliao.disclosure.vocabularies import application_outcome

import re


PREFIX = "tongliao.disclosure"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
REGULATION = "《中华人民共和国政府信息公开条例》"

NOTICE_TITLES = {
    "reply": "政府信息公开申请答复告知书",
    "correction": "政府信息公开申请补正告知书",
    "extension": "政府信息公开申请延期答复告知书",
    "fee": "政府信息公开信息处理费收费通知书",
}


def outcome_family(outcome):
    """The template family of an outcome: its table-3 group token."""
    return application_outcome(outcome)["group"]


def legal_basis(outcome):
    """The basis of an outcome as a citation for the notice (no data notes)."""
    basis = application_outcome(outcome).get("basis") or ""
    # ASCII parentheses hold data notes ("(mapping: medium confidence)").
    basis = re.sub(r"\s*\(.*$", "", basis).strip()
    if not basis or re.search(r"[A-Za-z]", basis):
        return f"{REGULATION}的有关规定"
    if basis.startswith("条例"):
        return REGULATION + basis[len("条例") :]
    return f"《{basis}》" if basis.startswith("国办函") else basis


def _template(kind):
    text = api.portal.get_registry_record(
        f"{PREFIX}.notice_template_{kind}", default=None
    )
    return text or NOTICE_TEMPLATE_DEFAULTS[kind]


def remedy_clause():
    return (
        api.portal.get_registry_record(f"{PREFIX}.notice_remedy_clause", default=None)
        or REMEDY_CLAUSE_DEFAULT
    )


def _date(day):
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def render_notice(app, kind, day, outcome=None, **values):
    """Title and paragraphs of one notice, ready for DOCX and HTML."""
    agency = app.__parent__
    mapping = {
        "applicant_name": app.applicant_name or "",
        "received_date": _date(app.received_date),
        "description": (app.description or "").strip(),
        "agency": agency.Title(),
        "reply_date": _date(day),
        "outcome_label": "",
        "basis": REGULATION,
        "reasons": "",
    }
    family = kind
    if kind == "reply":
        data = application_outcome(outcome)
        family = data["group"]
        label = re.sub(r"^\d+\.", "", data["label"])
        mapping.update(outcome_label=label, basis=legal_basis(outcome))
    mapping.update({key: str(value) for key, value in values.items()})
    body = Template(_template(family)).safe_substitute(mapping)
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    if kind in ("reply", "correction"):
        paragraphs.append(remedy_clause())
    paragraphs.append("特此告知。")
    paragraphs.append(mapping["agency"])
    paragraphs.append(_date(day))
    return NOTICE_TITLES[kind], paragraphs


def build_docx(title, paragraphs):
    """A one-page A4 DOCX: centred title, body paragraphs, signature right."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "FangSong"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
    style.font.size = Pt(16)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title)
    run.bold = True
    run.font.size = Pt(22)
    signature = paragraphs[-2:]
    for text in paragraphs[:-2]:
        document.add_paragraph(text)
    for text in signature:
        paragraph = document.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def issue_notice(app, kind, day, actor, outcome=None, **values):
    """Render, store on the case and return the stored file id."""
    title, paragraphs = render_notice(app, kind, day, outcome=outcome, **values)
    data = build_docx(title, paragraphs)
    filename = f"{title}-{day.isoformat()}.docx"
    return app.add_stored_file(
        "notice",
        data,
        filename,
        DOCX_TYPE,
        notice_kind=kind,
        title=title,
        paragraphs=list(paragraphs),
        date=day,
        outcome=outcome or "",
        actor=actor,
    )


def send_notice_mail(app, file_id):
    """Email a stored notice to the applicant if an email address was given.

    Returns True when a message was queued; mail failures are logged, never
    raised into the officer's request (the notice stays on the case).
    """
    if not app.email:
        return False
    entry = app.stored_file(file_id)
    mail_host = api.portal.get_tool("MailHost")
    sender = api.portal.get_registry_record("plone.email_from_address", default="")
    name = api.portal.get_registry_record("plone.email_from_name", default="")
    if not sender:
        logger.warning("No site email address; notice %s not mailed", file_id)
        return False
    message = EmailMessage(policy=SMTP)
    message["Subject"] = entry["title"]
    message["From"] = f"{name} <{sender}>" if name else sender
    message["To"] = app.email
    message.set_content("\n\n".join(entry["paragraphs"]), cte="base64")
    blob = entry["file"]
    maintype, subtype = DOCX_TYPE.split("/")
    message.add_attachment(
        blob.data, maintype=maintype, subtype=subtype, filename=blob.filename
    )
    try:
        mail_host.send(message, immediate=False)
    except Exception:
        logger.exception("Could not send notice %s", file_id)
        return False
    return True


def send_text_mail(to, subject, body):
    """A plain text message through the site's MailHost (sent on commit)."""
    sender = api.portal.get_registry_record("plone.email_from_address", default="")
    if not (to and sender):
        return False
    name = api.portal.get_registry_record("plone.email_from_name", default="")
    message = EmailMessage(policy=SMTP)
    message["Subject"] = subject
    message["From"] = f"{name} <{sender}>" if name else sender
    message["To"] = to
    message.set_content(body, cte="base64")
    try:
        api.portal.get_tool("MailHost").send(message, immediate=False)
    except Exception:
        logger.exception("Could not send mail %r", subject)
        return False
    return True
