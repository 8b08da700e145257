"""Alias of :mod:`tongliao.disclosure.directory.content`.

The StandardDirectory, DirectoryCategory and DirectoryItem FTIs used to name this
module and the objects already stored in the ZODB still do; the code lives in the
``directory`` feature package.
"""

from tongliao.disclosure.directory.content import DirectoryCategory
from tongliao.disclosure.directory.content import DirectoryItem
from tongliao.disclosure.directory.content import IDirectoryCategory
from tongliao.disclosure.directory.content import IDirectoryItem
from tongliao.disclosure.directory.content import IStandardDirectory
from tongliao.disclosure.directory.content import StandardDirectory


__all__ = [
    "DirectoryCategory",
    "DirectoryItem",
    "IDirectoryCategory",
    "IDirectoryItem",
    "IStandardDirectory",
    "StandardDirectory",
]
