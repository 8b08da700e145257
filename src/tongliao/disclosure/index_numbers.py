"""Alias of :mod:`tongliao.disclosure.policy.index_numbers`.

Agencies already stored in the ZODB hold an ``IndexNumberCounter`` annotation
that names this module; the code lives in the ``policy`` feature package.
"""

from tongliao.disclosure.policy.index_numbers import IndexNumberCounter


__all__ = ["IndexNumberCounter"]
