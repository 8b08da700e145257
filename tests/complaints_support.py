"""Shared pieces of the complaint and message tests: staff, a complaint."""

from .review_support import make_agency
from .review_support import make_users
from plone import api
from tongliao.disclosure.complaints.workflow import file_complaint
from tongliao.disclosure.messages.workflow import file_message


COMPLAINANT = {
    "category": "application_unanswered",
    "details": "我于2026年8月申请公开供热价格文件，至今未获答复。",
    "complainant_name": "李举报",
    "phone": "13912345678",
    "email": "li.jubao@example.org",
    "address": "通辽市科尔沁区明仁大街8号",
}
WRITER = {
    "title": "如何查询本机关的政府信息公开指南",
    "question": "请问贵机关的政府信息公开指南在哪里可以查到？",
    "writer_name": "王留言",
    "phone": "13700001234",
    "email": "wang.liuyan@example.org",
    "publication_consent": True,
}
# Personal values that must never reach the public.
SECRETS = (
    "李举报",
    "13912345678",
    "5678",
    "li.jubao@example.org",
    "明仁大街",
    "至今未获答复",
    "王留言",
    "13700001234",
    "wang.liuyan@example.org",
)

# userid -> (full name, group) in addition to review_support.USERS.
STAFF = {
    "handler": ("冯督办", "complaint_handlers"),
    "handler2": ("陈督办", "complaint_handlers"),
    "cityoffice": ("褚市政务公开办", None),
    "agencystaff": ("卫本机关", None),
}


def make_staff(portal):
    """The review users plus complaint handlers; ``agencystaff`` is staff of
    the agency (local roles) and a member of the group routed to it."""
    make_users(portal)
    make_users(portal, STAFF)
    for group_id in ("city_office", "agency_own_office"):
        if api.group.get(groupname=group_id) is None:
            api.group.create(groupname=group_id, title=group_id)
    api.group.add_user(groupname="city_office", username="cityoffice")
    api.group.add_user(groupname="agency_own_office", username="agencystaff")


def complaint(portal, **override):
    agency = make_agency(portal)
    return file_complaint(agency, **{**COMPLAINANT, **override})


def message(portal, **override):
    agency = make_agency(portal)
    return file_message(agency, **{**WRITER, **override})
