"""Alias of :mod:`tongliao.disclosure.policy.document`.

The PolicyDocument FTI used to name this module and the objects already stored in
the ZODB still do; the code lives in the ``policy`` feature package.
"""

from tongliao.disclosure.policy.document import IPolicyDocument
from tongliao.disclosure.policy.document import PolicyDocument


__all__ = ["IPolicyDocument", "PolicyDocument"]
