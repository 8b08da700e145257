"""Administrative reconsideration and litigation about a case (行政复议 /
行政诉讼), and the information-processing fee charged: what the annual
report's table 四 and fee figures are computed from.

A case records each proceeding once (``remedy_filed``) and later its result
(``remedy_decided``). Proceedings are the three blocks of table 四:

* ``review``: 行政复议;
* ``direct``: 行政诉讼, 未经复议直接起诉;
* ``after_review``: 行政诉讼, 复议后起诉 (needs a recorded review).

Results: ``upheld`` 结果维持, ``corrected`` 结果纠正, ``other`` 其他结果; a
proceeding without a result (by the end of the year counted) is 尚未审结.
"""

from tongliao.disclosure import _


PROCEEDINGS = {
    "review": _("Administrative reconsideration"),
    "direct": _("Administrative litigation without prior reconsideration"),
    "after_review": _("Administrative litigation after reconsideration"),
}
RESULTS = {
    "upheld": _("Upheld"),
    "corrected": _("Corrected"),
    "other": _("Other result"),
}
PROCEEDING_TITLES_ZH = {
    "review": "行政复议",
    "direct": "行政诉讼（未经复议直接起诉）",
    "after_review": "行政诉讼（复议后起诉）",
}
RESULT_TITLES_ZH = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果"}
PENDING = "pending"


def proceedings(app):
    """{proceeding: {"filed": date, "organ": str, "decided": date|None,
    "result": str}} of a case, from its events."""
    found = {}
    for event in app.get_events():
        data = event["data"]
        if event["type"] == "remedy_filed":
            found[data["proceeding"]] = {
                "filed": event["date"],
                "organ": data.get("organ", ""),
                "decided": None,
                "result": PENDING,
            }
        elif event["type"] == "remedy_decided" and data["proceeding"] in found:
            found[data["proceeding"]].update(
                decided=event["date"], result=data["result"]
            )
    return found


def catalog_rows(app):
    """Catalog metadata: ((proceeding, filed ISO, decided ISO or "", result), …)."""
    return tuple(
        (
            name,
            item["filed"].isoformat(),
            item["decided"].isoformat() if item["decided"] else "",
            item["result"],
        )
        for name, item in sorted(proceedings(app).items())
    )


def fee_paid(app):
    """(day paid, amount in 元) of the case's information-processing fee, or None."""
    paid = app.last_event("fee_paid")
    sent = app.last_event("fee_notice_sent")
    if paid is None or sent is None:
        return None
    return paid["date"], int(sent["data"].get("amount") or 0)
