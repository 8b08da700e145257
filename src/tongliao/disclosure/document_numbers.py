"""One 发文字号 per issuing agency: warned at save, confirmed at approval.

Two documents of the same 发文机关 with the same 发文字号 are almost always a typing
error (or the same document entered twice); rarely they are real (a corrected
reissue). So a duplicate never blocks an author: it is shown when the document
is saved, and the approver must confirm it explicitly before publication.
"""

from Acquisition import aq_base
from plone import api
from Products.statusmessages.interfaces import IStatusMessage
from tongliao.disclosure import _
from zope.globalrequest import getRequest
from zope.i18n import translate


def same_number_documents(obj):
    """Other PolicyDocuments of the same issuing agency with the same 发文字号."""
    number = getattr(aq_base(obj), "document_number", None)
    if not number:
        return []
    # Read the document_number index directly: a catalog search here (in the
    # middle of an add or a review step) processes the pending indexing queue,
    # which left objects half indexed for later searches.
    catalog = api.portal.get_tool("portal_catalog")._catalog
    found = catalog.getIndex("document_number")._index.get(number)
    rids = [found] if isinstance(found, int) else list(found or ())
    issuing = getattr(aq_base(obj), "issuing_agency", None)
    uid = obj.UID()
    return [
        brain
        for brain in (catalog[rid] for rid in rids)
        if brain.portal_type == "PolicyDocument"
        and uid != brain.UID
        and (brain.issuing_agency or None) == (issuing or None)
    ]


def duplicate_message(obj):
    """The translatable warning naming the other documents, or None."""
    others = same_number_documents(obj)
    if not others:
        return None
    return _(
        "The document number ${number} of ${agency} is also used by: ${titles}.",
        mapping={
            "number": obj.document_number,
            "agency": obj.issuing_agency or "",
            "titles": "、".join(f"《{brain.Title}》" for brain in others),
        },
    )


def warn_on_save(obj, event):
    """After an add or edit: tell the author, without blocking the save."""
    message = duplicate_message(obj)
    request = getRequest()
    if message is None or request is None:
        return
    IStatusMessage(request).add(translate(message, context=request), type="warning")
