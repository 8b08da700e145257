"""蒙汉双语: the public platform in Chinese and in traditional Mongolian script.

Plone's own language machinery does the negotiation (``plone.available_languages``
with ``zh-cn`` and ``mn``, cookie negotiation through ``?set_language=``); this
package adds what Plone lacks for Mongolian: BCP 47 tags with the script
(``mn-Mong-CN``), a Chinese fallback marked as such, Mongolian dates, the
glossary of terms and the vertical stylesheet. See docs/bilingual.rst.
"""

from zope.globalrequest import getRequest


MONGOLIAN = "mn"
CHINESE = "zh-cn"

# Plone language code → BCP 47 tag for ``lang`` attributes (script and region).
LANG_TAGS = {MONGOLIAN: "mn-Mong-CN", CHINESE: "zh-CN", "zh": "zh-CN"}

# Shown after a Chinese text standing in for a missing Mongolian one: （汉文）.
FALLBACK_MARK = "(ᠬᠢᠳᠠᠳ ᠪᠢᠴᠢᠭ)"


def lang_tag(code):
    """The BCP 47 tag of a Plone language code: mn → mn-Mong-CN, zh-cn → zh-CN."""
    code = (code or "").lower()
    if code in LANG_TAGS:
        return LANG_TAGS[code]
    if "-" in code:
        language, region = code.split("-", 1)
        return f"{language}-{region.upper()}"
    return code


def current_language(request=None):
    """The negotiated Plone language of ``request`` (default: the current one)."""
    request = request if request is not None else getRequest()
    if request is None:
        return CHINESE
    language = request.get("LANGUAGE", None)
    if not isinstance(language, str) or not language:
        return CHINESE
    return language.lower()


def is_mongolian(request=None):
    return current_language(request) == MONGOLIAN


def localized_title(chinese, mongolian, language):
    """(text, lang tag or None, fallback) for a title shown in ``language``.

    On a Mongolian page the Mongolian title when there is one, else the Chinese
    original tagged ``zh-CN`` with ``fallback`` True (the page shows
    :data:`FALLBACK_MARK` after it); on any other page the Chinese title. The
    tag is None when it is the page's own language.
    """
    if (language or "").lower() != MONGOLIAN:
        return chinese or "", None, False
    if mongolian and mongolian.strip():
        return mongolian.strip(), None, False
    return chinese or "", LANG_TAGS[CHINESE], bool(chinese)
