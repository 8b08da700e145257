"""What the command-line scripts and the staff page share: progress and reports.

``scripts/export_site.py``, ``scripts/import_site.py`` and
``scripts/import_legacy.py`` are thin wrappers run with
``zconsole run instance/etc/zope.conf scripts/…`` (see ``make export``,
``make import-site``, ``make import-legacy``).
"""

from tongliao.disclosure.migration.exportimport import export_site
from tongliao.disclosure.migration.exportimport import import_site
from zope.i18n import translate

import json
import sys


try:  # a progress bar when tqdm is installed, a counter otherwise
    from tqdm import tqdm
except ImportError:  # pragma: no cover - depends on the environment
    tqdm = None


class Progress:
    """``progress(n)`` advances by ``n``; prints to stderr every ``every`` items."""

    def __init__(self, label, total=None, every=50, stream=None):
        self.label = label
        self.total = total
        self.every = every
        self.stream = stream or sys.stderr
        self.done = 0
        self.bar = (
            tqdm(total=total, desc=label, file=self.stream)
            if tqdm is not None
            else None
        )

    def __call__(self, step=1):
        self.done += step
        if self.bar is not None:
            self.bar.update(step)
        elif self.done % self.every == 0 or self.done == self.total:
            of = f"/{self.total}" if self.total else ""
            print(f"{self.label}: {self.done}{of}", file=self.stream, flush=True)

    def close(self):
        if self.bar is not None:
            self.bar.close()


def zh(message, request=None):
    return translate(message, context=request, target_language="zh_CN")


def report_lines(report, request=None):
    """The legacy import report as Chinese text lines (dry run or applied)."""
    lines = [
        f"文件：{report.filename}",
        f"共{len(report.rows)}行：可导入{len(report.new)}行，"
        f"已存在（按索引号跳过）{len(report.existing)}行，有问题{len(report.bad)}行。",
    ]
    for row in report.bad:
        reasons = "；".join(zh(error, request) for error in row.errors)
        lines.append(f"第{row.number}行：{reasons}")
    if report.applied:
        lines.append(f"已导入{len(report.created)}个文件。")
    elif report.bad:
        lines.append("存在问题行，未导入任何文件。修正后重新导入，或选择跳过问题行。")
    else:
        lines.append("试运行：未导入任何文件。")
    return lines


def export_to_file(site, request, path):
    progress = Progress("导出")
    bundle = export_site(site, request, progress=progress)
    progress.close()
    with open(path, "w", encoding="utf-8") as out:
        json.dump(bundle, out, ensure_ascii=False, indent=1, sort_keys=True)
    return len(bundle["content"])


def import_from_file(site, request, path):
    with open(path, encoding="utf-8") as source:
        bundle = json.load(source)
    progress = Progress("导入", total=len(bundle["content"]))
    failed = import_site(site, request, bundle, progress=progress)
    progress.close()
    return len(bundle["content"]), failed
