"""Reminders of art. 18 reassessments due, by mail through the site's MailHost.

Sent only on request (a POST from the monitors page): no clock server. Each
author (the document's creator) gets one mail listing their documents whose
reassessment date has passed; documents whose author has no e-mail address are
counted and reported back to the sender.
"""

from plone import api
from tongliao.disclosure import logger
from tongliao.disclosure.assessment import monitors
from tongliao.disclosure.assessment import queries
from tongliao.disclosure.calendar import site_today


def send_reassessment_reminders(agencies, today=None):
    """(mails sent, documents without a reachable author)."""
    today = today or site_today()
    by_author = {}
    for agency in agencies:
        records = queries.withheld_records(agency)
        due = {f.url for f in monitors.reassessment_due(records, today).findings}
        for record in records:
            if record.url in due:
                by_author.setdefault(record.creator, []).append(record)
    sent = missing = 0
    for author, records in sorted(by_author.items()):
        user = api.user.get(userid=author) if author else None
        email = user.getProperty("email", "") if user is not None else ""
        if not email:
            missing += len(records)
            continue
        lines = [
            f"- {r.title}（复审日期 {r.reassessment_date.year}年"
            f"{r.reassessment_date.month}月{r.reassessment_date.day}日）\n  {r.url}"
            for r in records
        ]
        body = (
            "以下不予公开的政府信息已到复审日期，请依照《中华人民共和国政府信息公开条例》"
            "第十八条及时进行复审，对可以公开的信息依程序予以公开：\n\n"
            + "\n".join(lines)
            + "\n"
        )
        try:
            api.portal.send_email(
                recipient=email, subject="不予公开信息到期复审提醒", body=body
            )
        except Exception:  # mail host down: report, do not lose the others
            logger.exception("reassessment reminder to %s failed", email)
            missing += len(records)
            continue
        sent += 1
    return sent, missing
