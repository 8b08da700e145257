"""The catalogs are the code's: every msgid the code, templates and profiles use
is in the committed .pot and translated in zh_CN, and nothing else is there."""

from i18ndude.catalog import MessageCatalog
from pathlib import Path

import pytest
import shutil
import subprocess
import sys


LOCALES = Path(__file__).resolve().parent.parent / "src/tongliao/disclosure/locales"
SOURCE = LOCALES.parent
POT = LOCALES / "tongliao.disclosure.pot"
CATALOGS = sorted(LOCALES.glob("*/LC_MESSAGES/tongliao.disclosure.po"))
I18NDUDE = Path(sys.executable).parent / "i18ndude"


def msgids(path):
    return {msgid for msgid in MessageCatalog(filename=str(path)) if msgid}


def test_the_catalogs_exist():
    # mn: Mongolian (traditional script), see tests/test_bilingual_catalog.py
    assert {path.parts[-3] for path in CATALOGS} == {"zh_CN", "en", "mn"}


def test_pot_holds_exactly_the_msgids_of_the_code(tmp_path):
    fresh = tmp_path / "fresh.pot"
    subprocess.run(
        [str(I18NDUDE), "rebuild-pot", "--pot", str(fresh), "--create"]
        + ["tongliao.disclosure", str(SOURCE)],
        check=True,
        capture_output=True,
    )
    code, committed = msgids(fresh), msgids(POT)
    assert sorted(code - committed) == [], (
        "used in the code, not in the .pot: make i18n"
    )
    assert sorted(committed - code) == [], "in the .pot, no longer used: make i18n"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_catalog_has_the_msgids_of_the_pot(path):
    assert msgids(path) == msgids(POT)


def test_zh_cn_translates_every_msgid():
    zh = MessageCatalog(
        filename=str(LOCALES / "zh_CN/LC_MESSAGES/tongliao.disclosure.po")
    )
    missing = sorted(m for m, entry in zh.items() if m and not entry.msgstr.strip())
    assert missing == [], "translate with scripts/translate.py"


def test_no_msgid_with_a_raw_newline():
    # i18ndude writes such msgids unescaped into the .pot, which then does not
    # parse: the msgid line has no closing quote (the parser skips the entry,
    # so look at the lines themselves).
    assert [m for m in msgids(POT) if "\n" in m] == []
    broken = [
        line
        for line in POT.read_text(encoding="utf-8").splitlines()
        if line.startswith('msgid "') and not line.rstrip().endswith('"')
    ]
    assert broken == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext not installed")
@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_msgfmt_check(path, tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check-format", "-o", str(tmp_path / "out.mo"), str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "msgid,chinese",
    [("Pending secrecy review", "待保密审查"), ("Awaiting correction", "待补正")],
)
def test_workflow_titles_translated_in_plone_domain(portal, msgid, chinese):
    from zope.i18n import translate

    assert translate(msgid, domain="plone", target_language="zh_CN") == chinese
