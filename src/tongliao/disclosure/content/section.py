"""Alias of :mod:`tongliao.disclosure.platform.section`.

The DisclosureSection FTI used to name this module and the objects already stored
in the ZODB still do; the code lives in the ``platform`` feature package.
"""

from tongliao.disclosure.platform.section import DisclosureSection
from tongliao.disclosure.platform.section import IDisclosureSection


__all__ = ["DisclosureSection", "IDisclosureSection"]
