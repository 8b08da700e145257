"""Benchmark: the disclosure catalogue at city scale, against stock Plone in the
same run (``make bench`` runs it; ``python bench/bench_scale.py`` alone).

Datasets of 1k, 10k and 50k PolicyDocuments (``BENCH_SIZES=1000,10000`` to choose,
``BENCH_SCALE=100000`` adds 100k), each a real Plone site in a FileStorage under
``var/bench/<size>/``, built once by ``scale_build.py`` (the shortcut it takes is
described there) and reused until ``scale_data.DATA_VERSION`` changes. For each
size, ``scale_measure.py`` measures inside Zope (catalogue, full text, REST,
creation rate, annual report); then the site is served by ``runwsgi`` and pages
are fetched over real HTTP, each against its stock Plone counterpart.

Writes ``bench/results.json`` and the plot ``docs/bench-catalogue.png`` and
prints the table.
"""

from pathlib import Path

import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.request


HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from scale_data import DATA_VERSION  # noqa: E402
from scale_data import SITE_ID  # noqa: E402

import scale_plot  # noqa: E402


BIN = Path(sys.executable).parent
HTTP_ROUNDS = 40


def sizes():
    chosen = os.environ.get("BENCH_SIZES", "1000,10000,50000")
    result = [int(s) for s in chosen.split(",") if s.strip()]
    scale = os.environ.get("BENCH_SCALE")
    if scale and int(scale) not in result:
        result.append(int(scale))
    return sorted(result)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def paths(size):
    base = ROOT / "var" / "bench" / str(size)
    return {
        "base": base,
        "instance": base / "instance",
        "conf": base / "instance" / "etc" / "zope.conf",
        "ini": base / "instance" / "etc" / "zope.ini",
        "stamp": base / "stamp.json",
    }


def write_instance(size, port):
    p = paths(size)
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "write_instance.py"),
            "--instance",
            str(p["instance"]),
            "--var",
            str(p["base"] / "var"),
            "--port",
            str(port),
            "--host",
            "127.0.0.1",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def zconsole(size, script, **env):
    p = paths(size)
    environment = {**os.environ, "BENCH_SIZE": str(size), "BENCH_DIR": str(HERE), **env}
    subprocess.run(
        [str(BIN / "zconsole"), "run", str(p["conf"]), str(HERE / script)],
        check=True,
        env=environment,
        cwd=ROOT,
    )


def ensure_dataset(size):
    """Build the dataset unless var/bench/<size>/ holds this DATA_VERSION."""
    p = paths(size)
    stamp = p["stamp"]
    if stamp.exists() and json.loads(stamp.read_text()).get("version") == DATA_VERSION:
        return json.loads(stamp.read_text())
    for name in ("Data.fs", "Data.fs.index", "Data.fs.tmp", "Data.fs.lock"):
        (p["base"] / "var" / "filestorage" / name).unlink(missing_ok=True)
    write_instance(size, 8080)
    zconsole(size, "scale_build.py", BENCH_STAMP=str(stamp))
    return json.loads(stamp.read_text())


def fetch(url, accept=None):
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    with urllib.request.urlopen(request, timeout=120) as response:
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"{url}: {response.status}")
        return body


def http_percentiles(url, accept=None, rounds=HTTP_ROUNDS):
    fetch(url, accept)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fetch(url, accept)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "p50": round(statistics.median(samples), 2),
        "p95": round(samples[min(len(samples) - 1, int(len(samples) * 0.95))], 2),
    }


def measure_http(size):
    """Anonymous pages over real HTTP (runwsgi on this dataset), ours vs stock."""
    port = free_port()
    write_instance(size, port)
    log = open(paths(size)["base"] / "http.log", "w")  # noqa: SIM115 - the server's
    server = subprocess.Popen(
        [str(BIN / "runwsgi"), str(paths(size)["ini"])],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
    )
    try:
        base = f"http://127.0.0.1:{port}/{SITE_ID}"
        for _ in range(240):
            try:
                fetch(f"{base}/stock/page0001")
                break
            except OSError:
                time.sleep(0.5)
        listing = json.loads(fetch(f"{base}/@disclosure-catalog", "application/json"))
        document = listing["items"][0]["@id"]
        json_type = "application/json"
        stock_search = (
            f"{base}/@search?portal_type=PolicyDocument&sort_on=effective"
            "&sort_order=reverse&b_size=20&metadata_fields=effective"
        )
        return {
            "document_page": http_percentiles(document),
            "stock_document_page": http_percentiles(f"{base}/stock/page0001"),
            "catalogue_page": http_percentiles(f"{base}/@@disclosure-catalog"),
            "catalogue_fulltext_page": http_percentiles(
                f"{base}/@@disclosure-catalog?q=%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80"
            ),
            "catalogue_json": http_percentiles(
                f"{base}/@disclosure-catalog", json_type
            ),
            "stock_search_json": http_percentiles(stock_search, json_type),
        }
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()


def measure(size):
    out = paths(size)["base"] / "measure.json"
    zconsole(size, "scale_measure.py", BENCH_OUT=str(out))
    result = json.loads(out.read_text())
    result["http"] = measure_http(size)
    return result


ROWS = [
    # label, getter of (ours, stock) percentiles
    ("catalogue page + 5 facets", ("catalogue", "page")),
    ("catalogue page, no facets", ("catalogue", "page_no_facets")),
    ("catalogue subject=02 + year=2020", ("catalogue", "filtered")),
    ("catalogue of one agency", ("catalogue", "agency")),
    ("catalogue page 50", ("catalogue", "page_50")),
    ("full text 政务公开", ("catalogue", "fulltext")),
    ("full text 草原修复", ("catalogue", "fulltext_rare")),
    ("document number", ("catalogue", "number")),
    ("annual report (tables 2+3, city)", ("reports", "annual_report")),
    ("assessment monitors (one agency)", ("reports", "assessment")),
]
HTTP_ROWS = [
    ("HTTP document page", "document_page", "stock_document_page"),
    ("HTTP catalogue page", "catalogue_page", "stock_document_page"),
    ("HTTP catalogue full text", "catalogue_fulltext_page", "stock_document_page"),
    ("HTTP @disclosure-catalog JSON", "catalogue_json", "stock_search_json"),
]


def table(results):
    lines = []
    lines.append(
        f"{'documents':>9} {'case':36} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'stock p50':>9} {'stock p95':>9} {'×':>5}"
    )
    for size, data in results["sizes"].items():
        for label, (group, key) in ROWS:
            ours, stock = data[group][key]["ours"], data[group][key]["stock"]
            lines.append(row(size, label, ours, stock))
        for label, key, stock_key in HTTP_ROWS:
            lines.append(row(size, label, data["http"][key], data["http"][stock_key]))
        rates = data["creation"]
        lines.append(
            f"{size:>9} {'creation /s PolicyDocument|Document':36} "
            f"{rates['PolicyDocument']:>8} {'':>8} {rates['Document']:>9} {'':>9} "
            f"{rates['PolicyDocument'] / rates['Document']:>5.2f}"
        )
    return "\n".join(lines)


def row(size, label, ours, stock):
    ratio = ours["p50"] / stock["p50"] if stock["p50"] else float("nan")
    return (
        f"{size:>9} {label:36} {ours['p50']:>8.1f} {ours['p95']:>8.1f} "
        f"{stock['p50']:>9.1f} {stock['p95']:>9.1f} {ratio:>5.2f}"
    )


def main():
    results_file = HERE / "results.json"
    results = {"machine": machine(), "sizes": {}}
    started = time.perf_counter()
    for size in sizes():
        print(f"== {size} documents", flush=True)
        dataset = ensure_dataset(size)
        results["sizes"][str(size)] = {"dataset": dataset, **measure(size)}
    results["seconds"] = round(time.perf_counter() - started)
    results["machine"]["load_after"] = os.getloadavg()[0]
    results_file.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    scale_plot.draw(results, ROOT / "docs" / "bench-catalogue.png")
    print(table(results))
    print(f"results: {results_file.relative_to(ROOT)}, plot: docs/bench-catalogue.png")
    return 0


def machine():
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "load": os.getloadavg()[0],
    }


if __name__ == "__main__":
    sys.exit(main())
