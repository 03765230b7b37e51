"""The ``otdesk`` command: the desktop app, and the sub-commands IT, tests and scripts use.

Every error is one clear line on stderr in the user's language and an exit
code other than 0; details (never consultation content) go to the log file.

Exit codes: 0 fine, 1 a problem the message explains, 2 a wrong command line,
70 an unexpected error (see the log), 130 interrupted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import logging
import logging.handlers
import os
import sys
import time
from importlib import metadata
from pathlib import Path

from otdesk import settings
from otdesk.errors import DEFAULT_LANGUAGE, LANGUAGES, UserError, message
from otdesk.policy import Policy, PolicyError, load_policy

log = logging.getLogger("otdesk")

EXIT_PROBLEM = 1
EXIT_USAGE = 2
EXIT_UNEXPECTED = 70
EXIT_INTERRUPTED = 130


def version() -> str:
    try:
        return metadata.version("otdesk")
    except metadata.PackageNotFoundError:
        return "0+unknown"


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting."""

    def error(self, text: str):  # type: ignore[override]
        raise UserError("error.usage", detail=text)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="otdesk", description="OT Desk — structured consultations, encrypted.")
    p.add_argument("--version", action="version", version=f"OT Desk {version()}")
    _add_common(p, None)
    # the same options are accepted after the sub-command too
    common = _Parser(add_help=False)
    _add_common(common, argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    sub.add_parser("init", parents=[common],
                   help="create the vault and print its recovery code once")
    sub.add_parser("doctor", parents=[common],
                   help="check the data folder, keyring, cipher and database")
    demo = sub.add_parser("demo", parents=[common], help="add realistic synthetic consultations")
    demo.add_argument("--count", type=int, default=100)
    demo.add_argument("--seed", type=int)
    lst = sub.add_parser("list", parents=[common], help="list consultations")
    lst.add_argument("--search", default="")
    lst.add_argument("--status")
    lst.add_argument("--json", action="store_true")
    audit = sub.add_parser("audit", parents=[common], help="the audit log")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, parser_class=_Parser)
    audit_sub.add_parser("verify", parents=[common],
                         help="check the hash chain of the audit log")
    summary = sub.add_parser("summary", parents=[common],
                             help="write the summary PDF of a consultation (id from list --json)")
    summary.add_argument("id", type=int)
    summary.add_argument("--out", required=True, help="the PDF file to write (not encrypted)")
    sub.add_parser("recover", parents=[common], help="unlock with the recovery code (stdin); put the key back in "
                   "the keyring, or with --passphrase-stdin set a new passphrase")
    escrow = sub.add_parser("escrow-recover", parents=[common],
                            help="IT: unlock with the escrow private key; put the key back in the "
                            "keyring, or with --passphrase-stdin set a new passphrase")
    escrow.add_argument("--private-key", required=True, metavar="FILE",
                        help="IT's escrow private key (PEM); an encrypted key's password is "
                        "read from $OTDESK_ESCROW_KEY_PASSWORD")
    return p


def _add_common(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument("--data-dir", default=default,
                        help="data folder (default: the platform's; or $OTDESK_DATA_DIR)")
    parser.add_argument("--passphrase-stdin", action="store_true",
                        default=False if default is None else default,
                        help="read the vault passphrase as one line from standard input")
    parser.add_argument("--lang", choices=LANGUAGES, default=default,
                        help="language of messages and the app")


def _read_line(what: str) -> str:
    line = sys.stdin.readline()
    if not line:
        raise UserError("error.passphrase_stdin_empty", what=what)
    return line.rstrip("\r\n")


def _setup_logging(directory: Path) -> Path:
    """A small rotating log file; holds events and error types, never content."""
    logging.raiseExceptions = False  # a full disk must not turn a log line into a traceback
    path = directory / "otdesk.log"
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("otdesk")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    root.propagate = False
    return path


def log_exception(exc: BaseException) -> None:
    """Log where an error happened, without its message (which might quote data)."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{Path(f.filename).name}:{f.lineno}:{f.name}" for f in reversed(frames))
    log.error("unexpected %s.%s at %s", type(exc).__module__, type(exc).__qualname__, where)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    os.umask(0o077)  # every file OT Desk makes is the user's alone
    lang = _early_lang(argv)
    log_path = Path("otdesk.log")
    try:
        args = build_parser().parse_args(argv)
        data = settings.data_dir(args.data_dir)
        overridden = settings.is_overridden(args.data_dir)
        log_path = _setup_logging(settings.log_dir(data, overridden))
        user = _user_settings(settings.settings_path(data, overridden))
        lang = args.lang or _env_lang() or user.language
        try:
            org_policy = load_policy()
        except PolicyError as exc:
            if args.command != "doctor":  # doctor shows it as a FAIL; all else refuses
                if args.command is None:
                    _show_fatal(exc.message(lang))
                raise
            org_policy = exc
        else:
            user = org_policy.apply_to(user)
            lang = args.lang or _env_lang() or user.language
        passphrase = _read_line("passphrase") if args.passphrase_stdin else None
        return _dispatch(args, data, passphrase, lang, org_policy)
    except UserError as exc:
        log.info("refused: %s", exc.key)
        print(exc.message(lang), file=sys.stderr)
        return EXIT_USAGE if exc.key == "error.usage" else EXIT_PROBLEM
    except KeyboardInterrupt:
        print(message("error.interrupted", lang), file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_PROBLEM
    except Exception as exc:  # the last line of defence: no traceback to the user
        log_exception(exc)
        print(message("error.unexpected", lang, log=str(log_path)), file=sys.stderr)
        return EXIT_UNEXPECTED


def _early_lang(argv: list[str]) -> str:
    """The language for messages about the command line itself."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGUAGES:
            return arg[7:]
    return _env_lang() or DEFAULT_LANGUAGE


def _env_lang() -> str | None:
    env = os.environ.get("OTDESK_LANG", "")
    return env if env in LANGUAGES else None


def _user_settings(path: Path) -> settings.UserSettings:
    """The user's settings; a damaged file is logged and the defaults are used."""
    try:
        return settings.UserSettings.load(path)
    except UserError as exc:
        log.warning("settings: %s", exc.key)
        return settings.UserSettings()


def _show_fatal(text: str) -> None:
    """The desktop app cannot start: say so in a dialog too (no one reads stderr there)."""
    try:
        from otdesk.app import show_fatal

        show_fatal(text)
    except Exception as exc:  # the message still goes to stderr
        log_exception(exc)


def _dispatch(args: argparse.Namespace, data: Path, passphrase: str | None, lang: str,
              org_policy: Policy | PolicyError | None = None) -> int:
    command = args.command
    if org_policy is None:
        org_policy = Policy()
    if command == "doctor":
        from otdesk.doctor import run_doctor

        return run_doctor(data, passphrase, lang, org_policy)
    assert isinstance(org_policy, Policy)
    if command is None:
        from otdesk.app import run_app

        overridden = settings.is_overridden(args.data_dir)
        return run_app(data, passphrase=passphrase, lang=lang,
                       settings_file=settings.settings_path(data, overridden),
                       policy=org_policy)
    if command == "init":
        return cmd_init(data, passphrase, lang, org_policy)
    if command == "recover":
        return cmd_recover(data, passphrase, lang)
    if command == "escrow-recover":
        return cmd_escrow_recover(data, Path(args.private_key), passphrase, lang)
    if command == "summary" and not org_policy.allows("cli_summary"):
        raise UserError("error.export_not_allowed", export="otdesk summary")

    from otdesk.storage.vault import open_vault

    with open_vault(data, passphrase=passphrase) as vault:
        if command == "demo":
            return cmd_demo(vault, args.count, args.seed, lang)
        if command == "list":
            return cmd_list(vault, args.search, args.status, args.json, lang)
        if command == "audit":
            return cmd_audit_verify(vault, lang)
        if command == "summary":
            return cmd_summary(vault, args.id, Path(args.out), lang, org_policy)
    raise UserError("error.usage", detail=command)


def cmd_init(data: Path, passphrase: str | None, lang: str,
             org_policy: Policy | None = None) -> int:
    from otdesk.storage.vault import init_vault

    escrow = org_policy.escrow_pem if org_policy is not None else None
    result = init_vault(data, passphrase=passphrase, escrow_public_pem=escrow)
    done = "cli.init_done_keyring" if result.in_keyring else "cli.init_done_passphrase"
    print(message(done, lang, path=str(data)))
    if escrow:
        print(message("cli.escrow_added", lang))
    print()
    print(message("cli.recovery_code", lang))
    print()
    print("    " + result.recovery_code)
    print()
    print(message("cli.recovery_note", lang))
    return 0


def cmd_recover(data: Path, new_passphrase: str | None, lang: str) -> int:
    from otdesk.storage.vault import recover

    code = _read_line("recovery code")
    where = recover(data, code, new_passphrase=new_passphrase)
    print(message(f"cli.recovered_{where}", lang))
    return 0


def cmd_escrow_recover(data: Path, private_key: Path, new_passphrase: str | None,
                       lang: str) -> int:
    """IT unlocks a consultant's vault with the escrow private key (see packaging/escrow.md)."""
    from otdesk.storage.vault import escrow_recover

    try:
        pem = private_key.read_bytes()
    except OSError as exc:
        raise UserError("error.escrow_private_key_unreadable", path=str(private_key)) from exc
    password = os.environ.get("OTDESK_ESCROW_KEY_PASSWORD")
    where = escrow_recover(data, pem, new_passphrase=new_passphrase,
                           password=password.encode("utf-8") if password else None)
    print(message(f"cli.recovered_{where}", lang))
    # the consultant's old recovery code is lost too: a new one, shown once
    from otdesk.storage.vault import open_vault

    with open_vault(data, passphrase=new_passphrase) as vault:
        code = vault.renew_recovery_code()
    print()
    print(message("cli.recovery_code", lang))
    print()
    print("    " + code)
    print()
    print(message("cli.recovery_note", lang))
    return 0


def cmd_demo(vault, count: int, seed: int | None, lang: str) -> int:
    from otdesk.demo import insert_demo

    if not 1 <= count <= 1_000_000:
        raise UserError("error.demo_count")
    start = time.perf_counter()
    made = insert_demo(vault.repository, count, seed=seed)
    print(message("cli.demo_done", lang, count=made,
                  seconds=f"{time.perf_counter() - start:.1f}"))
    return 0


def cmd_list(vault, search: str, status: str | None, as_json: bool, lang: str) -> int:
    rows = vault.repository.list(search=search, status=status)
    vault.repository.audit("consultations.listed", outcome=f"{len(rows)} rows")
    if as_json:
        json.dump([r.to_dict() for r in rows], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if not rows:
        print(message("cli.list_empty", lang))
    for r in rows:
        received = dt.datetime.fromisoformat(r.received_at).astimezone().date().isoformat() \
            if r.received_at else ""
        print(f"{r.id:>7}  {r.reference:<14} {received:<10}  {r.status:<18} {r.organisation}")
    return 0


def cmd_summary(vault, consultation_id: int, out: Path, lang: str,
                org_policy: Policy | None = None) -> int:
    """Write a summary PDF; recorded in the audit log as an export (not a delivery)."""
    from otdesk.storage.keys import write_atomic
    from otdesk.summary import render_summary

    consultation = vault.repository.get(consultation_id)
    org = org_policy.summary_org() if org_policy is not None else None
    pdf = render_summary(consultation, lang, org=org,
                         version=vault.deliveries.next_version(consultation_id),
                         addenda=consultation.addenda)
    try:
        write_atomic(out, pdf)
    except OSError as exc:
        raise UserError("error.save_failed", path=str(out)) from exc
    vault.repository.audit("summary.exported", f"consultation:{consultation_id}",
                           f"{lang} sha256 {hashlib.sha256(pdf).hexdigest()[:16]}")
    print(message("cli.summary_written", lang, path=str(out)))
    return 0


def cmd_audit_verify(vault, lang: str) -> int:
    check = vault.repository.verify_audit()
    if check.ok:
        print(message("cli.audit_ok", lang, count=check.entries))
        return 0
    print(message("cli.audit_broken", lang, seq=check.first_bad, count=check.entries),
          file=sys.stderr)
    return EXIT_PROBLEM


if __name__ == "__main__":
    sys.exit(main())
