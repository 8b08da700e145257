"""Write a Zope WSGI instance for ``make start`` (FileStorage + blobs under var/),
or one of several instances on a ZEO server or RelStorage/PostgreSQL
(``make start-zeo``, ``make start-relstorage``).

Usage: python scripts/write_instance.py --port 8080 [--instance DIR --var DIR]
       [--storage filestorage|zeo|relstorage --zeo HOST:PORT --dsn DSN]
       [--trusted-proxy ADDRESS ...] [--ratelimit-dsn DSN]
Existing data in var/ is never touched; the configuration files are rewritten.
"""

from pathlib import Path

import argparse


ROOT = Path(__file__).resolve().parent.parent

ZOPE_CONF = """\
%define INSTANCE {instance}
%define VAR {var}
instancehome $INSTANCE

<environment>
  CHAMELEON_CACHE $VAR/cache
  zope_i18n_compile_mo_files true
  TZ Asia/Shanghai
</environment>

{imports}<zodb_db main>
{storage}  mount-point /
  cache-size 30000
</zodb_db>

{trusted_proxies}{retries}<dos_protection>
  form-memory-limit 64MB
</dos_protection>
{product_config}"""

# Several instances count the rate limits in one PostgreSQL table, not each in
# its own memory (src/tongliao/disclosure/ratelimit.py).
PRODUCT_CONFIG = """
<product-config tongliao.disclosure>
  ratelimit-dsn {dsn}
</product-config>
"""

# The storage of the main database: one process on FileStorage (the default), or
# several instances sharing a ZEO server or a RelStorage database (PostgreSQL).
FILESTORAGE = """\
  <filestorage>
    path $VAR/filestorage/Data.fs
    blob-dir $VAR/blobstorage
  </filestorage>
"""

ZEOCLIENT = """\
  <zeoclient>
    server {zeo}
    storage 1
    name {name}
    blob-dir $VAR/blobstorage
    shared-blob-dir on
    var $VAR/zeo-cache
    client {name}
    cache-size 128MB
  </zeoclient>
"""

RELSTORAGE = """\
  <relstorage>
    blob-dir $VAR/blobcache-{name}
    shared-blob-dir false
    blob-cache-size 512mb
    <postgresql>
      dsn {dsn}
    </postgresql>
  </relstorage>
"""

ZEO_SERVER = """\
%define VAR {var}
<zeo>
  address {zeo}
</zeo>
<filestorage 1>
  path $VAR/filestorage/Data.fs
  blob-dir $VAR/blobstorage
</filestorage>
<eventlog>
  <logfile>
    path $VAR/log/zeo.log
  </logfile>
</eventlog>
"""

SITE_ZCML = """\
<configure
    xmlns="http://namespaces.zope.org/zope"
    xmlns:meta="http://namespaces.zope.org/meta"
    xmlns:five="http://namespaces.zope.org/five">
  <include package="Zope2.App" />
  <include package="Products.Five" />
  <meta:redefinePermission from="zope2.Public" to="zope.Public" />
  <five:loadProducts file="meta.zcml" />
  <five:loadProducts />
  <five:loadProductsOverrides />
  <securityPolicy component="AccessControl.security.SecurityPolicy" />
</configure>
"""

ZOPE_INI = """\
[app:zope]
use = egg:Zope#main
zope_conf = %(here)s/zope.conf

[server:main]
use = egg:waitress#main
host = {host}
port = {port}
threads = 4
clear_untrusted_proxy_headers = false
max_request_body_size = 1073741824

[filter:translogger]
use = egg:Paste#translogger
setup_console_handler = False

[pipeline:main]
pipeline =
    egg:Zope#httpexceptions
    translogger
    zope

[loggers]
keys = root, waitress.queue, waitress, wsgi

[handlers]
keys = console, accesslog, eventlog

[formatters]
keys = generic, message

[formatter_generic]
format = %(asctime)s %(levelname)s [%(name)s:%(lineno)s][%(threadName)s] %(message)s
datefmt = %Y-%m-%d %H:%M:%S

[formatter_message]
format = %(message)s

[logger_root]
level = INFO
handlers = console, eventlog

[logger_waitress.queue]
level = INFO
handlers = eventlog
qualname = waitress.queue
propagate = 0

[logger_waitress]
level = INFO
handlers = eventlog
qualname = waitress

[logger_wsgi]
level = WARN
handlers = accesslog
qualname = wsgi
propagate = 0

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[handler_accesslog]
class = FileHandler
args = (r'{var}/log/access.log', 'a')
level = INFO
formatter = message

[handler_eventlog]
class = FileHandler
args = (r'{var}/log/event.log', 'a')
level = INFO
formatter = generic
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", default="8080")
    parser.add_argument("--host", default="0.0.0.0")
    parser.add_argument("--instance", default=str(ROOT / "instance"))
    parser.add_argument("--var", default=str(ROOT / "var"))
    parser.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        help="address of a reverse proxy whose X-Forwarded-For Zope may believe",
    )
    parser.add_argument(
        "--storage", choices=("filestorage", "zeo", "relstorage"), default="filestorage"
    )
    parser.add_argument("--zeo", default="127.0.0.1:8100", help="ZEO server address")
    parser.add_argument("--dsn", default="", help="PostgreSQL DSN for RelStorage")
    parser.add_argument(
        "--ratelimit-dsn",
        default=None,
        help="PostgreSQL DSN where the instances share their rate-limit counts"
        " (default: RelStorage's --dsn; none: each process counts in memory)",
    )
    args = parser.parse_args()
    instance = Path(args.instance).resolve()
    var = Path(args.var).resolve()
    for folder in (
        instance / "etc",
        var / "filestorage",
        var / "blobstorage",
        var / "log",
        var / "cache",
        var / "zeo-cache",
    ):
        folder.mkdir(parents=True, exist_ok=True)
    (var / "blobstorage").chmod(0o700)
    # Behind nginx or haproxy every request comes from the proxy: Zope then takes
    # the client's address (rate limits, logs) from X-Forwarded-For, but only
    # when the request comes from a trusted proxy (anyone else could forge it).
    trusted = "".join(f"trusted-proxy {address}\n" for address in args.trusted_proxy)
    name = instance.name
    storage = {
        "filestorage": FILESTORAGE,
        "zeo": ZEOCLIENT.format(zeo=args.zeo, name=name),
        "relstorage": RELSTORAGE.format(dsn=args.dsn, name=name),
    }[args.storage]
    ratelimit_dsn = args.ratelimit_dsn
    if ratelimit_dsn is None and args.storage == "relstorage":
        ratelimit_dsn = args.dsn
    values = {
        "product_config": PRODUCT_CONFIG.format(dsn=ratelimit_dsn)
        if ratelimit_dsn
        else "",
        "imports": "%import relstorage\n" if args.storage == "relstorage" else "",
        "storage": storage,
        "instance": instance,
        "var": var,
        "port": args.port,
        "host": args.host,
        "trusted_proxies": trusted + "\n" if trusted else "",
        # Several instances writing to one database conflict more often than one
        # process does: a conflicting request is replayed up to 10 times, not 3.
        "retries": ""
        if args.storage == "filestorage"
        else "max-conflict-retries 10\n\n",
    }
    (instance / "etc" / "zope.conf").write_text(ZOPE_CONF.format(**values))
    (instance / "etc" / "site.zcml").write_text(SITE_ZCML)
    (instance / "etc" / "zope.ini").write_text(ZOPE_INI.format(**values))
    if args.storage == "zeo":
        (var / "zeo.conf").write_text(ZEO_SERVER.format(var=var, zeo=args.zeo))


if __name__ == "__main__":
    main()
