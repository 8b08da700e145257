"""Alias of :mod:`tongliao.disclosure.directory.guide_content`.

The DisclosureGuide FTI FTI used to name this module and the objects already stored in
the ZODB still do; the code lives in the ``directory`` feature package.
"""

from tongliao.disclosure.directory.guide_content import DisclosureGuide
from tongliao.disclosure.directory.guide_content import IDisclosureGuide


__all__ = ["DisclosureGuide", "IDisclosureGuide"]
