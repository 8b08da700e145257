"""Append-only records kept in an annotation of an item (review records,
coordination records …).

A record is a plain dict of the log's ``fields``; it is stored as a tuple of
pairs, so no stored record offers a mutating method, and readers get copies.
Nothing here changes or removes a stored record.
"""

from datetime import datetime
from datetime import UTC
from persistent.list import PersistentList
from zope.annotation.interfaces import IAnnotations

import copy


class RecordLog:
    def __init__(self, key, fields):
        self.key = key
        self.fields = tuple(fields)

    def storage(self, obj, create=False):
        annotations = IAnnotations(obj)
        records = annotations.get(self.key)
        if records is None and create:
            records = annotations[self.key] = PersistentList()
        return records

    def get(self, obj):
        """All records of ``obj``, oldest first, as copies."""
        return [copy.deepcopy(dict(record)) for record in (self.storage(obj) or ())]

    def append(self, obj, **data):
        """Store one more record (numbered, timed in UTC) and return a copy;
        unknown keys are refused with ValueError."""
        unknown = set(data) - set(self.fields)
        if unknown:
            raise ValueError(f"Unknown record fields: {sorted(unknown)}")
        records = self.storage(obj, create=True)
        record = dict.fromkeys(self.fields)
        record.update(copy.deepcopy(data))
        record["seq"] = len(records) + 1
        if not record.get("time"):
            record["time"] = datetime.now(UTC).isoformat(timespec="seconds")
        records.append(tuple(record.items()))
        return dict(record)

    def restore(self, obj, records):
        """Import: put exported records on an item that has none (never merges)."""
        if self.storage(obj):
            raise ValueError("The item already has records")
        storage = self.storage(obj, create=True)
        for record in records:
            clean = {name: copy.deepcopy(record.get(name)) for name in self.fields}
            storage.append(tuple(clean.items()))
