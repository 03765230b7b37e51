"""Every command's --help and its refusals of a wrong command line, in the user's language.

Each command is run as a user runs it (its own process).  The commands are found in the
parser itself, so a command added later is checked too.  A Finnish or Swedish line fails
when it holds a word of English (a list of words that are neither Finnish nor Swedish),
once the names that are the same in every language are taken out: options, commands,
environment variables, product and format names.
"""

from __future__ import annotations

import argparse
import re

import pytest

from conftest import assert_clean_error, run_cli

#: words that are English and neither Finnish nor Swedish ("on", "in", "is", "not", "from",
#: "by", "be", "for", "and", "list", "version", "match", "make", "argument" are, and so are
#: left out)
ENGLISH = frozenset("""
    the of with without this that which when where what who your you will cannot must
    should already found missing unknown unrecognized ambiguous could allowed following
    invalid arguments usage options option required expected choose show help
    message exit value error file folder only its are into default print check create
    write read number whole nothing saved stored delivered deliver draft consultation
    consultations vault passphrase keyring recovery summary backups newest verified
    unlock escrow private public key damaged copy every each here there than then
    positional optional command commands
""".split())

#: names that are the same in every language
NAMES = re.compile(r"(?<![\w-])--?[\w-]+|\b\w+_\w+\b|\b\w+(?:\.\w+)+\b|\$\w+|\{[^}]*\}|OT Desk|OT-\d{4}-\d{4}|\b[A-Z]{2,}\b|"
                   r"\bbackup_dir\b|\botdesk\b|'[^']*'|\w+\.toml\b")


def _commands() -> list[list[str]]:
    """Every command path of the parser: [], ["init"], …, ["backup", "now"], …"""
    from otdesk.cli import build_parser

    found: list[list[str]] = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        found.append(path)
        for action in parser._actions:  # noqa: SLF001 (argparse keeps them only here)
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                for name, sub in action.choices.items():
                    walk(sub, [*path, name])

    walk(build_parser("en"), [])
    return found


COMMANDS = _commands()
#: the commands' own names ("summary", "backup now"): the same in every language
COMMAND_NAMES = frozenset(name for path in COMMANDS for name in path)

#: wrong command lines, each refused with one line and exit code 2
WRONG = [
    ["frob"],
    ["demo", "--count", "x"],
    ["demo", "--seed", "1.5"],
    ["list", "--status", "bogus"],
    ["list", "--bogus"],
    ["list", "--search"],
    ["summary"],
    ["summary", "1", "--out"],
    ["deliveries", "1", "--json", "--out", "x.pdf"],
    ["deliveries", "1", "--version", "x", "--out", "x.pdf"],
    ["backup"],
    ["backup", "frob"],
    ["audit"],
    ["--data-dir"],
]


def english_words(text: str) -> set[str]:
    words = [w for w in re.split(r"[^\w-]+", NAMES.sub(" ", text)) if w not in COMMAND_NAMES]
    return {w for w in re.findall(r"[^\W\d_]+", " ".join(words)) if w.lower() in ENGLISH}


def test_the_commands_are_found():
    assert [] in COMMANDS and ["backup", "restore"] in COMMANDS and ["audit", "verify"] in COMMANDS
    assert len(COMMANDS) >= 17


def test_every_option_and_command_says_what_it_is_for():
    """No option or command of any command without its help (it would show blank)."""
    from otdesk.cli import build_parser

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        for action in parser._actions:  # noqa: SLF001
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                helped = {a.dest for a in action._choices_actions}  # noqa: SLF001
                assert helped == set(action.choices), (path, set(action.choices) - helped)
                for name, sub in action.choices.items():
                    assert sub.description, f"{path} {name}"
                    walk(sub, f"{path} {name}")
            else:
                assert action.help and action.help != argparse.SUPPRESS or \
                    action.default == argparse.SUPPRESS, (path, action.option_strings)

    walk(build_parser("fi"), "otdesk")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "otdesk")
def test_help_in_finnish_swedish_and_english(tmp_path, command):
    shown = {}
    for lang in ("fi", "sv", "en"):
        result = run_cli([*command, "--help", "--lang", lang], data_dir=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        shown[lang] = result.stdout
    assert shown["fi"].startswith("käyttö: otdesk"), shown["fi"]
    assert shown["sv"].startswith("användning: otdesk"), shown["sv"]
    assert shown["en"].startswith("usage: otdesk"), shown["en"]
    for lang in ("fi", "sv"):
        for line in shown[lang].splitlines():
            assert not english_words(line), (lang, line, english_words(line))
    assert english_words(shown["en"]), "the word list finds English: the check can fail"


def test_help_follows_the_language_of_the_environment_and_the_settings(tmp_path):
    result = run_cli(["--help"], data_dir=tmp_path, OTDESK_LANG="sv")
    assert result.stdout.startswith("användning: otdesk"), result.stdout
    (tmp_path / "settings.toml").write_text('language = "en"\n', encoding="utf-8")
    result = run_cli(["list", "--help"], data_dir=tmp_path)
    assert result.stdout.startswith("usage: otdesk list"), result.stdout


@pytest.mark.parametrize("wrong", WRONG, ids=" ".join)
def test_a_wrong_command_line_is_refused_in_the_users_language(tmp_path, wrong):
    said = {}
    for lang in ("fi", "sv", "en"):
        result = run_cli(["--lang", lang, *wrong], data_dir=tmp_path)
        said[lang] = assert_clean_error(result)
        assert result.returncode == 2, (lang, wrong, result.stderr)
        assert result.stdout == ""
    assert said["fi"].startswith("Virheellinen komento: ") and "Ohje: otdesk" in said["fi"], said
    assert said["sv"].startswith("Felaktigt kommando: ") and "Hjälp: otdesk" in said["sv"], said
    assert said["en"].startswith("Invalid command: "), said
    for lang in ("fi", "sv"):
        assert not english_words(said[lang]), (lang, said[lang], english_words(said[lang]))
    assert said["fi"] != said["en"] and said["sv"] != said["en"]


def test_a_wrong_language_is_told_in_the_default_language(tmp_path):
    line = assert_clean_error(run_cli(["--lang", "de", "list"], data_dir=tmp_path))
    assert line.startswith("Virheellinen komento: --lang: 'de' ei ole vaihtoehto"), line


@pytest.mark.parametrize("text", [
    'auto_lock_minutes = "x"\n', '[exports]\nprint = 3\n', 'time_zone = \n',
    'backup_dir = 5\n', '[organisation]\nname = ["a"]\n'])
def test_a_wrong_policy_is_told_in_the_users_language(tmp_path, text):
    policy = tmp_path / "policy.toml"
    policy.write_text(text, encoding="utf-8")
    for lang in ("fi", "sv"):
        line = assert_clean_error(run_cli(["--lang", lang, "list"], data_dir=tmp_path,
                                          OTDESK_POLICY_FILE=str(policy)))
        words = english_words(line.replace(str(policy), ""))
        assert not words, (lang, line, words)
