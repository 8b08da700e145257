"""Back-references through the zc.relation catalog, filtered by View permission.

One helper serves the browser views and the REST serializers, so what a visitor
sees listed is the same on every channel.
"""

from AccessControl import getSecurityManager
from plone import api


def back_references(obj, attribute, portal_type=None):
    """Objects whose relation field ``attribute`` points to ``obj``.

    Only sources the current user may View are returned (anonymous never sees an
    unpublished interpretation); broken relations are skipped. Sorted by
    effective date, newest first, then title.
    """
    check = getSecurityManager().checkPermission
    sources = []
    seen = set()
    for relation in api.relation.get(
        target=obj, relationship=attribute, unrestricted=True
    ):
        source = relation.from_object
        if source is None or source.UID() in seen:
            continue
        if portal_type and getattr(source, "portal_type", None) != portal_type:
            continue
        if not check("View", source):
            continue
        seen.add(source.UID())
        sources.append(source)
    sources.sort(key=lambda o: (o.effective_date or o.created(), o.Title()))
    sources.reverse()
    return sources


def forward_references(obj, attribute):
    """Targets of relation field ``attribute`` the current user may View."""
    value = getattr(obj, attribute, None)
    if value is None:
        return []
    relations = value if isinstance(value, list | tuple) else [value]
    return [target for target in map(viewable, relations) if target is not None]


def viewable(relation):
    """The target of ``relation`` when the current user may View it, else None."""
    target = getattr(relation, "to_object", None)
    if target is not None and getSecurityManager().checkPermission("View", target):
        return target
    return None
