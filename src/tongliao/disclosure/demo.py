"""Demo content for a living demo site (profile ``tongliao.disclosure:demo``).

Each feature adds its own example content here; every step is idempotent so the
profile can be re-applied on an existing site.
"""

from plone import api
from tongliao.disclosure import logger


def create_demo_content(portal):
    """Create (once) the example content of every feature."""
    steps = []
    for step in steps:
        step(portal)
    logger.info("Demo content ready (%d steps)", len(steps))
    return api.portal.get()
