"""Content ids chosen before creation.

``api.content.create(safe_id=True)`` creates the object under a temporary uuid
and renames it; when a catalog search flushes the indexing queue in between,
the catalog logs an error for the temporary path. Choosing a free id first
avoids the rename.
"""


def free_id(container, wanted):
    """``wanted``, or ``wanted-1``, ``wanted-2`` …: the first free in ``container``."""
    candidate, number = wanted, 0
    while candidate in container.objectIds():
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate
