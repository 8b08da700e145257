"""先审查、后公开 for every write path: the one rule, enforced in one place.

The rule: a change to what the public sees of a reviewable item — its fields,
its children (attachments, images), its name or place — either goes through the
three review steps or takes the item out of publication:

- an item in one of the review states goes back to ``draft`` (``retract_on_edit``,
  a ``returned`` record);
- a ``published`` item goes to ``withdrawn`` (``withdraw_on_change``, a
  ``withdraw`` record naming who changed what), and is public again only after
  revise → three review steps.

Writes are recognised by the events Zope and Plone send for every channel
(``@@edit``, REST PATCH/POST/DELETE, imports, copy/paste, rename, move, adding or
replacing a file inside the item); writes that send no event are closed by the
workflow's permissions instead (``Manage properties`` is held by no one on a
reviewable item; ``Modify view template`` and CMFEditions' revert only in
draft).

The *governing item* of an object is the object itself when
``disclosure_review_workflow`` is in its chain, or else the nearest container
that has it when the object has no workflow of its own (an attachment).
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from plone.app.workflow.interfaces import ILocalrolesModifiedEvent
from Products.CMFCore.interfaces import ISiteRoot
from tongliao.disclosure import _
from tongliao.disclosure.interfaces import IImportingLayer
from tongliao.disclosure.review.workflow import PENDING_STATES
from tongliao.disclosure.review.workflow import return_to_draft
from tongliao.disclosure.review.workflow import review_state
from tongliao.disclosure.review.workflow import withdraw_after_change
from tongliao.disclosure.review.workflow import WORKFLOW_ID
from zope.container.interfaces import IContainerModifiedEvent
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.lifecycleevent.interfaces import IObjectAddedEvent
from zope.lifecycleevent.interfaces import IObjectRemovedEvent


def _chain(obj):
    try:
        return tuple(api.portal.get_tool("portal_workflow").getChainFor(obj))
    except Exception:  # not in a site (yet): no rule applies
        return ()


def governing_item(obj):
    """The reviewable item whose public face ``obj`` is part of, or None."""
    current = aq_inner(obj)
    while current is not None and not ISiteRoot.providedBy(current):
        if getattr(aq_base(current), "portal_type", None) is None:
            return None
        chain = _chain(current)
        if WORKFLOW_ID in chain:
            return current
        if chain:
            return None  # another workflow governs it
        current = aq_parent(current)
    return None


def _title(obj):
    try:
        return obj.Title() or obj.getId()
    except Exception:
        return getattr(aq_base(obj), "id", "")


def _reason(item, what, changed):
    """The record's opinion: what changed, in the site's language."""
    if changed is None or aq_base(changed) is aq_base(item):
        mapping = {"what": translate(what, context=getRequest())}
        message = _(
            "Changed (${what}) while under review or published.", mapping=mapping
        )
    else:
        mapping = {
            "what": translate(what, context=getRequest()),
            "child": _title(changed),
        }
        message = _(
            "Its content “${child}” changed (${what}) while under review or published.",
            mapping=mapping,
        )
    return translate(message, context=getRequest())


def apply_rule(item, what, changed=None):
    """Take ``item`` out of review or publication after a change; return the record."""
    if IImportingLayer.providedBy(getRequest()):
        return None  # a site import restores states and records as exported
    state = review_state(item)
    if state in PENDING_STATES:
        return return_to_draft(item, _reason(item, what, changed))
    if state == "published":
        return withdraw_after_change(item, _reason(item, what, changed))
    return None


# Event handlers ---------------------------------------------------------------------


def on_modified(obj, event):
    # Sharing changes and child add/remove/reorder events of the container are
    # not edits (a child's own add/remove is handled below, once).
    if ILocalrolesModifiedEvent.providedBy(event) or IContainerModifiedEvent.providedBy(
        event
    ):
        return
    item = governing_item(obj)
    if item is not None:
        apply_rule(item, _("edited"), obj)


def on_moved(obj, event):
    """Add, remove, rename, move, paste: the object's own event only."""
    if event.object is not obj:
        return  # dispatched to the contents of a moved or removed container
    if IObjectAddedEvent.providedBy(event):
        item = governing_item(obj)
        if item is not None and aq_base(item) is not aq_base(obj):
            apply_rule(item, _("content added"), obj)
        return
    if IObjectRemovedEvent.providedBy(event):
        if event.oldParent is not None:
            item = governing_item(event.oldParent)
            if item is not None:
                apply_rule(item, _("content removed"), obj)
        return
    # Renamed or moved.
    item = governing_item(obj)
    if item is not None:
        apply_rule(item, _("renamed or moved"), obj)
    if event.oldParent is not None:
        old = governing_item(event.oldParent)
        if old is not None and (item is None or aq_base(old) is not aq_base(item)):
            apply_rule(old, _("content moved out"), obj)
