"""The wheel is complete and works on its own: data files and entry points inside, and an
install of it (not the checkout) runs ``healthlint check`` on the example page.

Everything runs offline: the wheel is built without build isolation (hatchling must be
installed in the running environment) and installed with ``--no-index --no-deps`` into a
temporary prefix; the dependencies (spaCy, click, ...) come from the running environment
through PYTHONPATH.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "data" / "mdma-ptsd-product-page.txt"

WHEEL_DATA_FILES = (
    "checker/_data/rules/HL101.toml",
    "checker/_data/rules/lexicon/effects.toml",
    "checker/_data/corpus/evidence.csv",
    "checker/models/finding-filter/textcat/model",  # the learned filter behind --min-confidence
    "checker/models/finding-filter/config.cfg",
)
SPACY_FACTORIES = (
    "healthlint_sentences",
    "healthlint_mentions",
    "healthlint_claims",
    "healthlint_context",
    "healthlint_caveats",
)

# Checks, in a fresh interpreter, that the spacy_factories entry points let spaCy build the
# components by name without the caller importing checker. Prints one JSON line.
SPACY_ENTRY_POINT_SNIPPET = r"""
import json, sys
import spacy
imported_before = "checker" in sys.modules
nlp = spacy.blank("en")
nlp.add_pipe("healthlint_sentences")
nlp.add_pipe("healthlint_mentions")
doc = nlp("MDMA for PTSD")
mentions = [(s.text, s.label_) for s in doc.spans["hl_mentions"]]
checker = sys.modules.get("checker")
print(json.dumps({"imported_before": imported_before, "mentions": mentions,
                  "checker_file": getattr(checker, "__file__", None)}))
"""


def _have(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _run(cmd, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kwargs)


def _build_wheel(outdir: Path) -> Path:
    """Build the wheel without network: ``python -m build`` if present, else ``pip wheel``."""
    env = dict(os.environ, PIP_NO_INDEX="1")
    if _have("build"):
        cmd = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(outdir), str(ROOT)]
    else:
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
               "--wheel-dir", str(outdir), str(ROOT)]
    proc = _run(cmd, env=env, cwd=str(outdir))
    assert proc.returncode == 0, f"wheel build failed ({' '.join(cmd)}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    wheels = sorted(outdir.glob("healthlint-*.whl"))
    assert len(wheels) == 1, f"expected one healthlint wheel in {outdir}, found {wheels}"
    return wheels[0]


def _env_install() -> str | None:
    """Where the running environment's healthlint distribution is recorded (None: not installed)."""
    import importlib.metadata

    try:
        dist = importlib.metadata.distribution("healthlint")
    except importlib.metadata.PackageNotFoundError:
        return None
    return str(getattr(dist, "_path", dist.locate_file("")))


def _site_packages(prefix: Path) -> Path:
    found = sorted({p.parent.parent for p in prefix.rglob("checker/__init__.py")})
    assert len(found) == 1, f"expected one installed checker package under {prefix}, found {found}"
    return found[0]


def _script(prefix: Path) -> Path:
    for candidate in (prefix / "bin" / "healthlint", prefix / "Scripts" / "healthlint.exe"):
        if candidate.is_file():
            return candidate
    raise AssertionError(f"no healthlint script installed under {prefix}: {sorted(str(p) for p in prefix.rglob('*healthlint*'))}")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """Build the wheel and install it into a temporary prefix: (wheel, prefix, site-packages, env)."""
    if not _have("hatchling"):
        pytest.skip("hatchling is not installed in this environment: the wheel cannot be built offline "
                    "without build isolation (pip install hatchling build)")
    base = tmp_path_factory.mktemp("packaging")
    dist = base / "dist"
    dist.mkdir()
    wheel = _build_wheel(dist)
    prefix = base / "prefix"
    before = _env_install()
    # --ignore-installed matters: without it pip "upgrades" the healthlint already installed
    # in the running environment, i.e. uninstalls it from there (pypa/pip#12422, #10136).
    cmd = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--no-compile", "--ignore-installed",
           "--disable-pip-version-check", "--prefix", str(prefix), str(wheel)]
    proc = _run(cmd)
    assert proc.returncode == 0, f"pip install failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    assert "uninstall" not in (proc.stdout + proc.stderr).lower(), proc.stdout + proc.stderr
    assert _env_install() == before, "installing into the prefix changed the running environment's healthlint"
    site = _site_packages(prefix)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(site)  # the installed checker first; dependencies from this environment
    env.pop("PYTHONHOME", None)
    env.pop("PYTHONSAFEPATH", None)
    workdir = base / "work"
    workdir.mkdir()
    return wheel, prefix, site, env, workdir


def test_wheel_contents(installed):
    wheel = installed[0]
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for path in WHEEL_DATA_FILES:
            assert path in names, f"{path} missing from {wheel.name}"
        assert not any(n.startswith(("rules/", "corpus/")) for n in names), "data must sit inside the package, under checker/_data"
        entry_points_file = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        entry_points = archive.read(entry_points_file).decode("utf-8")
    sections: dict[str, dict[str, str]] = {}
    current = None
    for line in entry_points.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
        elif "=" in line and current is not None:
            name, target = (part.strip() for part in line.split("=", 1))
            current[name] = target
    assert sections.get("console_scripts", {}).get("healthlint") == "checker.cli:main", entry_points
    factories = sections.get("spacy_factories", {})
    for name in SPACY_FACTORIES:
        assert name in factories, f"spacy_factories entry point {name} missing:\n{entry_points}"
        assert factories[name].startswith("checker.nlp."), factories[name]


def test_installed_wheel_checks_example_page(installed):
    _, prefix, site, env, workdir = installed
    page = workdir / EXAMPLE.name
    shutil.copyfile(EXAMPLE, page)

    # checker is imported from the prefix, and its data from inside the installed package
    probe = ("import json, checker, checker.resources as r; "
             "print(json.dumps({'file': checker.__file__, 'corpus': str(r.data_dir('corpus')), "
             "'rules': str(r.data_dir('rules'))}))")
    proc = _run([sys.executable, "-c", probe], cwd=str(workdir), env=env)
    assert proc.returncode == 0, proc.stderr
    where = json.loads(proc.stdout.strip().splitlines()[-1])
    package = (site / "checker").resolve()
    assert Path(where["file"]).resolve().is_relative_to(prefix.resolve()), where
    assert not Path(where["file"]).resolve().is_relative_to(ROOT), where
    assert Path(where["corpus"]).resolve() == package / "_data" / "corpus", where
    assert Path(where["rules"]).resolve() == package / "_data" / "rules", where

    # the installed console script checks the page: findings, so exit 1
    script = _script(prefix)
    proc = _run([str(script), "check", page.name], cwd=str(workdir), env=env)
    assert proc.returncode == 1, f"exit {proc.returncode}\nstdout:\n{proc.stdout[-3000:]}\nstderr:\n{proc.stderr[-3000:]}"
    assert " HL301 " in proc.stdout, proc.stdout[-3000:]
    assert " HL103 " in proc.stdout, proc.stdout[-3000:]
    assert page.name in proc.stdout


def test_installed_wheel_spacy_entry_points(installed):
    """The installed wheel's spacy_factories work without importing checker first."""
    _, prefix, _, env, workdir = installed
    proc = _run([sys.executable, "-c", SPACY_ENTRY_POINT_SNIPPET], cwd=str(workdir), env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["imported_before"] is False
    assert ["MDMA", "INTERVENTION"] in result["mentions"], result
    assert ["PTSD", "CONDITION"] in result["mentions"], result
    assert Path(result["checker_file"]).resolve().is_relative_to(prefix.resolve()), result


def test_spacy_factories_entry_point_without_importing_checker(tmp_path):
    """In the running environment, spaCy finds healthlint's components by name alone."""
    if _env_install() is None:
        pytest.skip("healthlint is not installed in this environment (pip install -e .), so it has no entry points")
    proc = _run([sys.executable, "-c", SPACY_ENTRY_POINT_SNIPPET], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["imported_before"] is False, "the snippet must not import checker itself"
    labels = {text: label for text, label in result["mentions"]}
    assert labels.get("MDMA") == "INTERVENTION", result
    assert labels.get("PTSD") == "CONDITION", result
