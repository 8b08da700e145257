"""JSON form of the add-on's annotations, exact in both directions.

Types are kept (PersistentList vs list, tuple, int keys, dates, blobs), so an
imported annotation compares equal to the exported one. Anything else raises
``TypeError``: an unknown stored type must be added here, not silently lost.
"""

from BTrees.OOBTree import OOBTree
from DateTime import DateTime
from datetime import date
from datetime import datetime
from persistent import Persistent
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from plone.namedfile.file import NamedFile
from plone.namedfile.file import NamedImage
from tongliao.disclosure.migration.storage import PREFIX
from zope.annotation.interfaces import IAnnotations

import base64
import importlib


TYPE = "@t"
OWN_MODULES = "tongliao.disclosure."
FILE_CLASSES = {
    cls.__name__: cls for cls in (NamedBlobFile, NamedBlobImage, NamedFile, NamedImage)
}


def encode(value):  # noqa: C901 — one branch per stored type
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, PersistentMapping):
        return {TYPE: "pmapping", "items": _pairs(value)}
    if isinstance(value, OOBTree):
        # Consultation comments, ratings: keyed stores (BTrees scale and merge).
        return {TYPE: "oobtree", "items": _pairs(value)}
    if isinstance(value, dict):
        if all(isinstance(key, str) and key != TYPE for key in value):
            return {key: encode(entry) for key, entry in value.items()}
        return {TYPE: "dict", "items": _pairs(value)}
    if isinstance(value, PersistentList):
        return {TYPE: "plist", "items": [encode(entry) for entry in value]}
    if isinstance(value, list):
        return [encode(entry) for entry in value]
    if isinstance(value, tuple):
        return {TYPE: "tuple", "items": [encode(entry) for entry in value]}
    if isinstance(value, datetime):
        return {TYPE: "datetime", "value": value.isoformat()}
    if isinstance(value, date):
        return {TYPE: "date", "value": value.isoformat()}
    if isinstance(value, DateTime):
        return {TYPE: "DateTime", "value": value.ISO8601()}
    if type(value).__name__ in FILE_CLASSES:
        return {
            TYPE: "file",
            "class": type(value).__name__,
            "filename": value.filename,
            "content_type": value.contentType,
            "data": base64.b64encode(value.data).decode("ascii"),
        }
    if isinstance(value, Persistent) and _own_class(type(value)):
        # The add-on's small persistent objects (index and notice counters).
        return {
            TYPE: "object",
            "class": f"{type(value).__module__}.{type(value).__qualname__}",
            "state": encode(dict(value.__getstate__())),
        }
    raise TypeError(f"Cannot export a stored {type(value).__name__}")


def _own_class(cls):
    return cls.__module__.startswith(OWN_MODULES)


def _pairs(mapping):
    return [[encode(key), encode(entry)] for key, entry in mapping.items()]


def decode(value):  # noqa: C901
    if isinstance(value, list):
        return [decode(entry) for entry in value]
    if not isinstance(value, dict):
        return value
    kind = value.get(TYPE)
    if kind is None:
        return {key: decode(entry) for key, entry in value.items()}
    if kind == "pmapping":
        return PersistentMapping(_unpairs(value["items"]))
    if kind == "dict":
        return dict(_unpairs(value["items"]))
    if kind == "oobtree":
        return OOBTree(_unpairs(value["items"]))
    if kind == "plist":
        return PersistentList(decode(entry) for entry in value["items"])
    if kind == "tuple":
        return tuple(decode(entry) for entry in value["items"])
    if kind == "datetime":
        return datetime.fromisoformat(value["value"])
    if kind == "date":
        return date.fromisoformat(value["value"])
    if kind == "DateTime":
        return DateTime(value["value"])
    if kind == "file":
        return FILE_CLASSES[value["class"]](
            data=base64.b64decode(value["data"]),
            filename=value["filename"],
            contentType=value["content_type"],
        )
    if kind == "object":
        module, _dot, name = value["class"].rpartition(".")
        if not module.startswith(OWN_MODULES):
            raise TypeError(f"Refusing to create a {value['class']}")
        cls = getattr(importlib.import_module(module), name)
        obj = cls.__new__(cls)
        obj.__setstate__(decode(value["state"]))
        return obj
    raise TypeError(f"Unknown exported type {kind!r}")


def _unpairs(pairs):
    return [(decode(key), decode(entry)) for key, entry in pairs]


def export_annotations(obj, exclude=()):
    """{key: encoded value} of ``obj``'s tongliao.disclosure annotations."""
    annotations = IAnnotations(obj, None)
    if annotations is None:
        return {}
    return {
        key: encode(annotations[key])
        for key in sorted(annotations.keys())
        if isinstance(key, str) and key.startswith(PREFIX) and key not in exclude
    }


def import_annotations(obj, data):
    """Replace ``obj``'s annotations named in ``data`` with the decoded values."""
    annotations = IAnnotations(obj)
    for key, value in data.items():
        annotations[key] = decode(value)
