"""Alias of :mod:`tongliao.disclosure.policy.agency`.

The DisclosureAgency FTI used to name this module and the objects already stored in
the ZODB still do; the code lives in the ``policy`` feature package.
"""

from tongliao.disclosure.policy.agency import DisclosureAgency
from tongliao.disclosure.policy.agency import IDisclosureAgency


__all__ = ["DisclosureAgency", "IDisclosureAgency"]
