"""Fill in zh_CN translations of msgids that ``make i18n`` put in the catalogs.

Usage:
  python scripts/translate.py [DOMAIN] < pairs.tsv   (msgid<TAB>中文, one a line)
  python scripts/translate.py --check [DOMAIN]       list untranslated msgids

Only msgids already in the catalog (extracted from the code by ``make i18n``) are
accepted: a translation for a msgid the code does not use is refused. The en
catalog keeps an empty msgstr (English text is the msgid itself). For the
``plone`` domain (our overrides of Plone's own strings, which i18ndude cannot
extract from Plone) the msgid is added when missing.
"""

from i18ndude.catalog import MessageCatalog
from i18ndude.catalog import POWriter
from pathlib import Path

import sys


LOCALES = Path(__file__).resolve().parent.parent / "src/tongliao/disclosure/locales"


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


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    domain = args[0] if args else "tongliao.disclosure"
    if check:
        missing = untranslated(domain)
        for msgid in missing:
            print(f"untranslated: {msgid}")
        print(f"{domain}: {len(missing)} msgids without a zh_CN translation")
        return 0
    path = catalog_path(domain)
    catalog = MessageCatalog(filename=str(path))
    pairs = [line.rstrip("\n").split("\t", 1) for line in sys.stdin if line.strip()]
    refused = []
    for msgid, chinese in pairs:
        msgid = msgid.encode().decode("unicode_escape") if "\\n" in msgid else msgid
        if msgid not in catalog:
            if domain != "plone":
                refused.append(msgid)
                continue
            catalog.add(msgid, msgstr=chinese)
        else:
            catalog[msgid].msgstr = chinese
    write(catalog, path)
    for msgid in refused:
        print(f"not in the catalog (run make i18n first?): {msgid}")
    print(f"{path.relative_to(LOCALES)}: {len(pairs) - len(refused)} translated")
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
