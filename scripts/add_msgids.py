"""Append msgids with their Chinese translation to the catalogs (en and zh_CN).

Usage: python scripts/add_msgids.py DOMAIN < pairs.tsv   (msgid<TAB>中文, one a line)
Existing msgids are left alone, so the catalogs never hold one twice.
"""

from pathlib import Path

import re
import sys


LOCALES = Path(__file__).resolve().parent.parent / "src/tongliao/disclosure/locales"


def quote(text):
    return text.replace("\\", "\\\\").replace('"', '\\"')


def main(domain):
    pairs = [line.rstrip("\n").split("\t") for line in sys.stdin if line.strip()]
    for lang in ("en", "zh_CN"):
        path = LOCALES / lang / "LC_MESSAGES" / f"{domain}.po"
        text = path.read_text(encoding="utf-8")
        known = set(re.findall(r'^msgid "(.*)"$', text, flags=re.M))
        added = []
        for msgid, chinese in pairs:
            if quote(msgid) in known:
                continue
            msgstr = msgid if lang == "en" else chinese
            added.append(f'\nmsgid "{quote(msgid)}"\nmsgstr "{quote(msgstr)}"\n')
            known.add(quote(msgid))
        path.write_text(text.rstrip("\n") + "\n" + "".join(added), encoding="utf-8")
        print(f"{path.relative_to(LOCALES)}: {len(added)} added")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tongliao.disclosure")
