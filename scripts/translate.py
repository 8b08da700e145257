"""Fill in translations of msgids that ``make i18n`` put in the catalogs.

Usage:
  python scripts/translate.py [DOMAIN] < pairs.tsv   (msgid<TAB>中文, one a line)
  python scripts/translate.py --lang mn < pairs.tsv  (msgid<TAB>Mongolian)
  python scripts/translate.py --check [DOMAIN]       list untranslated msgids
  python scripts/translate.py --check --lang mn      public msgids lacking Mongolian
  python scripts/translate.py --fallback             mn: Chinese where no Mongolian

Only msgids already in the catalog (extracted from the code by ``make i18n``) are
accepted: a translation for a msgid the code does not use is refused. The en
catalog keeps an empty msgstr (English text is the msgid itself). For the
``plone`` domain (our overrides of Plone's own strings, which i18ndude cannot
extract from Plone) the msgid is added when missing.

The Mongolian catalog (mn, traditional script, machine-drafted: see its header)
must translate every *public* msgid (tongliao.disclosure.bilingual.public); any
other msgid carries the zh_CN text as a fallback (``--fallback``, run by
``make i18n``), so that a Mongolian page never shows an English msgid.
"""

from i18ndude.catalog import MessageCatalog
from i18ndude.catalog import POWriter
from pathlib import Path

import re
import sys


LOCALES = Path(__file__).resolve().parent.parent / "src/tongliao/disclosure/locales"
MONGOLIAN_LETTERS = re.compile("[\u1820-\u18af]")


def catalog_path(domain, lang="zh_CN"):
    return LOCALES / lang / "LC_MESSAGES" / f"{domain}.po"


def write(catalog, path):
    with path.open("w", encoding="utf-8") as out:
        POWriter(out, catalog).write(sort=True, msgstrToComment=False)


def untranslated(domain):
    catalog = MessageCatalog(filename=str(catalog_path(domain)))
    return sorted(
        msgid for msgid, entry in catalog.items() if msgid and not entry.msgstr
    )


def untranslated_public_mn():
    """Public msgids whose mn msgstr is not Mongolian (yet)."""
    from tongliao.disclosure.bilingual.public import public_msgids

    pot = MessageCatalog(filename=str(LOCALES / "tongliao.disclosure.pot"))
    mn = MessageCatalog(filename=str(catalog_path("tongliao.disclosure", "mn")))
    return sorted(
        msgid
        for msgid in public_msgids(pot)
        if msgid not in mn or not MONGOLIAN_LETTERS.search(mn[msgid].msgstr)
    )


def fill_fallback(domain="tongliao.disclosure"):
    """mn entries without Mongolian get (or keep up to date) the zh_CN text."""
    path = catalog_path(domain, "mn")
    if not path.exists():
        return 0
    zh = MessageCatalog(filename=str(catalog_path(domain)))
    mn = MessageCatalog(filename=str(path))
    filled = 0
    for msgid, entry in mn.items():
        if not msgid or MONGOLIAN_LETTERS.search(entry.msgstr):
            continue
        chinese = zh[msgid].msgstr if msgid in zh else ""
        if entry.msgstr != chinese:
            entry.msgstr = chinese
            filled += 1
    write(mn, path)
    return filled


def option(args, name, default=None):
    if name in args:
        index = args.index(name)
        value = args[index + 1]
        del args[index : index + 2]
        return value
    return default


def main(argv):
    args = list(argv)
    check = "--check" in args
    fallback = "--fallback" in args
    args = [a for a in args if a not in ("--check", "--fallback")]
    lang = option(args, "--lang", "zh_CN")
    domain = args[0] if args else "tongliao.disclosure"
    if fallback:
        print(f"mn/{domain}: {fill_fallback(domain)} entries given the zh_CN text")
        return 0
    if check and lang == "mn":
        missing = untranslated_public_mn()
        for msgid in missing:
            print(f"no Mongolian: {msgid}")
        print(f"{domain}: {len(missing)} public msgids without a Mongolian translation")
        return 0
    if check:
        missing = untranslated(domain)
        for msgid in missing:
            print(f"untranslated: {msgid}")
        print(f"{domain}: {len(missing)} msgids without a zh_CN translation")
        return 0
    path = catalog_path(domain, lang)
    catalog = MessageCatalog(filename=str(path))
    pairs = [line.rstrip("\n").split("\t", 1) for line in sys.stdin if line.strip()]
    refused = []
    for msgid, text in pairs:
        msgid = msgid.encode().decode("unicode_escape") if "\\n" in msgid else msgid
        if msgid not in catalog:
            if domain != "plone":
                refused.append(msgid)
                continue
            catalog.add(msgid, msgstr=text)
        else:
            catalog[msgid].msgstr = text
    write(catalog, path)
    for msgid in refused:
        print(f"not in the catalog (run make i18n first?): {msgid}")
    print(f"{path.relative_to(LOCALES)}: {len(pairs) - len(refused)} translated")
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
