"""Vocabularies of tongliao.disclosure, read from the JSON files in ``data/``.

Tokens are stable ASCII identifiers and titles are the Chinese labels; a token
never changes once content uses it. Each data file is read once and every
vocabulary is built once (both cached); the factories registered as named
``IVocabularyFactory`` utilities in ``configure.zcml`` return the cached object.

Besides token and title, a term may carry extra data (the outcome group and
legal basis, the art. 31 receipt rule of a channel, aliases for imports …):
read it with :func:`term_data`.

Subject categories (主题分类) use positional codes frozen in the data file:
"02" for 综合政务 and "02.01" for 综合政务 / 政务公开. The first category, the
agency list (国务院组织机构, "01"), lives in ``data/subject_agency_category.json``
so a city can replace it with its own list; see :func:`subject_tree`.
"""

from copy import deepcopy
from functools import cache
from pathlib import Path
from zope.interface import implementer
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import json
import re


DATA_DIR = Path(__file__).parent / "data"

DOCUMENT_KINDS = "tongliao.disclosure.DocumentKinds"
SUBJECT_CATEGORIES = "tongliao.disclosure.SubjectCategories"
DISCLOSURE_ATTRIBUTES = "tongliao.disclosure.DisclosureAttributes"
VALIDITY = "tongliao.disclosure.Validity"
INTERPRETATION_FORMS = "tongliao.disclosure.InterpretationForms"
FIVE_PUBLICITY = "tongliao.disclosure.FivePublicity"
CHANNELS = "tongliao.disclosure.Channels"
AUDIENCES = "tongliao.disclosure.Audiences"
DISCLOSURE_MODES = "tongliao.disclosure.DisclosureModes"
DIRECTORY_LEVELS = "tongliao.disclosure.DirectoryLevels"
APPLICANT_TYPES = "tongliao.disclosure.ApplicantTypes"
APPLICATION_OUTCOMES = "tongliao.disclosure.ApplicationOutcomes"
APPLICATION_CHANNELS = "tongliao.disclosure.ApplicationChannels"
PROVISION_FORMS = "tongliao.disclosure.ProvisionForms"
OBTAIN_METHODS = "tongliao.disclosure.ObtainMethods"

# Vocabulary name → data file; the subject tree and the outcomes have own builders.
DATA_FILES = {
    DOCUMENT_KINDS: "document_kinds.json",
    SUBJECT_CATEGORIES: "subject_categories.json",
    DISCLOSURE_ATTRIBUTES: "disclosure_attributes.json",
    VALIDITY: "validity.json",
    INTERPRETATION_FORMS: "interpretation_forms.json",
    FIVE_PUBLICITY: "five_publicity.json",
    CHANNELS: "channels.json",
    AUDIENCES: "audiences.json",
    DISCLOSURE_MODES: "disclosure_modes.json",
    DIRECTORY_LEVELS: "directory_levels.json",
    APPLICANT_TYPES: "applicant_types.json",
    APPLICATION_OUTCOMES: "application_outcomes.json",
    APPLICATION_CHANNELS: "application_channels.json",
    PROVISION_FORMS: "provision_forms.json",
    OBTAIN_METHODS: "obtain_methods.json",
}
AGENCY_CATEGORY_FILE = "subject_agency_category.json"
ANNUAL_REPORT_2021_FILE = "annual_report_2021.json"

SUBJECT_TITLE_SEPARATOR = " / "
TOKEN_RE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)?$")


@cache
def load_data(filename):
    """Parsed content of ``data/<filename>``, read once (do not mutate it)."""
    with (DATA_DIR / filename).open(encoding="utf-8") as data_file:
        return json.load(data_file)


# Subject tree ------------------------------------------------------------------


def _check_tree(tree):
    tokens = set()
    for category in tree:
        for node in (category, *category.get("children", ())):
            if not TOKEN_RE.match(node["token"]) or node["token"] in tokens:
                raise ValueError(f"bad or duplicate subject token {node['token']!r}")
            tokens.add(node["token"])
        for child in category.get("children", ()):
            if not child["token"].startswith(category["token"] + "."):
                raise ValueError(f"{child['token']!r} is not under {category['token']}")


def subject_tree(agency_category=None):
    """The two-level 主题分类 tree as a list of {token, title, children}.

    ``agency_category`` replaces the first category, the agency list (a dict
    {token, title, children: [{token, title}]}); by default it is read from
    ``data/subject_agency_category.json``. A city replacing the national list
    gives its category its own token (e.g. "tl", children "tl.01" …) so that
    documents classified under "01.*" do not silently change meaning. Returns
    a fresh copy the caller may modify.
    """
    if agency_category is None:
        agency_category = load_data(AGENCY_CATEGORY_FILE)["category"]
    categories = load_data(DATA_FILES[SUBJECT_CATEGORIES])["categories"]
    tree = deepcopy([agency_category, *categories])
    for category in tree:
        category.setdefault("children", [])
    _check_tree(tree)
    return tree


def build_subject_vocabulary(tree):
    """Terms for every category and child; a child's title is "parent / child"."""
    terms = []
    for category in tree:
        terms.append(
            SimpleTerm(category["token"], category["token"], category["title"])
        )
        for child in category["children"]:
            title = category["title"] + SUBJECT_TITLE_SEPARATOR + child["title"]
            terms.append(SimpleTerm(child["token"], child["token"], title))
    return SimpleVocabulary(terms)


def subject_parent(token):
    """Token of the top category of a subject token ("02.01" → "02")."""
    return token.split(".", 1)[0]


# Generic vocabularies ------------------------------------------------------------


def _terms_of(name):
    """Term dicts of a vocabulary with a composed ``title`` for each."""
    data = load_data(DATA_FILES[name])
    if name == APPLICATION_OUTCOMES:
        groups = {group["token"]: group["label"] for group in data["groups"]}
        terms = []
        for term in data["terms"]:
            group_label = groups[term["group"]]
            title = term["label"]
            if title != group_label:
                title = group_label + SUBJECT_TITLE_SEPARATOR + title
            terms.append({**term, "title": title, "group_label": group_label})
        return terms
    if name == SUBJECT_CATEGORIES:
        return [
            {"token": term.token, "title": term.title}
            for term in build_subject_vocabulary(subject_tree())
        ]
    return data["terms"]


@cache
def _term_index(name):
    return {term["token"]: term for term in _terms_of(name)}


@cache
def get_vocabulary(name):
    """The cached SimpleVocabulary registered under ``name``."""
    if name == SUBJECT_CATEGORIES:
        return build_subject_vocabulary(subject_tree())
    return SimpleVocabulary(
        [
            SimpleTerm(term["token"], term["token"], term["title"])
            for term in _terms_of(name)
        ]
    )


def mongolian_term_title(name, token):
    """The Mongolian title (``title_mn`` in the data file) of ``token``, or None.

    Only the public vocabularies carry one (公文种类, 主题分类 top level, 有效性,
    公开属性, the online form's 申请人类型, 提供形式, 获取方式, and 解读形式); a
    subject's second level has none (its Chinese title is shown).
    """
    if name == SUBJECT_CATEGORIES:
        for category in subject_tree():
            if category["token"] == token:
                return category.get("title_mn") or None
        return None
    if name not in DATA_FILES:
        return None
    term = _term_index(name).get(token)
    return (term or {}).get("title_mn") or None


def vocabulary_title_mn(name):
    """The Mongolian title of the vocabulary itself (e.g. 有效性), or None."""
    if name not in DATA_FILES:
        return None
    return load_data(DATA_FILES[name]).get("title_mn") or None


def term_title(name, token, language=None):
    """The title of ``token`` in vocabulary ``name``: "" for no token, the token
    itself for one the vocabulary does not know (data kept from an older list).

    ``language="mn"`` gives the Mongolian title where the data file has one
    (the Chinese title otherwise; bilingual.vocabulary tags it for the page).
    """
    if not token:
        return ""
    if language == "mn":
        mongolian = mongolian_term_title(name, token)
        if mongolian:
            return mongolian
    try:
        return get_vocabulary(name).getTerm(token).title
    except LookupError:
        return str(token)


def term_titles(name, tokens, separator="、"):
    """The titles of ``tokens`` joined by ``separator`` (the Chinese list comma)."""
    return separator.join(term_title(name, token) for token in tokens or ())


def term_data(name, token):
    """All data of one term (title, and extras such as group or basis), a copy.

    Raises LookupError for an unknown token.
    """
    try:
        return deepcopy(_term_index(name)[token])
    except KeyError:
        raise LookupError(f"{token!r} is not a term of {name}") from None


def find_token(name, label):
    """Token whose title, exact label or alias is ``label`` (for imports), or None."""
    label = (label or "").strip()
    for term in _term_index(name).values():
        if label in (term["title"], term.get("label"), *term.get("aliases", ())):
            return term["token"]
    return None


# Application outcomes (table 3) ----------------------------------------------------


def outcome_groups():
    """The six outcome groups of table 3 in order, as [{token, label}]."""
    return deepcopy(load_data(DATA_FILES[APPLICATION_OUTCOMES])["groups"])


def application_outcome(token):
    """Data of one outcome: token, label, group, group_label, basis, title."""
    return term_data(APPLICATION_OUTCOMES, token)


# Annual report -------------------------------------------------------------------


def annual_report_layout():
    """Sections and tables 2/3/4 of the 2021 national annual-report format.

    Labels are the exact form labels; keys are stable ASCII identifiers.
    Returns a fresh copy.
    """
    return deepcopy(load_data(ANNUAL_REPORT_2021_FILE))


# Factories -----------------------------------------------------------------------


@implementer(IVocabularyFactory)
class DataVocabularyFactory:
    """Factory of a data-file vocabulary; every call returns the cached object."""

    def __init__(self, name):
        self.name = name

    def __call__(self, context=None):
        return get_vocabulary(self.name)

    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"


DocumentKindsFactory = DataVocabularyFactory(DOCUMENT_KINDS)
SubjectCategoriesFactory = DataVocabularyFactory(SUBJECT_CATEGORIES)
DisclosureAttributesFactory = DataVocabularyFactory(DISCLOSURE_ATTRIBUTES)
ValidityFactory = DataVocabularyFactory(VALIDITY)
InterpretationFormsFactory = DataVocabularyFactory(INTERPRETATION_FORMS)
FivePublicityFactory = DataVocabularyFactory(FIVE_PUBLICITY)
ChannelsFactory = DataVocabularyFactory(CHANNELS)
AudiencesFactory = DataVocabularyFactory(AUDIENCES)
DisclosureModesFactory = DataVocabularyFactory(DISCLOSURE_MODES)
DirectoryLevelsFactory = DataVocabularyFactory(DIRECTORY_LEVELS)
ApplicantTypesFactory = DataVocabularyFactory(APPLICANT_TYPES)
ApplicationOutcomesFactory = DataVocabularyFactory(APPLICATION_OUTCOMES)
ApplicationChannelsFactory = DataVocabularyFactory(APPLICATION_CHANNELS)
ProvisionFormsFactory = DataVocabularyFactory(PROVISION_FORMS)
ObtainMethodsFactory = DataVocabularyFactory(OBTAIN_METHODS)
