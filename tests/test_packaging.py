"""The wheel holds every module: `pyproject.toml` lists packages by hand (the user's layout maps top-level
folders into `eventwire.*`), so a new sub-folder must be listed or a plain `pip install .` lacks it."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _listed() -> tuple[set[str], dict[str, str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    return set(config["packages"]), config["package-dir"]


def _folder(package: str, package_dir: dict[str, str]) -> Path:
    """The folder a dotted package name installs from, by the longest package-dir prefix."""
    parts = package.split(".")
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if prefix in package_dir:
            return ROOT / package_dir[prefix] / Path(*parts[n:])
    return ROOT / Path(*parts)


def test_every_folder_with_modules_or_data_is_a_listed_package() -> None:
    packages, package_dir = _listed()
    missing = []
    for package in sorted(packages):
        folder = _folder(package, package_dir)
        assert folder.is_dir(), f"{package} is listed but {folder} does not exist"
        for sub in sorted(p for p in folder.iterdir() if p.is_dir() and p.name != "__pycache__"):
            if any(sub.glob("*.py")) or any(sub.glob("*.tsv")) or any(sub.glob("*.json")):
                if f"{package}.{sub.name}" not in packages:
                    missing.append(f"{package}.{sub.name}")
    assert not missing, f"folders not listed in pyproject.toml [tool.setuptools] packages: {missing}"
