"""Alias of :mod:`tongliao.disclosure.policy.interpretation`.

The PolicyInterpretation FTI used to name this module and the objects already stored in
the ZODB still do; the code lives in the ``policy`` feature package.
"""

from tongliao.disclosure.policy.interpretation import IPolicyInterpretation
from tongliao.disclosure.policy.interpretation import PolicyInterpretation


__all__ = ["IPolicyInterpretation", "PolicyInterpretation"]
