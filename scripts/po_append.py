"""Append msgid/msgstr pairs to the zh_CN and en catalogs (skips msgids present).

Usage: python scripts/po_append.py entries.json   # {"English msgid": "中文", ...}
"""

from pathlib import Path

import json
import re
import sys


LOCALES = Path(__file__).resolve().parent.parent / "src/tongliao/disclosure/locales"


def escape(text):
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def append(entries):
    for lang in ("zh_CN", "en"):
        path = LOCALES / lang / "LC_MESSAGES" / "tongliao.disclosure.po"
        text = path.read_text(encoding="utf-8")
        present = set(re.findall(r'^msgid "(.*)"$', text, flags=re.M))
        with path.open("a", encoding="utf-8") as po:
            for msgid, zh in entries.items():
                if escape(msgid) in present:
                    continue
                msgstr = zh if lang == "zh_CN" else msgid
                po.write(f'msgid "{escape(msgid)}"\nmsgstr "{escape(msgstr)}"\n\n')


if __name__ == "__main__":
    append(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
