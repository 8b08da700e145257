"""The message catalogs compile, hold each msgid once, and zh_CN translates all."""

from pathlib import Path

import pytest
import re
import shutil
import subprocess


LOCALES = Path(__file__).resolve().parent.parent / "src/tongliao/disclosure/locales"
CATALOGS = sorted(LOCALES.glob("*/LC_MESSAGES/tongliao.disclosure.po"))


def entries(path):
    text = path.read_text(encoding="utf-8")
    pattern = r'^msgid "(.*)"\nmsgstr "(.*)"$'
    return re.findall(pattern, text, flags=re.M)


def test_both_catalogs_exist():
    assert {path.parts[-3] for path in CATALOGS} == {"zh_CN", "en"}


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_no_duplicate_msgids(path):
    msgids = [msgid for msgid, _ in entries(path) if msgid]
    duplicates = sorted({m for m in msgids if msgids.count(m) > 1})
    assert duplicates == []


def test_zh_cn_translates_every_msgid():
    zh = LOCALES / "zh_CN/LC_MESSAGES/tongliao.disclosure.po"
    missing = [msgid for msgid, msgstr in entries(zh) if msgid and not msgstr]
    assert missing == []


def test_same_msgids_in_both_languages():
    zh, en = (
        {m for m, _ in entries(LOCALES / f"{lang}/LC_MESSAGES/tongliao.disclosure.po")}
        for lang in ("zh_CN", "en")
    )
    assert zh == en


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
