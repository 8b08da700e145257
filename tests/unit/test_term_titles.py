"""Vocabulary token → title: one helper for views, listings, exports and REST."""

from tongliao.disclosure.vocabularies import CHANNELS
from tongliao.disclosure.vocabularies import get_vocabulary
from tongliao.disclosure.vocabularies import term_title
from tongliao.disclosure.vocabularies import term_titles
from tongliao.disclosure.vocabularies import VALIDITY

import pytest


@pytest.mark.parametrize(
    "token,title",
    [("repealed", "废止"), ("valid", "有效"), ("", ""), (None, ""), ("gone", "gone")],
)
def test_term_title(token, title):
    assert term_title(VALIDITY, token) == title


def test_term_titles_joined_with_the_list_comma():
    tokens = [term.token for term in get_vocabulary(CHANNELS)][:2]
    titles = term_titles(CHANNELS, tokens)
    assert titles.count("、") == 1
    assert term_titles(CHANNELS, tokens, " / ").count(" / ") == 1
    assert term_titles(CHANNELS, None) == ""
