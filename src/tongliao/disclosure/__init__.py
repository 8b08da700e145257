"""tongliao.disclosure: a 政务公开 platform for Plone."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "tongliao.disclosure"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
