"""Catalog indexers the monitors read (as elsewhere, a catch-all says "no value")."""

from plone.indexer import indexer
from tongliao.disclosure.policy.document import IPolicyDocument
from tongliao.disclosure.policy.interpretation import IPolicyInterpretation
from zope.interface import Interface


def _none(obj):
    raise AttributeError


not_ours = indexer(Interface)(_none)


@indexer(IPolicyDocument)
def reassessment_date(obj):
    """ISO date of the art. 18 reassessment, for documents not disclosed only."""
    value = getattr(obj.aq_base, "reassessment_date", None)
    if (
        value is None
        or getattr(obj.aq_base, "disclosure_attribute", None) == "proactive"
    ):
        raise AttributeError("reassessment_date")
    return value.isoformat()


def _iso(name):
    """An indexer of a PolicyDocument's date attribute ``name``, as ISO text."""

    @indexer(IPolicyDocument)
    def index(obj):
        value = getattr(obj.aq_base, name, None)
        if value is None:
            raise AttributeError(name)
        return value.isoformat()

    return index


# Art. 26 "or of its change": the day the information changed, and the day the
# document was last published (set on every publication, review/handlers.py).
date_changed = _iso("date_changed")
last_published = _iso("last_published")


@indexer(IPolicyInterpretation)
def interpreted_uids(obj):
    """UIDs of the documents the interpretation explains."""
    uids = []
    for relation in getattr(obj.aq_base, "interpreted_documents", None) or ():
        target = relation.to_object if not relation.isBroken() else None
        if target is not None:
            uids.append(target.UID())
    if not uids:
        raise AttributeError("interpreted_uids")
    return uids
