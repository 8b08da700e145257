"""The case page as a guided procedure: each legally possible next step is a
labelled form (the fields its action declares in ``actions.py``) that says,
before the officer confirms, what it does to the reply deadline; and the
timeline in Chinese.
"""

from plone import api
from tongliao.disclosure import _
from tongliao.disclosure.applications.workflow import compute
from tongliao.disclosure.applications.workflow import consultation_window_end
from tongliao.disclosure.applications.workflow import extension_days
from tongliao.disclosure.applications.workflow import extension_max_days
from tongliao.disclosure.calendar import site_today
from tongliao.disclosure.deadlines import CalendarCoverageError

import contextlib


EVENT_TITLES = {
    "received": _("Application received"),
    "accept": _("Accepted for processing"),
    "correction_requested": _("Correction requested"),
    "correction_received": _("Corrected application received"),
    "notice_received": _("Notice received by the applicant"),
    "consultation_started": _("Consultation started"),
    "consultation_ended": _("Consultation ended"),
    "extension": _("Extension approved"),
    "fee_notice_sent": _("Fee notice sent"),
    "fee_paid": _("Fee paid"),
    "replied": _("Replied"),
    "withdrawn": _("Withdrawn by the applicant"),
    "archived": _("Archived"),
    "remedy_filed": _("Reconsideration or litigation filed"),
    "remedy_decided": _("Reconsideration or litigation decided"),
}


def staff_name(user_id):
    """Full name of a user id as recorded in an event ("applicant": the applicant)."""
    if not user_id:
        return ""
    if user_id == "applicant":
        return "申请人"
    user = api.user.get(userid=user_id)
    if user is None:
        return user_id
    return (user.getProperty("fullname", "") or "").strip() or user_id


def _cn(day):
    return f"{day.year}年{day.month}月{day.day}日"


def _deadline(result):
    if result is None or result.reply_deadline is None:
        return None
    return result.reply_deadline


def extension_preview(app, days, today=None):
    """What an extension of ``days`` (as typed) approved today does: a dict
    with the days, the new reply deadline (ISO) and the sentence shown; raises
    ActionError (translated message) for a number outside 1..maximum."""
    days = extension_days({"days": days})
    today = today or site_today()
    after = None
    with contextlib.suppress(CalendarCoverageError, ValueError):
        after = _deadline(
            compute(
                app,
                today=today,
                extra_events=[
                    {"type": "extension", "days": days, "approver": "-", "date": today}
                ],
            )
        )
    return {
        "days": days,
        "reply_deadline": after.isoformat() if after else "",
        "consequence": consequence(app, "extend", today=today, days=days),
    }


def consequence(app, action, today=None, days=None):
    """A Chinese sentence: what ``action`` done today does to the deadlines
    (``days``: the extension typed, the maximum when not given)."""
    today = today or site_today()
    days = days or extension_max_days()
    try:
        now = compute(app, today=today)
    except (CalendarCoverageError, ValueError):
        return "期限暂无法计算（日历数据缺失或记录有误）。"
    current = _deadline(now)
    current_text = _cn(current) if current else "暂停计算"
    if action == "accept":
        return f"答复期限不变：{current_text}。"
    if action == "request_correction":
        return (
            "答复期限中止；补正期限自申请人收到补正告知书之日起计算，"
            "答复期限自收到补正后的申请之日起重新计算20个工作日。"
        )
    if action in ("receive_correction", "extend", "end_consultation"):
        event = {
            "receive_correction": {"type": "correction_received"},
            # The engine wants an approver; the preview's is a placeholder.
            "extend": {"type": "extension", "days": days, "approver": "-"},
            "end_consultation": {"type": "consultation_ended"},
        }[action]
        last = app.last_event("consultation_started")
        if action == "end_consultation" and last is not None:
            event["party"] = last["data"].get("party", "")
        try:
            after = compute(app, today=today, extra_events=[{**event, "date": today}])
        except (CalendarCoverageError, ValueError):
            return "该操作与本案记录不符，确认时将被拒绝。"
        new = _deadline(after)
        prefix = f"按延长{days}个工作日计算，" if action == "extend" else ""
        if new is None:
            return f"{prefix}答复期限仍暂停计算。"
        return f"{prefix}答复期限：{current_text} → {_cn(new)}。"
    if action == "start_consultation":
        window = consultation_window_end({"date": today, "delivered": today})
        return (
            "答复期限中止计算；第三方或其他机关应于"
            f"{_cn(window)}前答复（自收到征求意见书之日起15个工作日），"
            "逾期后答复期限恢复计算。"
        )
    if action in ("fee_notice", "fee_paid", "notice_received"):
        return f"答复期限不变：{current_text}。"
    if action in ("reply", "reply_on_the_spot"):
        if current and today > current:
            return f"办结本案。答复期限为{current_text}，今日答复已超期。"
        return f"办结本案，在答复期限（{current_text}）内答复。"
    if action == "withdraw":
        return "办结本案（申请人撤回），不再计算答复期限。"
    if action == "archive":
        return "归档本案；期限不再变化。"
    if action in ("remedy_filed", "remedy_decided"):
        return "不影响答复期限；计入年度报告表四。"
    return ""
