"""Alias of :mod:`tongliao.disclosure.reports.content`.

The AnnualReport FTI used to name this module and the reports already stored in
the ZODB still do; the code lives in the ``reports`` feature package.
"""

from tongliao.disclosure.reports.content import AnnualReport
from tongliao.disclosure.reports.content import IAnnualReport


__all__ = ["AnnualReport", "IAnnualReport"]
