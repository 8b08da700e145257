"""Marker interfaces and the add-on's settings schema."""

from datetime import date
from tongliao.disclosure import _
from tongliao.disclosure.workdays import parse_calendar_lines
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.publisher.interfaces.browser import IDefaultBrowserLayer
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import re


def _month_day(value):
    """Accept MM-DD strings of a real calendar day."""
    try:
        month, day = (int(part) for part in value.split("-"))
        date(2024, month, day)
    except (ValueError, AttributeError):
        raise Invalid(_("Use the form MM-DD, for example 01-31."))
    return True


def _calendar_lines(lines):
    """Accept only override lines the deadline engine can parse."""
    try:
        parse_calendar_lines(lines or [])
    except ValueError as error:
        match = re.match(r"calendar line (\d+) (.*?): (.*)$", str(error))
        line, text = (match.group(1), match.group(2)) if match else ("?", "")
        raise Invalid(
            _(
                "Calendar line ${line} (${text}) is not valid. Use "
                "YYYY-MM-DD:holiday:name, YYYY-MM-DD:workday:name or YYYY:covered, "
                "each date once.",
                mapping={"line": line, "text": text},
            )
        )
    return True


class IBrowserLayer(IDefaultBrowserLayer):
    """Marker interface for the add-on's browser layer."""


class IDisclosureSettings(Interface):
    """Site-wide settings of the disclosure platform (plone.registry)."""

    interpretation_max_lag_working_days = schema.Int(
        title=_("Maximum interpretation lag (working days)"),
        description=_(
            "An interpretation published later than this many working days after "
            "its document is flagged. National texts set no number; Inner Mongolia "
            "practice uses 5, some cities 3."
        ),
        default=3,
        min=0,
        max=60,
    )

    index_number_year_source = schema.Choice(
        title=_("Year in the index number"),
        description=_(
            "Which year the index number carries. Tongliao's convention is not "
            "confirmed; publication year is the default."
        ),
        vocabulary=SimpleVocabulary(
            [
                SimpleTerm("published", title=_("Year of publication")),
                SimpleTerm("date_written", title=_("Year the document was written")),
            ]
        ),
        default="published",
    )

    guide_review_interval_days = schema.Int(
        title=_("Disclosure guide review interval (days)"),
        description=_(
            "Staff are warned when a guide has not been reviewed for longer."
        ),
        default=365,
        min=1,
    )

    due_soon_working_days = schema.Int(
        title=_("Due-soon threshold (working days)"),
        description=_("Applications due within this many working days are flagged."),
        default=3,
        min=0,
        max=20,
    )

    fee_notice_pauses_clock = schema.Bool(
        title=_("Fee notice pauses the reply clock"),
        description=_(
            "Not settled by the national texts (confidence: low). Decide with your "
            "legal office."
        ),
        default=False,
        required=False,
    )

    annual_report_deadline_department = schema.TextLine(
        title=_("Annual report deadline for departments (MM-DD)"),
        description=_("Regulation art. 49(1): 31 January."),
        default="01-31",
        constraint=_month_day,
    )

    annual_report_deadline_government = schema.TextLine(
        title=_("Annual report deadline for governments (MM-DD)"),
        description=_("Regulation art. 49(2): 31 March."),
        default="03-31",
        constraint=_month_day,
    )

    calendar_overrides = schema.List(
        title=_("Working-day calendar overrides"),
        description=_(
            "One line per entry: YYYY-MM-DD:holiday:name for a rest day, "
            "YYYY-MM-DD:workday:name for a make-up working day, and YYYY:covered once "
            "the State Council's holiday notice for that year is entered in full."
        ),
        value_type=schema.TextLine(),
        default=[],
        required=False,
        constraint=_calendar_lines,
    )


# Applications (依申请公开) --------------------------------------------------------

# The former default, which named neither the review organ nor the court; a
# site still holding it gets REMEDY_CLAUSE_DEFAULT.
REMEDY_CLAUSE_UNNAMED = (
    "如对本告知不服，可以自收到本告知书之日起六十日内依法申请行政复议，"
    "或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。"
)
# $review_organ and $court: the agency's settings (applications/agency_settings.py).
REMEDY_CLAUSE_DEFAULT = (
    "如对本告知不服，可以自收到本告知书之日起六十日内向$review_organ申请行政复议，"
    "或者自收到本告知书之日起六个月内向$court提起行政诉讼。"
)

NOTICE_TEMPLATE_DEFAULTS = {
    "granted": (
        "$applicant_name：\n"
        "本机关于$received_date收到您（单位）提出的政府信息公开申请，"
        "申请获取“$description”。\n"
        "经审查，您申请获取的政府信息属于公开范围，根据$basis的规定，"
        "现予以公开，请按您选择的方式获取。\n$reasons"
    ),
    "partial": (
        "$applicant_name：\n"
        "本机关于$received_date收到您（单位）提出的政府信息公开申请，"
        "申请获取“$description”。\n"
        "经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，"
        "根据$basis的规定，对可以公开的部分予以公开，对不予公开的部分说明理由如下：\n"
        "$reasons"
    ),
    "denied": (
        "$applicant_name：\n"
        "本机关于$received_date收到您（单位）提出的政府信息公开申请，"
        "申请获取“$description”。\n"
        "经审查，您申请获取的政府信息$outcome_label，根据$basis的规定，"
        "不予公开。理由如下：\n$reasons"
    ),
    "unable": (
        "$applicant_name：\n"
        "本机关于$received_date收到您（单位）提出的政府信息公开申请，"
        "申请获取“$description”。\n"
        "经检索查找，本机关无法提供您申请获取的政府信息（$outcome_label），"
        "根据$basis的规定，特此告知。说明如下：\n$reasons"
    ),
    "not_processed": (
        "$applicant_name：\n"
        "本机关于$received_date收到您（单位）提出的政府信息公开申请，"
        "申请获取“$description”。\n"
        "经审查，您的申请$outcome_label，根据$basis的规定，本机关不予处理。"
        "说明如下：\n$reasons"
    ),
    "other": (
        "$applicant_name：\n"
        "本机关于$received_date收到您（单位）提出的政府信息公开申请，"
        "申请获取“$description”。\n"
        "$outcome_label。根据$basis的规定，本机关不再处理您的申请。说明如下：\n"
        "$reasons"
    ),
    # 条例 art. 36(1): already proactively disclosed, where and how to get it.
    "already_public": (
        "$applicant_name：\n"
        "本机关于$received_date收到您（单位）提出的政府信息公开申请，"
        "申请获取“$description”。\n"
        "经审查，您申请获取的政府信息已经主动公开。根据《中华人民共和国政府信息"
        "公开条例》第三十六条第（一）项的规定，现告知您获取该政府信息的方式和途径："
        "\n$public_location\n$reasons"
    ),
    # 条例 art. 36(5): not this agency's information; the competent agency.
    "not_this_agency": (
        "$applicant_name：\n"
        "本机关于$received_date收到您（单位）提出的政府信息公开申请，"
        "申请获取“$description”。\n"
        "经审查，您申请获取的政府信息不属于本机关负责公开。根据《中华人民共和国"
        "政府信息公开条例》第三十六条第（五）项的规定，特此告知。该政府信息的"
        "负责公开机关为$competent_agency，联系方式：$competent_agency_contact。"
        "\n$reasons"
    ),
    # 条例 art. 32 (third party) / art. 34 (other agency): the consultation letter.
    "consultation": (
        "$party：\n"
        "本机关于$received_date收到一份政府信息公开申请，申请获取“$description”。"
        "经审查，该政府信息$consultation_reason。根据《中华人民共和国政府信息公开"
        "条例》$consultation_article的规定，现征求您的意见。\n"
        "请于$window_end前（收到本意见书之日起15个工作日内）提出书面意见，"
        "并说明理由。$silence_rule\n"
        "联系方式：$agency_phone $agency_address"
    ),
    # 受理回执 at online submission and staff registration.
    "receipt": (
        "$applicant_name：\n"
        "本机关已收到您（单位）提出的政府信息公开申请，申请获取“$description”。\n"
        "申请方式：$channel。收到申请日期：$received_date（$receipt_rule）。\n"
        "本机关将于$reply_deadline前作出答复（收到申请之日起20个工作日内，"
        "需要补正、征求第三方或者其他机关意见的，期限依法另行计算；需要延长的，"
        "将另行告知）。\n"
        "查询码：$tracking_code\n"
        "请凭查询码和您预留的手机号码后四位，在本网站“申请查询”页面"
        "（$lookup_url）查询办理进度和下载告知书。请妥善保管本回执。"
    ),
    "correction": (
        "$applicant_name：\n"
        "本机关于$received_date收到您（单位）提出的政府信息公开申请。"
        "经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》"
        "第三十条的规定，请您在收到本通知之日起$correction_period个工作日内"
        "对以下内容作出补正：\n$correction_items\n"
        "答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，"
        "视为放弃申请，本机关不再处理该政府信息公开申请。"
    ),
    "extension": (
        "$applicant_name：\n"
        "本机关于$received_date收到您（单位）提出的政府信息公开申请。"
        "因$reasons，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息"
        "公开条例》第三十三条第二款的规定，经政府信息公开工作机构负责人同意，"
        "答复期限延长$extension_days个工作日，至$new_deadline。"
    ),
    "fee": (
        "$applicant_name：\n"
        "本机关于$received_date收到您（单位）提出的政府信息公开申请。"
        "根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费"
        "管理办法》（国办函〔2020〕109号）的规定，您的申请需缴纳信息处理费"
        "$fee_amount元。计算依据：$fee_breakdown\n"
        "请于收到本通知次日起二十个工作日内（$payment_deadline前）缴纳。"
        "逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。"
    ),
}


def _remedy_clause(value):
    """The remedy clause must keep both remedies and their periods."""
    text = value or ""
    if not (
        ("六十日" in text or "60日" in text)
        and ("六个月" in text or "6个月" in text)
        and "行政复议" in text
        and "行政诉讼" in text
    ):
        raise Invalid(
            _(
                "The remedy clause must name 行政复议 within 60 days and "
                "行政诉讼 within 6 months."
            )
        )
    return True


class IApplicationSettings(Interface):
    """Settings of the application (依申请公开) feature; same registry prefix."""

    apply_limit_per_ip = schema.Int(
        title=_("Online applications per IP address and window"),
        default=5,
        min=1,
    )

    status_lookup_limit_per_ip = schema.Int(
        title=_("Status lookups per IP address and window"),
        description=_("Counts lookups and notice downloads with a tracking code."),
        default=30,
        min=1,
    )

    rate_limit_window_minutes = schema.Int(
        title=_("Rate-limit window (minutes)"),
        description=_(
            "Counters are kept in memory per server process and cleared after "
            "the window."
        ),
        default=60,
        min=1,
    )

    duplicate_submission_window_minutes = schema.Int(
        title=_("Window for repeated identical online applications (minutes)"),
        description=_(
            "An identical application from the same applicant to the same agency "
            "within this window returns the first case instead of a new one."
        ),
        default=30,
        min=0,
    )

    application_attachment_max_kb = schema.Int(
        title=_("Maximum size of an attachment (KB)"),
        description=_("Identity proofs may be PDF, JPG or PNG files."),
        default=5120,
        min=10,
    )

    extension_max_days = schema.Int(
        title=_("Longest extension (working days)"),
        description=_(
            "Art. 33(2): the reply period may be extended by at most 20 working "
            "days with the consent of the head of the disclosure office. A lower "
            "value limits what an approver may grant; a higher one is ignored."
        ),
        default=20,
        min=1,
        max=20,
    )

    fee_payment_working_days = schema.Int(
        title=_("Working days to pay a fee notice"),
        description=_(
            "国办函〔2020〕109号: 20 working days from the day after the applicant "
            "received the fee notice; an officer then closes an unpaid "
            "application as 'no_fee'."
        ),
        default=20,
        min=1,
    )

    notice_receipt_same_day_channels = schema.List(
        title=_("Channels on which a notice counts as received the day it is sent"),
        description=_(
            "Art. 31's rules for receiving an application, applied to notices "
            "sent to the applicant: handed over in person, the notice is received "
            "that day. On the other channels the officer records the day the "
            "applicant signed for it (mail) or confirmed it (online, e-mail, "
            "fax); the correction and payment periods run from that day."
        ),
        value_type=schema.Choice(vocabulary="tongliao.disclosure.ApplicationChannels"),
        default=["in_person"],
        required=False,
    )

    notice_remedy_clause = schema.Text(
        title=_("Remedy clause of every notice"),
        default=REMEDY_CLAUSE_DEFAULT,
        constraint=_remedy_clause,
    )

    notice_template_granted = schema.Text(
        title=_("Notice template: granted"),
        description=_(
            "Placeholders: $applicant_name $received_date $description $agency "
            "$outcome_label $basis $reasons $reply_date."
        ),
        default=NOTICE_TEMPLATE_DEFAULTS["granted"],
    )
    notice_template_partial = schema.Text(
        title=_("Notice template: partially granted"),
        default=NOTICE_TEMPLATE_DEFAULTS["partial"],
    )
    notice_template_denied = schema.Text(
        title=_("Notice template: not disclosed"),
        default=NOTICE_TEMPLATE_DEFAULTS["denied"],
    )
    notice_template_unable = schema.Text(
        title=_("Notice template: unable to provide"),
        default=NOTICE_TEMPLATE_DEFAULTS["unable"],
    )
    notice_template_not_processed = schema.Text(
        title=_("Notice template: not processed"),
        default=NOTICE_TEMPLATE_DEFAULTS["not_processed"],
    )
    notice_template_other = schema.Text(
        title=_("Notice template: other handling"),
        default=NOTICE_TEMPLATE_DEFAULTS["other"],
    )
    notice_template_correction = schema.Text(
        title=_("Notice template: correction request"),
        description=_("Placeholders also: $correction_items $correction_period."),
        default=NOTICE_TEMPLATE_DEFAULTS["correction"],
    )
    notice_template_extension = schema.Text(
        title=_("Notice template: extension"),
        description=_("Placeholders also: $extension_days $new_deadline."),
        default=NOTICE_TEMPLATE_DEFAULTS["extension"],
    )
    notice_template_fee = schema.Text(
        title=_("Notice template: fee notice"),
        description=_(
            "Placeholders also: $fee_amount $fee_breakdown $payment_deadline."
        ),
        default=NOTICE_TEMPLATE_DEFAULTS["fee"],
    )
    notice_template_already_public = schema.Text(
        title=_("Notice template: already public (art. 36(1))"),
        description=_("Placeholders also: $public_location."),
        default=NOTICE_TEMPLATE_DEFAULTS["already_public"],
    )
    notice_template_not_this_agency = schema.Text(
        title=_("Notice template: not this agency (art. 36(5))"),
        description=_(
            "Placeholders also: $competent_agency $competent_agency_contact."
        ),
        default=NOTICE_TEMPLATE_DEFAULTS["not_this_agency"],
    )
    notice_template_consultation = schema.Text(
        title=_("Template: consultation letter to a third party or agency"),
        description=_(
            "Placeholders: $party $received_date $description $window_end "
            "$consultation_reason $consultation_article $silence_rule $agency "
            "$agency_phone $agency_address."
        ),
        default=NOTICE_TEMPLATE_DEFAULTS["consultation"],
    )
    notice_template_receipt = schema.Text(
        title=_("Template: acknowledgement of receipt"),
        description=_(
            "Placeholders: $applicant_name $description $channel $received_date "
            "$receipt_rule $reply_deadline $tracking_code $lookup_url."
        ),
        default=NOTICE_TEMPLATE_DEFAULTS["receipt"],
    )


class IReviewable(Interface):
    """Marker: the item goes through disclosure_review_workflow and keeps review
    records (behavior ``tongliao.disclosure.reviewable``)."""


class IApprovalCondition(Interface):
    """A feature's condition on ``approve`` (subscription adapter of an item).

    ``review.workflow.check_rules`` adds the messages of every such condition;
    it runs inside the transition's guard, so no catalog search here.
    """

    def problems():
        """Translatable messages of what still blocks approval (empty: none)."""


class ISiteIdentitySettings(Interface):
    """The masthead and the footer of the government portal (plone.registry).

    The footer lines follow the convention of Chinese government websites
    (国务院办公厅《政府网站发展指引》2017: 主办单位, 网站标识码, ICP备案号,
    公安机关备案号); an empty setting leaves its line out."""

    emblem = schema.Bytes(
        title=_("Emblem"),
        description=_(
            "The emblem shown left of the site name in the masthead (PNG or SVG, "
            "about 64 × 64 pixels). Without one a neutral placeholder is shown."
        ),
        required=False,
    )
    site_subtitle = schema.TextLine(
        title=_("Masthead subtitle"),
        description=_("A line under the site name, for example 政务公开."),
        default="政府信息公开平台",
        required=False,
    )
    site_subtitle_mn = schema.TextLine(
        title=_("Masthead subtitle in Mongolian"),
        description=_(
            "In traditional Mongolian script, for the Mongolian pages; without it "
            "they show the Chinese subtitle, marked as such."
        ),
        default=(
            "ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠲᠠᠪᠴᠠᠩ"  # 政府信息公开平台
        ),
        required=False,
    )
    organizer = schema.TextLine(
        title=_("Organizer (主办单位)"),
        default="通辽市人民政府办公室",
        required=False,
    )
    organizer_mn = schema.TextLine(
        title=_("Organizer in Mongolian"),
        description=_(
            "In traditional Mongolian script, for the Mongolian pages; without it "
            "they show the Chinese name, marked as such."
        ),
        default="",
        required=False,
    )
    operator = schema.TextLine(
        title=_("Operator (承办单位)"),
        default="",
        required=False,
    )
    operator_mn = schema.TextLine(
        title=_("Operator in Mongolian"),
        description=_(
            "In traditional Mongolian script, for the Mongolian pages; without it "
            "they show the Chinese name, marked as such."
        ),
        default="",
        required=False,
    )
    phone = schema.TextLine(
        title=_("Contact phone (联系电话)"),
        default="",
        required=False,
    )
    site_code = schema.TextLine(
        title=_("Website identification code (网站标识码)"),
        description=_("The ten-character code issued for government websites."),
        default="",
        required=False,
    )
    icp_number = schema.TextLine(
        title=_("ICP record number (ICP备案号)"),
        description=_("For example 蒙ICP备00000000号; links to beian.miit.gov.cn."),
        default="",
        required=False,
    )
    police_number = schema.TextLine(
        title=_("Public security record number (公安机关备案号)"),
        description=_(
            "For example 蒙公网安备 15050202000000号; links to beian.mps.gov.cn."
        ),
        default="",
        required=False,
    )


class IImportingLayer(Interface):
    """Marks the request while a site export bundle is being imported
    (migration/exportimport.py): the review integrity rules stay silent, since
    the imported states and records are the ones exported."""
