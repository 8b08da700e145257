"""Small helpers shared by the functional tests."""

from plone import api
from tongliao.disclosure.review.staging import review_to

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
