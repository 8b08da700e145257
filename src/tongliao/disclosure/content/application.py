"""Alias of :mod:`tongliao.disclosure.applications.content`.

The DisclosureApplication FTI (profiles/default/types) and the objects
already stored in the ZODB name this module; the code lives in the
``applications`` feature package.
"""

from tongliao.disclosure.applications.content import DisclosureApplication
from tongliao.disclosure.applications.content import IDisclosureApplication


__all__ = ["DisclosureApplication", "IDisclosureApplication"]
