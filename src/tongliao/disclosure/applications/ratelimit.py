"""Old import path of :mod:`tongliao.disclosure.ratelimit` (shared by every
public form since complaints and messages)."""

from tongliao.disclosure.ratelimit import allow_apply  # noqa: F401
from tongliao.disclosure.ratelimit import allow_lookup  # noqa: F401
from tongliao.disclosure.ratelimit import APPLY_LIMITED  # noqa: F401
from tongliao.disclosure.ratelimit import client_ip  # noqa: F401
from tongliao.disclosure.ratelimit import count_apply  # noqa: F401
from tongliao.disclosure.ratelimit import hit  # noqa: F401
from tongliao.disclosure.ratelimit import LOOKUP_LIMITED  # noqa: F401
from tongliao.disclosure.ratelimit import reset  # noqa: F401
