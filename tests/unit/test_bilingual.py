"""蒙汉双语, the pure parts: language tags, the Chinese fallback, Mongolian
dates, the html lang rewrite, suffix spacing, vocabulary titles in Mongolian."""

from datetime import date
from datetime import datetime
from datetime import UTC
from tongliao.disclosure.bilingual import FALLBACK_MARK
from tongliao.disclosure.bilingual import lang_tag
from tongliao.disclosure.bilingual import localized_title
from tongliao.disclosure.bilingual.browser.transform import retag
from tongliao.disclosure.bilingual.dates import date_text
from tongliao.disclosure.bilingual.dates import mongolian_date
from tongliao.disclosure.bilingual.glossary import glossary
from tongliao.disclosure.bilingual.glossary import inconsistencies
from tongliao.disclosure.bilingual.glossary import is_mongolian_text
from tongliao.disclosure.bilingual.glossary import suffixes_joined
from tongliao.disclosure.bilingual.vocabulary import localize_facets
from tongliao.disclosure.bilingual.vocabulary import localize_widget_terms
from tongliao.disclosure.bilingual.vocabulary import localized_term
from tongliao.disclosure.vocabularies import APPLICANT_TYPES
from tongliao.disclosure.vocabularies import DISCLOSURE_ATTRIBUTES
from tongliao.disclosure.vocabularies import DOCUMENT_KINDS
from tongliao.disclosure.vocabularies import get_vocabulary
from tongliao.disclosure.vocabularies import INTERPRETATION_FORMS
from tongliao.disclosure.vocabularies import OBTAIN_METHODS
from tongliao.disclosure.vocabularies import PROVISION_FORMS
from tongliao.disclosure.vocabularies import SUBJECT_CATEGORIES
from tongliao.disclosure.vocabularies import subject_tree
from tongliao.disclosure.vocabularies import term_title
from tongliao.disclosure.vocabularies import VALIDITY
from tongliao.disclosure.vocabularies import vocabulary_title_mn
from types import SimpleNamespace
from z3c.form.term import ChoiceTermsVocabulary

import pytest


@pytest.mark.parametrize(
    "code,tag",
    [("mn", "mn-Mong-CN"), ("zh-cn", "zh-CN"), ("ZH-CN", "zh-CN"), ("en", "en"),
     ("en-us", "en-US"), ("", "")],
)  # fmt: skip
def test_lang_tag(code, tag):
    assert lang_tag(code) == tag


def test_localized_title():
    assert localized_title("通知", "ᠮᠡᠳᠡᠭᠳᠡᠯ", "mn") == ("ᠮᠡᠳᠡᠭᠳᠡᠯ", None, False)
    # No Mongolian title: the Chinese original, tagged, to be marked.
    assert localized_title("通知", "", "mn") == ("通知", "zh-CN", True)
    assert localized_title("通知", "  ", "mn") == ("通知", "zh-CN", True)
    assert localized_title("通知", None, "mn") == ("通知", "zh-CN", True)
    # Chinese pages show the Chinese title whatever the Mongolian one.
    assert localized_title("通知", "ᠮᠡᠳᠡᠭᠳᠡᠯ", "zh-cn") == ("通知", None, False)
    assert localized_title("", "", "mn") == ("", "zh-CN", False)
    assert is_mongolian_text(FALLBACK_MARK)


@pytest.mark.parametrize(
    "value,text",
    [
        (date(2026, 3, 5), "2026 ᠣᠨ 3 ᠰᠠᠷ᠎ᠠ 5 ᠡᠳᠦᠷ"),
        (date(2021, 10, 1), "2021 ᠣᠨ 10 ᠰᠠᠷ᠎ᠠ 1 ᠡᠳᠦᠷ"),
        # UTC evening is the next day in China.
        (datetime(2026, 1, 31, 17, 0, tzinfo=UTC), "2026 ᠣᠨ 2 ᠰᠠᠷ᠎ᠠ 1 ᠡᠳᠦᠷ"),
        (None, ""),
    ],
)
def test_mongolian_date(value, text):
    assert mongolian_date(value) == text


def test_date_text_follows_the_language():
    day = date(2021, 3, 5)
    assert date_text(day, "mn") == "2021 ᠣᠨ 3 ᠰᠠᠷ᠎ᠠ 5 ᠡᠳᠦᠷ"
    assert date_text(day, "zh-cn") == "2021年3月5日"
    assert date_text(day) == "2021年3月5日"  # no request: Chinese


def test_retag_rewrites_only_the_html_element():
    html = '<!DOCTYPE html>\n<html class="h-100" lang="mn"><body><p lang="mn">x</p>'
    assert retag(html, "mn-Mong-CN") == (
        '<!DOCTYPE html>\n<html class="h-100" lang="mn-Mong-CN">'
        '<body><p lang="mn">x</p>'
    )
    assert retag("<p>no html element</p>", "zh-CN") == "<p>no html element</p>"


def test_suffixes_are_joined_with_a_narrow_no_break_space():
    assert suffixes_joined("ᠪᠢᠴᠢᠭ ᠤᠨ ᠳ᠋ᠤᠭᠠᠷ") == "ᠪᠢᠴᠢᠭ\u202fᠤᠨ ᠳ᠋ᠤᠭᠠᠷ"
    assert suffixes_joined("ᠤᠨ ᠪᠢᠴᠢᠭ") == "ᠤᠨ ᠪᠢᠴᠢᠭ"  # a word, not a suffix
    assert suffixes_joined(suffixes_joined("ᠭᠠᠵᠠᠷ ᠤᠨ")) == "ᠭᠠᠵᠠᠷ\u202fᠤᠨ"


def test_glossary_is_well_formed():
    terms = glossary()
    assert len(terms) >= 15
    assert len({t["zh"] for t in terms}) == len(terms)
    for term in terms:
        assert term["zh"] and term["latin"] and term["note"]
        assert is_mongolian_text(term["mn"]), term
        assert term["stem"] in term["mn"], term


def test_inconsistencies_are_found():
    assert inconsistencies([("索引号", "ᠡᠷᠢᠯᠲᠡ ᠶᠢᠨ ᠳ᠋ᠤᠭᠠᠷ")]) == []
    assert inconsistencies([("索引号", "ᠳ᠋ᠤᠭᠠᠷ")]) == [("索引号", "ᠳ᠋ᠤᠭᠠᠷ", "索引号")]
    # The stem of 公开 is enough in an inflected form.
    assert inconsistencies([("已公开", "ᠢᠯᠡ ᠪᠣᠯᠭᠠᠭᠰᠠᠨ")]) == []


PUBLIC_VOCABULARIES = [
    DOCUMENT_KINDS,
    VALIDITY,
    DISCLOSURE_ATTRIBUTES,
    SUBJECT_CATEGORIES,
    # the online application form's option lists, the interpretation page
    APPLICANT_TYPES,
    PROVISION_FORMS,
    OBTAIN_METHODS,
    INTERPRETATION_FORMS,
]


@pytest.mark.parametrize("name", PUBLIC_VOCABULARIES)
def test_public_vocabularies_have_mongolian_titles(name):
    assert is_mongolian_text(vocabulary_title_mn(name) or "ᠠ")
    tokens = (
        [c["token"] for c in subject_tree()]
        if name == SUBJECT_CATEGORIES
        else [term.token for term in get_vocabulary(name)]
    )
    for token in tokens:
        title = term_title(name, token, language="mn")
        assert is_mongolian_text(title), (name, token)
        # Chinese stays the default.
        assert not is_mongolian_text(term_title(name, token))


def test_vocabulary_titles_use_the_glossary():
    pairs = [(term_title(VALIDITY, "valid"), term_title(VALIDITY, "valid", "mn"))]
    for name in PUBLIC_VOCABULARIES:
        if name == SUBJECT_CATEGORIES:
            continue
        for term in get_vocabulary(name):
            pairs.append((term.title, term_title(name, term.token, "mn")))
    pairs += [(c["title"], c["title_mn"]) for c in subject_tree()]
    assert inconsistencies(pairs) == []


def test_second_level_subjects_fall_back_to_chinese_tagged():
    assert localized_term(SUBJECT_CATEGORIES, "02", "mn")[1] is None
    title, tag = localized_term(SUBJECT_CATEGORIES, "02.01", "mn")
    assert tag == "zh-CN" and "政务公开" in title
    assert localized_term(VALIDITY, "valid", "zh-cn") == ("有效", None)


def test_localize_facets():
    facets = {
        "subject": [
            {"value": "02", "title": "综合政务", "count": 2,
             "children": [{"value": "02.01", "title": "政务公开", "count": 2}]}
        ],
        "agency": [{"value": "通辽市人民政府办公室", "title": "通辽市人民政府办公室"}],
        "kind": [{"value": "notice", "title": "通知"}],
        "year": [{"value": 2021, "title": "2021"}],
    }  # fmt: skip
    assert localize_facets(facets, "zh-cn") is facets
    mn = localize_facets(facets, "mn")
    assert is_mongolian_text(mn["subject"][0]["title"])
    assert mn["subject"][0]["lang"] is None
    assert mn["subject"][0]["children"][0] == {
        "value": "02.01", "title": "政务公开", "count": 2, "lang": "zh-CN"
    }  # fmt: skip
    assert mn["agency"][0]["lang"] == "zh-CN"
    assert mn["kind"][0]["title"] == term_title(DOCUMENT_KINDS, "notice", "mn")
    assert mn["year"][0] == {"value": 2021, "title": "2021", "lang": None}
    assert facets["kind"][0]["title"] == "通知"  # not modified


def test_a_select_widgets_options_in_mongolian():
    """The apply form's option lists: Mongolian titles on a Mongolian page, the
    same tokens and values; the shared (cached) vocabulary stays Chinese."""
    vocabulary = get_vocabulary(APPLICANT_TYPES)
    terms = ChoiceTermsVocabulary(None, None, None, None, vocabulary, None)
    widget = SimpleNamespace(terms=terms)
    localize_widget_terms(widget, APPLICANT_TYPES, "zh-cn")
    assert widget.terms.terms is vocabulary
    localize_widget_terms(widget, APPLICANT_TYPES, "mn")
    assert [t.token for t in widget.terms] == [t.token for t in vocabulary]
    assert all(is_mongolian_text(t.title) for t in widget.terms)
    assert widget.terms.getValue("business") == "business"
    assert get_vocabulary(APPLICANT_TYPES).getTerm("business").title == "商业企业"
