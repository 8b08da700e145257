"""Record REST request/response examples into docs/rest/ (as plone.restapi does).

Call ``record("name", response)`` with a ``requests.Response`` from a
functional test (``request_factory``): it writes ``docs/rest/name.req`` (the
HTTP request), ``docs/rest/name.resp`` (status, content type and the JSON body,
pretty-printed) and ``docs/rest/name.md`` (both, for reading on the forge). The
test run rewrites them, so the documentation cannot go stale.

The random test server address becomes ``http://localhost:8080/Plone``, basic
auth a fixed example, and ``replacements`` ({text: placeholder}) hide other
per-run values (UIDs, tracking codes, dates of today).
"""

from pathlib import Path
from urllib.parse import unquote
from urllib.parse import urlsplit

import contextlib
import json
import re


DOCS = Path(__file__).resolve().parent.parent / "docs" / "rest"
EXAMPLE_SITE = "http://localhost:8080/Plone"
EXAMPLE_AUTH = "Basic YWRtaW46c2VjcmV0"  # admin:secret
KEPT_HEADERS = ("Accept", "Content-Type", "Authorization")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _site_url(url):
    parts = urlsplit(url)
    segments = parts.path.split("/")
    return f"{parts.scheme}://{parts.netloc}/{segments[1]}"


def _normalize(text, site, replacements):
    text = text.replace(site, EXAMPLE_SITE)
    for old, new in (replacements or {}).items():
        text = text.replace(old, new)
    return text


def record(name, response, title="", replacements=None):
    """Write the example ``name`` from ``response``; returns the .md path."""
    if not NAME_RE.match(name):
        raise ValueError(f"bad example name {name!r}")
    request = response.request
    site = _site_url(request.url)
    DOCS.mkdir(parents=True, exist_ok=True)

    parts = urlsplit(request.url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    lines = [f"{request.method} {unquote(target)} HTTP/1.1"]
    lines.append(f"Host: {urlsplit(EXAMPLE_SITE).netloc}")
    for header in KEPT_HEADERS:
        if header in request.headers:
            value = request.headers[header]
            lines.append(
                f"{header}: {EXAMPLE_AUTH if header == 'Authorization' else value}"
            )
    body = request.body
    if body:
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        with contextlib.suppress(ValueError):
            body = json.dumps(json.loads(body), ensure_ascii=False, indent=2)
        lines += ["", body]
    req = _normalize("\n".join(lines) + "\n", site, replacements)
    req = req.replace(urlsplit(site).path, urlsplit(EXAMPLE_SITE).path, 1)

    content_type = response.headers.get("Content-Type", "")
    resp_lines = [
        f"HTTP/1.1 {response.status_code} {response.reason}",
        f"Content-Type: {content_type}",
        "",
    ]
    if "json" in content_type:
        resp_lines.append(json.dumps(response.json(), ensure_ascii=False, indent=2))
    else:
        resp_lines.append(response.text)
    resp = _normalize("\n".join(resp_lines) + "\n", site, replacements)

    (DOCS / f"{name}.req").write_text(req, encoding="utf-8")
    (DOCS / f"{name}.resp").write_text(resp, encoding="utf-8")
    markdown = DOCS / f"{name}.md"
    markdown.write_text(
        f"# {title or name}\n\n"
        "Recorded by the test suite (tests/rest_docs.py); do not edit.\n\n"
        f"## Request\n\n```http\n{req}```\n\n## Response\n\n```http\n{resp}```\n",
        encoding="utf-8",
    )
    return markdown
