"""A Mongolian title for agencies, sections, guides and documents (behavior).

A Mongolian page shows it in place of the Chinese title; where an agency has
not provided one the Chinese original is shown, tagged ``lang="zh-CN"`` and
marked (see :func:`tongliao.disclosure.bilingual.localized_title`).
"""

from Acquisition import aq_base
from plone.autoform.interfaces import IFormFieldProvider
from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer
from plone.supermodel import model
from tongliao.disclosure import _
from tongliao.disclosure.bilingual import current_language
from tongliao.disclosure.bilingual import FALLBACK_MARK
from tongliao.disclosure.bilingual import localized_title
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IMongolianTitle(model.Schema):
    title_mn = schema.TextLine(
        title=_("Title in Mongolian"),
        description=_(
            "In traditional Mongolian script. Shown on the Mongolian pages; "
            "without it they show the Chinese title, marked as such."
        ),
        required=False,
        max_length=500,
    )


def title_mn(obj):
    """The Mongolian title of an object or catalog brain, or "" (its own: an
    interpretation does not acquire its agency's)."""
    value = getattr(aq_base(obj), "title_mn", None)
    return value.strip() if isinstance(value, str) else ""


@indexer(IDexterityContent)
def title_mn_indexer(obj):
    """The catalog column: the object's own Mongolian title, never one acquired
    from its agency."""
    value = title_mn(obj)
    if not value:
        raise AttributeError("title_mn")
    return value


def title_parts(chinese, mongolian, request=None):
    """{title, title_lang, fallback_mark} for templates, by the page language."""
    text, tag, fallback = localized_title(chinese, mongolian, current_language(request))
    return {
        "title": text,
        "title_lang": tag,
        "fallback_mark": FALLBACK_MARK if fallback else "",
    }
