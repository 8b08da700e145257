"""Print a buildout [versions] section from constraints.txt (one source of pins)."""

from pathlib import Path


def main():
    root = Path(__file__).resolve().parent.parent
    print("[versions]")
    for line in (root / "constraints.txt").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "==" in line:
            name, version = line.split("==", 1)
            print(f"{name} = {version}")


if __name__ == "__main__":
    main()
