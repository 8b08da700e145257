"""Vocabulary titles and catalogue facets in the page's language."""

from tongliao.disclosure.bilingual import CHINESE
from tongliao.disclosure.bilingual import current_language
from tongliao.disclosure.bilingual import LANG_TAGS
from tongliao.disclosure.bilingual import MONGOLIAN
from tongliao.disclosure.vocabularies import DOCUMENT_KINDS
from tongliao.disclosure.vocabularies import mongolian_term_title
from tongliao.disclosure.vocabularies import SUBJECT_CATEGORIES
from tongliao.disclosure.vocabularies import term_title
from tongliao.disclosure.vocabularies import VALIDITY
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def localized_term(name, token, language=None):
    """(title, lang tag or None): the Mongolian title on a Mongolian page, the
    Chinese one tagged ``zh-CN`` where the data file has no Mongolian title."""
    language = language or current_language()
    if language != MONGOLIAN or not token:
        return term_title(name, token), None
    mongolian = mongolian_term_title(name, token)
    if mongolian:
        return mongolian, None
    return term_title(name, token), LANG_TAGS[CHINESE]


def vocabulary_title(name, token, language=None):
    return localized_term(name, token, language)[0]


ZH = LANG_TAGS[CHINESE]
FACET_VOCABULARIES = {"kind": DOCUMENT_KINDS, "validity": VALIDITY}


def localize_facets(facets, language=None):
    """The catalogue facets ({name: [{value, title, …, children}]}) with titles in
    the page's language and a ``lang`` tag on each Chinese one of a Mongolian
    page (agency names, second-level subjects). Returns new dicts."""
    language = language or current_language()
    if language != MONGOLIAN:
        return facets

    def entry(name, item):
        if name == "subject":
            mongolian = mongolian_term_title(SUBJECT_CATEGORIES, item["value"])
            title, tag = (mongolian, None) if mongolian else (item["title"], ZH)
        elif name in FACET_VOCABULARIES:
            vocabulary = FACET_VOCABULARIES[name]
            title, tag = localized_term(vocabulary, item["value"], language)
        elif name == "agency":
            title, tag = item["title"], ZH
        else:
            title, tag = item["title"], None
        localized = {**item, "title": title, "lang": tag}
        if item.get("children"):
            localized["children"] = [entry(name, c) for c in item["children"]]
        return localized

    return {name: [entry(name, i) for i in items] for name, items in facets.items()}


def localize_widget_terms(widget, name, language=None):
    """A z3c.form select widget over vocabulary ``name`` with Mongolian option
    titles on a Mongolian page (same tokens and values, so conversion and
    validation are unchanged; Chinese where the data file has no title_mn)."""
    language = language or current_language()
    terms = getattr(widget, "terms", None)
    vocabulary = getattr(terms, "terms", None)
    if language != MONGOLIAN or vocabulary is None:
        return
    terms.terms = SimpleVocabulary(
        [
            SimpleTerm(
                term.value,
                term.token,
                mongolian_term_title(name, term.token) or term.title,
            )
            for term in vocabulary
        ]
    )
