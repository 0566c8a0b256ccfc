"""The README cannot drift: it mentions every command and option, and its rules table is
the generated one."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from checker.cli import main
from conftest import load_bench

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def walk(command: click.Command, path=()):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from walk(sub, (*path, name))


def test_readme_mentions_every_command_and_option():
    missing = []
    for path, command in walk(main):
        if path and f"healthlint {' '.join(path)}" not in README:
            missing.append(" ".join(path))
        for param in command.params:
            if isinstance(param, click.Option):
                for name in [*param.opts, *param.secondary_opts]:
                    if name not in README:
                        missing.append(f"{' '.join(path)} {name}")
    assert not missing, f"README does not mention: {missing}"


def test_readme_rules_table_is_current():
    generated = CliRunner().invoke(main, ["rules", "--format", "markdown"]).stdout.strip()
    start = README.index("<!-- rules:start")
    block = README[README.index("\n", start) + 1: README.index("<!-- rules:end -->")].strip()
    assert block == generated, "run `healthlint rules --format markdown` and paste it into the README"


def test_readme_example_excerpt_matches_the_report():
    """The excerpt under "What a report says" quotes real output: its summary line and the
    findings it shows must be what the checker prints today."""
    import os

    root = Path(__file__).resolve().parent.parent
    cwd = os.getcwd()
    try:
        os.chdir(root)  # the README quotes the relative path
        output = CliRunner().invoke(main, ["check", "tests/data/mdma-ptsd-product-page.txt"]).stdout
    finally:
        os.chdir(cwd)
    start = README.index("An excerpt of `healthlint check tests/data/mdma-ptsd-product-page.txt`")
    excerpt = README[start:README.index("```", README.index("```text", start) + 7)]
    summary = [line for line in excerpt.splitlines() if " findings (" in line]
    assert summary and summary[0] in output
    for line in excerpt.splitlines():
        if line.startswith("tests/data/mdma-ptsd-product-page.txt:"):
            assert line in output, line


def test_pre_commit_hook_and_action_are_well_formed():
    yaml = __import__("pytest").importorskip("yaml")
    root = Path(__file__).resolve().parent.parent
    hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = hooks[0]
    assert {"id", "name", "entry", "language"} <= set(hook) and hook["entry"].startswith("healthlint check")
    action = yaml.safe_load((root / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    commands = " ".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "healthlint check --format github" in commands and "--format sarif" in commands
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in action["runs"]["steps"])
    readme = README
    assert "id: healthlint" in readme and "sarif: \"true\"" in readme


def _block(name: str) -> str:
    start = README.index(f"<!-- {name}:start")
    return README[README.index("\n", start) + 1: README.index(f"<!-- {name}:end -->")].strip()


def test_readme_accuracy_section_is_current():
    """The Accuracy figures are the harness's output on the project's own data, now."""
    accuracy = load_bench("accuracy")
    figures = accuracy.run(with_insciout=False)
    assert _block("accuracy") == accuracy.markdown(figures), \
        "run `python bench/accuracy.py --markdown` and paste the first tables into the README"


def test_readme_insciout_figures_are_current():
    """InSciOut lives outside the project (GPL-3.0): checked where its folder exists."""
    accuracy = load_bench("accuracy")
    import insciout  # bench/ is on sys.path once the harness is loaded

    if not insciout.DATA.exists():
        __import__("pytest").skip("../shared/data/insciout/ is not on this machine")
    figures = {"insciout": insciout.evaluate(insciout.DATA)}
    assert _block("insciout") == accuracy.markdown_insciout(figures)


def test_readme_causal_language_figures_are_current():
    """Yu et al.'s corpus names no licence: checked where a clone sits next to the project."""
    accuracy = load_bench("accuracy")
    import causal_language

    if not causal_language.DATA.is_file():
        __import__("pytest").skip("Yu et al.'s corpus is not cloned next to this repository")
    figures = {"causal_language": {scheme: causal_language.evaluate(causal_language.DATA, scheme=scheme)
                                   for scheme in ("insciout", "yu2019")}}
    assert _block("causal-language") == accuracy.markdown_causal_language(figures)
