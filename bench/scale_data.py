"""What the city-scale datasets are, shared by bench_scale.py and its zconsole
scripts: bump DATA_VERSION when scale_build.py changes what it builds, and the
cached datasets under var/bench/<size>/ are rebuilt."""

DATA_VERSION = 2
SITE_ID = "bench"
