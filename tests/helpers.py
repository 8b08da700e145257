"""Small helpers shared by the functional tests."""

from datetime import date
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from tongliao.disclosure.review.staging import review_to

import base64
import re


def authenticator(html):
    """The plone.protect CSRF token of the first form on a page."""
    match = re.search(r'<input[^>]*name="_authenticator"[^>]*value="([^"]+)"', html)
    if match is None:
        match = re.search(r'<input[^>]*value="([^"]+)"[^>]*name="_authenticator"', html)
    assert match, "no _authenticator on the page"
    return match.group(1)


def make_documents(container, rows, issuing_agency="通辽市人民政府办公室"):
    """PolicyDocuments from rows (id, title, number, kind, subject, validity,
    date written, 发布日期 "YYYY/MM/DD" or None to leave it unpublished)."""
    docs = {}
    for doc_id, title, number, kind, subject, validity, written, published in rows:
        doc = api.content.create(
            container=container,
            type="PolicyDocument",
            id=doc_id,
            title=title,
            document_number=number,
            document_kind=kind,
            subject_category=subject,
            validity=validity,
            date_written=written,
            issuing_agency=issuing_agency,
        )
        if published:
            doc.setEffectiveDate(f"{published} 09:00 GMT+8")
            review_to(doc, "published")
        docs[doc_id] = doc
    return docs


AGENCY = {
    "id": "agency",
    "title": "通辽市人民政府办公室",
    "credit_code": "1115050001147000MT",
}

# Rows for make_documents: two published notices and one unpublished draft.
DOCUMENTS = [
    ("d1", "关于做好政务公开工作的通知", "通政发〔2021〕1号", "notice", "02.01",
     "valid", date(2021, 1, 4), "2021/01/05"),
    ("d2", "关于印发实施方案的通知", "通政发〔2021〕2号", "notice", "02.01",
     "valid", date(2021, 2, 1), "2021/02/03"),
    ("draft", "尚未发布的通知", "通政发〔2021〕3号", "notice", "02.01",
     "valid", date(2021, 3, 1), None),
]  # fmt: skip


def make_agency(container, documents=(), published=True, **fields):
    """A DisclosureAgency (``AGENCY`` unless ``fields`` say otherwise), published
    unless told, with PolicyDocuments from ``documents`` rows (see
    make_documents; pass ``DOCUMENTS`` for a ready set). The current user owns
    it (with the Manager role while building it), the site owner when nobody is
    logged in; ownership matters: owners keep seeing drafts below it."""
    values = {**AGENCY, **fields}
    if api.user.is_anonymous():
        builder = api.env.adopt_user(SITE_OWNER_NAME)
    else:
        builder = api.env.adopt_roles(["Manager"])
    with builder:
        agency = api.content.create(
            container=container, type="DisclosureAgency", **values
        )
        if published:
            api.content.transition(agency, to_state="published")
        if documents:
            make_documents(agency, documents, issuing_agency=values["title"])
    return agency


# The catalogue tests' documents; SECRET is the title of the unpublished one.
CATALOGUE_DOCUMENTS = [
    ("d1", "关于推广政务公开标准的通知", "通政公办字〔2021〕1号", "notice", "02.01",
     "valid", date(2021, 7, 15), "2021/07/20"),
    ("d2", "关于加强信访工作的意见", "通政办发〔2021〕5号", "opinion", "02.07",
     "valid", date(2021, 3, 1), "2021/03/05"),
    ("d3", "通辽市应急管理办法", "通政办发〔2020〕9号", "notice", "02.03",
     "repealed", date(2020, 6, 1), "2020/06/10"),
    ("secret", "未发布的秘密草稿通知", "通政办发〔2021〕99号", "notice", "02.01",
     "valid", date(2021, 9, 1), None),
]  # fmt: skip
SECRET = "未发布的秘密草稿通知"


# A 1×1 PNG for Image fields.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
    "hKmMIQAAAABJRU5ErkJggg=="
)


def rel(obj):
    """``obj``'s path below the site, for the functional sessions' relative URLs."""
    return "/".join(obj.getPhysicalPath()[2:])
