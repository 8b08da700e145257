"""Builders for the 意见征集 / 社会评议 tests."""

from datetime import date
from datetime import datetime
from plone import api
from plone.app.textfield.value import RichTextValue
from tongliao.disclosure.chinatime import CHINA_TZ
from tongliao.disclosure.consultation.browser import views as consultation_views
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


OPEN = date(2026, 11, 1)
CLOSE = date(2026, 11, 30)


def rich(text):
    return RichTextValue(text, "text/plain", "text/html")


def make_consultation(agency, owner="editor", open_date=OPEN, close_date=CLOSE, **kw):
    kw.setdefault("title", "《通辽市政务公开工作规定（征求意见稿）》意见征集")
    with api.env.adopt_user(username=owner):
        return api.content.create(
            container=agency,
            type="PolicyConsultation",
            draft_text=rich("第一条 为了规范政务公开工作，制定本规定。"),
            explanation=rich("起草说明：依据《中华人民共和国政府信息公开条例》。"),
            open_date=open_date,
            close_date=close_date,
            participation="电子邮件：gk@tongliao.example",
            contact="市政务公开办公室 0475-1234567",
            address="通辽市科尔沁区",
            **kw,
        )


def make_feedback(agency, consultation, document=None, owner="editor", groups=()):
    intids = getUtility(IIntIds)
    fields = {
        "consultation": RelationValue(intids.getId(consultation)),
        "text": rich("共收到意见3条。"),
        "groups": list(groups),
    }
    if document is not None:
        fields["resulting_document"] = RelationValue(intids.getId(document))
    with api.env.adopt_user(username=owner):
        return api.content.create(
            container=agency,
            type="ConsultationFeedback",
            title="《通辽市政务公开工作规定》采纳情况反馈",
            **fields,
        )


def at(moment):
    """A china_now replacement: ``moment`` as 'YYYY-MM-DD HH:MM' China time."""
    value = datetime.strptime(moment, "%Y-%m-%d %H:%M").replace(tzinfo=CHINA_TZ)
    return lambda: value


def set_clock(monkeypatch, moment):
    monkeypatch.setattr(consultation_views, "china_now", at(moment))
    monkeypatch.setattr(
        "tongliao.disclosure.consultation.rules.today_in_china",
        lambda: at(moment)().date(),
    )
