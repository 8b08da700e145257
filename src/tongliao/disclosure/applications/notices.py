"""告知书 and other notices of an application: text from editable templates,
DOCX and PDF, each with its notice number (文号).

Templates are registry texts (``tongliao.disclosure.notice_template_<kind>``,
edited by staff in @@application-settings) with ``$placeholders``; the remedy
clause (行政复议 60 days, 行政诉讼 6 months) names the agency's review organ
and court (agency settings, :mod:`.agency_settings`) and is appended to every
notice that decides on the application.
"""

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from io import BytesIO
from plone import api
from string import Template
from tongliao.disclosure import logger
from tongliao.disclosure.applications.agency_settings import agency_setting
from tongliao.disclosure.applications.notice_numbers import next_notice_number
from tongliao.disclosure.applications.pdf import build_pdf
from tongliao.disclosure.interfaces import NOTICE_TEMPLATE_DEFAULTS
from tongliao.disclosure.interfaces import REMEDY_CLAUSE_DEFAULT
from tongliao.disclosure.interfaces import REMEDY_CLAUSE_UNNAMED
from tongliao.disclosure.vocabularies import application_outcome

import re


PREFIX = "tongliao.disclosure"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
REGULATION = "《中华人民共和国政府信息公开条例》"

PDF_TYPE = "application/pdf"

NOTICE_TITLES = {
    "receipt": "政府信息公开申请受理回执",
    "consultation": "政府信息公开征求意见书",
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


# Reply variants with their own template (art. 36(1) and 36(5)): the outcome
# they are counted as in the annual report, and what the officer must enter.
REPLY_VARIANTS = {
    "already_public": {"outcome": "granted", "fields": ("public_location",)},
    "not_this_agency": {
        "outcome": "not_held",
        "fields": ("competent_agency", "competent_agency_contact"),
    },
}
# How each kind is kept on the case: notices and the receipt are the
# applicant's; the consultation letter is for the consulted party only.
STORED_KINDS = {"receipt": "receipt", "consultation": "letter"}
APPLICANT_KINDS = ("notice", "receipt")
STAFF_KINDS = ("notice", "receipt", "letter")

# Notices that decide on the application carry the remedy clause.
REMEDY_KINDS = ("reply", "correction")


def remedy_clause(agency):
    """The remedy clause, naming the agency's review organ and court.

    A site still holding the former default (which named neither) gets the
    new default; a clause edited by staff may use ``$review_organ`` and
    ``$court``.
    """
    text = api.portal.get_registry_record(
        f"{PREFIX}.notice_remedy_clause", default=None
    )
    if not text or text == REMEDY_CLAUSE_UNNAMED:
        text = REMEDY_CLAUSE_DEFAULT
    return Template(text).safe_substitute(
        review_organ=agency_setting(agency, "review_organ"),
        court=agency_setting(agency, "court"),
    )


def _date(day):
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def render_notice(app, kind, day, outcome=None, variant="", **values):
    """Title and paragraphs of one notice, ready for DOCX, PDF and HTML."""
    agency = app.__parent__
    mapping = {
        "applicant_name": app.applicant_name or "",
        "received_date": _date(app.received_date),
        "description": (app.description or "").strip(),
        "agency": agency.Title(),
        "agency_address": getattr(agency, "address", "") or "",
        "agency_phone": getattr(agency, "phone", "") or "",
        "reply_date": _date(day),
        "outcome_label": "",
        "basis": REGULATION,
        "reasons": "",
    }
    family = kind
    if kind == "reply":
        data = application_outcome(outcome)
        family = variant if variant in REPLY_VARIANTS else data["group"]
        label = re.sub(r"^\d+\.", "", data["label"])
        mapping.update(outcome_label=label, basis=legal_basis(outcome))
    mapping.update({key: str(value) for key, value in values.items()})
    body = Template(_template(family)).safe_substitute(mapping)
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    if kind in REMEDY_KINDS:
        paragraphs.append(remedy_clause(agency))
    if kind != "receipt":
        paragraphs.append("特此告知。" if kind != "consultation" else "特此函告。")
    paragraphs.append(mapping["agency"])
    paragraphs.append(_date(day))
    return NOTICE_TITLES[kind], paragraphs


def build_docx(title, paragraphs, number=""):
    """A one-page A4 DOCX: centred title and number, body, signature right."""
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
    if number:
        line = document.add_paragraph(number)
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    signature = paragraphs[-2:]
    for text in paragraphs[:-2]:
        document.add_paragraph(text)
    for text in signature:
        paragraph = document.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = BytesIO()
    document.save(out)
    return out.getvalue()


# Kinds without a notice number: the 受理回执 is referred to by the case's
# tracking code (the Regulations ask no 文号 of an acknowledgement), so an
# online submission never writes the agency-wide counter.
UNNUMBERED_KINDS = ("receipt",)


def issue_notice(app, kind, day, actor, outcome=None, variant="", **values):
    """Number (notices, letters), render, store on the case; returns the file id."""
    title, paragraphs = render_notice(
        app, kind, day, outcome=outcome, variant=variant, **values
    )
    number = "" if kind in UNNUMBERED_KINDS else next_notice_number(app.__parent__, day)
    data = build_docx(title, paragraphs, number)
    filename = f"{title}-{day.isoformat()}.docx"
    return app.add_stored_file(
        STORED_KINDS.get(kind, "notice"),
        data,
        filename,
        DOCX_TYPE,
        notice_kind=kind,
        variant=variant or "",
        number=number,
        title=title,
        paragraphs=list(paragraphs),
        date=day,
        outcome=outcome or "",
        actor=actor,
    )


def notice_pdf(entry):
    """The PDF of a stored notice or receipt, rendered from its stored text."""
    return build_pdf(entry["title"], entry["paragraphs"], entry.get("number", ""))


def pdf_filename(entry):
    return entry["file"].filename.rsplit(".", 1)[0] + ".pdf"


# MailHost sets Header objects (compat32) and sends the bytes unchanged: the
# message must have SMTP's CRLF line ends itself (RFC 5321 2.3.8).
MAIL_POLICY = compat32.clone(linesep="\r\n")


def _mail(to, subject, message):
    """Queue ``message`` (sent on commit) through ``api.portal.send_email``.

    Failures are logged, never raised into the request that sent it.
    """
    if not to or not api.portal.get_registry_record(
        "plone.email_from_address", default=""
    ):
        return False
    try:
        api.portal.send_email(recipient=to, subject=subject, body=message)
    except Exception:
        logger.exception("Could not send mail %r", subject)
        return False
    return True


def _attachment(data, subtype, filename):
    part = MIMEApplication(data, _subtype=subtype, policy=MAIL_POLICY)
    part.add_header(
        "Content-Disposition", "attachment", filename=("utf-8", "", filename)
    )
    return part


def send_notice_mail(app, file_id):
    """Email a stored notice (its DOCX and PDF) to the applicant, if an email
    address was given. Returns True when a message was queued."""
    if not app.email:
        return False
    entry = app.stored_file(file_id)
    message = MIMEMultipart(policy=MAIL_POLICY)
    text = "\n\n".join(entry["paragraphs"])
    message.attach(MIMEText(text, "plain", "utf-8", policy=MAIL_POLICY))
    blob = entry["file"]
    message.attach(_attachment(blob.data, DOCX_TYPE.split("/")[1], blob.filename))
    try:
        pdf = notice_pdf(entry)
    except Exception:  # no CJK font: the DOCX still goes
        logger.exception("No PDF for notice %s", file_id)
    else:
        message.attach(_attachment(pdf, "pdf", pdf_filename(entry)))
    return _mail(app.email, entry["title"], message)


def send_text_mail(to, subject, body):
    """A plain text message through the site's MailHost (sent on commit)."""
    return _mail(to, subject, MIMEText(body, "plain", "utf-8", policy=MAIL_POLICY))
