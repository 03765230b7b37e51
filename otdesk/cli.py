"""The ``otdesk`` command: the desktop app, and the sub-commands IT, tests and scripts use.

Every error is one clear line on stderr in the user's language and an exit
code other than 0; details (never consultation content) go to the log file.

Exit codes: 0 fine, 1 a problem the message explains, 2 a wrong command line,
70 an unexpected error (see the log), 130 interrupted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import logging.handlers
import os
import sys
import time
from importlib import metadata
from pathlib import Path

from otdesk import cli_words
from otdesk.config import settings
from otdesk.config.policy import Policy, PolicyError, load_policy
from otdesk.core import dates
from otdesk.core.dates import use_zone
from otdesk.core.errors import UserError, message
from otdesk.core.profile import ConsultantProfile
from otdesk.core.texts import DEFAULT_LANGUAGE, LANGUAGES
from otdesk.dumps import forbid_core_dumps

log = logging.getLogger("otdesk")

EXIT_PROBLEM = 1
EXIT_USAGE = 2
EXIT_UNEXPECTED = 70
EXIT_INTERRUPTED = 130
#: refusals that are about the command line itself (exit code 2)
_USAGE_KEYS = ("error.usage", "error.command_line", "error.deliveries_version_out")


def version() -> str:
    try:
        return metadata.version("otdesk")
    except metadata.PackageNotFoundError:
        return "0+unknown"


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting; its own words come
    from the message catalogue (:mod:`otdesk.cli_words`)."""

    def error(self, text: str):  # type: ignore[override]
        raise UserError("error.command_line", detail=text, command=self.prog)


def build_parser(lang: str = DEFAULT_LANGUAGE) -> argparse.ArgumentParser:
    """The command line, its help in ``lang``; build it (and parse with it) inside
    ``cli_words.speaking(lang)``, so that argparse's own words are in ``lang`` too."""
    from otdesk.core import domain, vocabulary

    def h(key: str, **params) -> str:
        return message(f"cli.help.{key}", lang, **params)

    def mv(key: str) -> str:
        return message(f"cli.metavar.{key}", lang)

    def whole_number(text: str) -> int:
        try:
            return int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(
                message("cli.not_whole_number", lang, value=text[:20])) from None

    def version_number(text: str) -> int:
        """A delivered version's number: 1, 2, …"""
        value = text.strip()
        if not (value.isascii() and value.isdigit()) or int(value) < 1:
            raise argparse.ArgumentTypeError(
                message("cli.not_version_number", lang, value=text[:20]))
        return int(value)

    p = _Parser(prog="otdesk", description=h("description"))
    p.add_argument("--version", action="version", version=f"OT Desk {version()}",
                   help=message("argparse.version", lang))
    _add_common(p, None, h, mv)
    # the same options are accepted after the sub-command too
    common = _Parser(add_help=False)
    _add_common(common, argparse.SUPPRESS, h, mv)

    def commands(parser: argparse.ArgumentParser, dest: str, required: bool = False):
        return parser.add_subparsers(dest=dest, required=required, parser_class=_Parser,
                                     title=h("commands"), metavar=mv("command"))

    def command(subparsers, name: str, key: str):
        return subparsers.add_parser(name, parents=[common], help=h(key), description=h(key))

    sub = commands(p, "command")
    command(sub, "init", "init")
    command(sub, "doctor", "doctor")
    demo = command(sub, "demo", "demo")
    demo.add_argument("--count", type=whole_number, default=100, metavar=mv("number"),
                      help=h("demo_count"))
    demo.add_argument("--seed", type=whole_number, metavar=mv("number"), help=h("demo_seed"))
    demo.add_argument("--deliveries", action=argparse.BooleanOptionalAction, default=None,
                      help=h("demo_deliveries"))
    lst = command(sub, "list", "list")
    lst.add_argument("--search", default="", metavar=mv("words"), help=h("list_search"))

    def codes(kind: str, of: tuple[str, ...]) -> str:
        """The choices of an option as help shows them: "held (Konsultaatio pidetty), …"."""
        return ", ".join(f"{code} ({vocabulary.label(kind, code, lang)})" for code in of)

    lst.add_argument("--status", choices=domain.STATUSES, metavar=mv("status"),
                     help=h("list_status", choices=codes("statuses", domain.STATUSES)))
    lst.add_argument("--category", choices=domain.CATEGORIES, metavar=mv("category"),
                     help=h("list_category", choices=codes("categories", domain.CATEGORIES)))
    lst.add_argument("--json", action="store_true", help=h("json"))
    audit = command(sub, "audit", "audit")
    command(commands(audit, "audit_command", required=True), "verify", "audit_verify")
    summary = command(sub, "summary", "summary")
    summary.add_argument("id", metavar="ID", help=h("id"))
    summary.add_argument("--out", required=True, metavar=mv("file"), help=h("summary_out"))
    summary.add_argument("--draft", action="store_true", help=h("summary_draft"))
    summary.add_argument("--force", action="store_true", help=h("force"))
    deliveries = command(sub, "deliveries", "deliveries")
    deliveries.add_argument("id", metavar="ID", help=h("id"))
    deliveries.add_argument("--version", dest="delivery_version", metavar="N",
                            type=version_number, help=h("deliveries_version"))
    shown = deliveries.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help=h("json"))
    shown.add_argument("--out", metavar=mv("file"), help=h("deliveries_out"))
    deliveries.add_argument("--force", action="store_true", help=h("force"))
    profile = command(sub, "profile", "profile")
    for name in ("name", "title", "phone", "email"):
        profile.add_argument(f"--{name}", metavar=mv("text"), help=h(f"profile_{name}"))
    command(sub, "recover", "recover")
    escrow = command(sub, "escrow-recover", "escrow_recover")
    escrow.add_argument("--private-key", required=True, metavar=mv("file"),
                        help=h("private_key"))
    salvage = command(sub, "salvage", "salvage")
    salvage.add_argument("--out", required=True, metavar=mv("folder"), help=h("salvage_out"))
    backup_sub = commands(command(sub, "backup", "backup"), "backup_command", required=True)
    command(backup_sub, "now", "backup_now")
    backup_list = command(backup_sub, "list", "backup_list")
    backup_list.add_argument("--json", action="store_true", help=h("json"))
    backup_verify = command(backup_sub, "verify", "backup_verify")
    backup_verify.add_argument("id", metavar="ID", nargs="?", help=h("backup_id"))
    backup_restore = command(backup_sub, "restore", "backup_restore")
    backup_restore.add_argument("id", metavar="ID", nargs="?", help=h("backup_restore_id"))
    return p


def _add_common(parser: argparse.ArgumentParser, default, h, mv) -> None:
    parser.add_argument("--data-dir", default=default, metavar=mv("folder"), help=h("data_dir"))
    parser.add_argument("--passphrase-stdin", action="store_true",
                        default=False if default is None else default,
                        help=h("passphrase_stdin"))
    parser.add_argument("--lang", choices=LANGUAGES, default=default, help=h("lang"))


def _read_line(what: str) -> str:
    """One line of standard input, as UTF-8 text, without its line ending (and without
    the byte order mark some Windows shells put first).  Raises UserError for no line
    (``error.passphrase_stdin_empty``) or one that is not UTF-8 (``error.stdin_not_utf8``).

    The bytes are read and decoded here, whatever encoding the locale gives sys.stdin."""
    stream = sys.stdin
    if stream is None:  # (no standard input at all: pythonw, a service)
        raise UserError("error.passphrase_stdin_empty", what=what)
    raw = getattr(stream, "buffer", None)
    try:
        if raw is not None:
            data = raw.readline()
            line = data.decode("utf-8") if isinstance(data, bytes) else data
        else:
            line = stream.readline()
    except UnicodeDecodeError:
        raise UserError("error.stdin_not_utf8", what=what) from None
    if not line:
        raise UserError("error.passphrase_stdin_empty", what=what)
    return line.rstrip("\r\n").removeprefix("\ufeff")


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
    forbid_core_dumps()  # before any secret is read (otdesk/dumps.py)
    lang = _early_lang(argv)
    log_path = Path("otdesk.log")
    try:
        with cli_words.speaking(lang):
            args = build_parser(lang).parse_args(argv)
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
            use_zone(org_policy.time_zone)  # every "now" and "today" from here on
            user = org_policy.apply_to(user)
            lang = args.lang or _env_lang() or user.language
        passphrase = _read_line("passphrase") if args.passphrase_stdin else None
        return _dispatch(args, data, passphrase, lang, org_policy, user)
    except UserError as exc:
        log.info("refused: %s", exc.key)
        print(exc.message(lang), file=sys.stderr)
        return EXIT_USAGE if exc.key in _USAGE_KEYS else EXIT_PROBLEM
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
    """The language for the command line itself (its help, its errors), before it is
    parsed: ``--lang``, then $OTDESK_LANG, then the user's settings (with the policy's
    locked language), as :func:`main` decides after parsing."""
    given = _option_value(argv, "--lang")
    if given in LANGUAGES:
        return given
    env = _env_lang()
    if env:
        return env
    try:
        chosen = _option_value(argv, "--data-dir")
        data = settings.data_dir(chosen)
        user = _user_settings(settings.settings_path(data, settings.is_overridden(chosen)))
        user = load_policy().apply_to(user)
    except Exception:  # (the same is found again, and told, once the line is parsed)
        return DEFAULT_LANGUAGE
    return user.language if user.language in LANGUAGES else DEFAULT_LANGUAGE


def _option_value(argv: list[str], option: str) -> str | None:
    """The value given to ``option`` (``--option V`` or ``--option=V``), if any."""
    for i, arg in enumerate(argv):
        if arg == option and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(option + "="):
            return arg[len(option) + 1:]
    return None


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
        from otdesk.ui.app import show_fatal

        show_fatal(text)
    except Exception as exc:  # the message still goes to stderr
        log_exception(exc)


def _dispatch(args: argparse.Namespace, data: Path, passphrase: str | None, lang: str,
              org_policy: Policy | PolicyError | None = None,
              user: settings.UserSettings | None = None) -> int:
    command = args.command
    if org_policy is None:
        org_policy = Policy()
    if user is None:
        user = settings.UserSettings()
    if command == "doctor":
        from otdesk.doctor import run_doctor

        return run_doctor(data, passphrase, lang, org_policy)
    assert isinstance(org_policy, Policy)
    if command is None:
        from otdesk.ui.app import run_app

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
    if command == "salvage":
        return cmd_salvage(data, Path(args.out), passphrase, lang, user)
    if command == "backup":
        return cmd_backup(args, data, passphrase, lang, org_policy)
    if command == "profile":
        return cmd_profile(settings.settings_path(data, settings.is_overridden(args.data_dir)),
                           args, lang)
    writes_out = command == "summary" or (command == "deliveries" and (
        args.out is not None or args.delivery_version is not None))
    if writes_out:
        _check_out_args(args, data, org_policy)

    from otdesk.storage.vault import open_vault

    with open_vault(data, passphrase=passphrase) as vault:
        # the consultant's name (with the login) on audit rows and deliveries
        vault.repository.actor = user.profile.actor()
        if command == "demo":
            return cmd_demo(vault, args.count, args.seed, lang, args.deliveries)
        if command == "list":
            return cmd_list(vault, args.search, args.status, args.json, lang,
                            category=args.category)
        if command == "audit":
            return cmd_audit_verify(vault, lang)
        if command == "summary":
            done = cmd_summary(vault, args.id, args.out, lang, org_policy, data,
                               profile=user.profile, draft=args.draft, force=args.force)
            _note_missing_profile(settings.settings_path(
                data, settings.is_overridden(args.data_dir)), lang)
            return done
        if command == "deliveries":
            if args.out is not None:
                return cmd_delivery_out(vault, args.id, args.delivery_version, args.out,
                                        lang, data, force=args.force)
            return cmd_deliveries(vault, args.id, args.json, lang)
    raise UserError("error.usage", detail=command)


def _check_out_args(args: argparse.Namespace, data: Path, org_policy: Policy) -> None:
    """Refuse a summary file before the vault is even opened: not allowed by the
    organisation, not a usable place (delivery.check_target's rules), or for
    ``deliveries`` no version or no file named."""
    from otdesk.operations import delivery

    if args.command == "deliveries" and (args.out is None or args.delivery_version is None):
        raise UserError("error.deliveries_version_out", ref=args.id[:40])
    if not org_policy.allows("cli_summary"):
        raise UserError("error.export_not_allowed", export="otdesk summary"
                        if args.command == "summary" else "otdesk deliveries --out")
    delivery.check_target(args.out, delivery.protected_folders(data), force=args.force)


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


def cmd_salvage(data: Path, out: Path, passphrase: str | None, lang: str,
                user: settings.UserSettings | None = None) -> int:
    """Copy what still reads of the vault in ``data`` into a new vault in ``out`` (the
    key from the keyring or the passphrase; the database need not open).  Exit 0 when
    everything came, 1 when something was lost (the report says what)."""
    from otdesk.storage import salvage
    from otdesk.storage.vault import VaultPaths

    paths = VaultPaths(data)
    key = salvage.source_key(paths, passphrase=passphrase)
    actor = user.profile.actor() if user is not None else None
    report = salvage.salvage(paths, key, out, actor=actor)
    for line in salvage.describe(report, data, lang):
        print(line)
    if report.complete:
        return 0
    print(message("salvage.incomplete", lang), file=sys.stderr)
    return EXIT_PROBLEM


def cmd_demo(vault, count: int, seed: int | None, lang: str,
             deliveries: bool | None = None) -> int:
    from otdesk.demo import insert_demo

    if not 1 <= count <= 1_000_000:
        raise UserError("error.demo_count")
    start = time.perf_counter()
    made = insert_demo(vault, count, seed=seed, deliveries=deliveries)
    print(message("cli.demo_done", lang, count=made,
                  seconds=f"{time.perf_counter() - start:.1f}"))
    return 0


def cmd_list(vault, search: str, status: str | None, as_json: bool, lang: str,
             category: str | None = None) -> int:
    rows = vault.repository.list(search=search, status=status, category=category)
    vault.repository.audit("consultations.listed", outcome=f"{len(rows)} rows")
    if as_json:
        json.dump([r.to_dict() for r in rows], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if not rows:
        print(message("cli.list_empty", lang))
    from otdesk.core.vocabulary import label

    for r in rows:
        received = dates.day_text(dates.local_day(dt.datetime.fromisoformat(r.received_at))) \
            if r.received_at else ""
        status = label("statuses", r.status, lang)
        print(f"{r.id:>7}  {r.reference:<14} {received:<10}  {status:<24} {r.organisation}")
    return 0


def cmd_summary(vault, ref: str, out: str, lang: str, org_policy: Policy | None,
                data: Path, *, profile: ConsultantProfile | None = None,
                draft: bool = False, force: bool = False) -> int:
    """Deliver the summary as a PDF file (recorded and sealed, as Save as PDF in the
    app), or with ``draft`` write a draft, audited as an export only."""
    from otdesk.operations import delivery

    consultation_id = vault.repository.find(ref)
    consultant = profile if profile is not None and not profile.is_empty() else None
    context = delivery.SummaryContext(
        org=org_policy.summary_org() if org_policy is not None else None,
        consultant=consultant, today=dates.today())
    protected = delivery.protected_folders(data)
    prepared = delivery.prepare(vault, consultation_id, lang, context, draft=draft)
    if draft:
        target = delivery.write_draft(vault, prepared, out, protected=protected, force=force)
        print(message("cli.draft_written", lang, path=str(target)))
    else:
        done = delivery.save_pdf(vault, prepared, out, protected=protected, force=force,
                                 via="cli")
        print(message("cli.summary_delivered", lang, reference=prepared.reference,
                      version=done.version, path=str(Path(out).expanduser().resolve())))
    return 0


def _note_missing_profile(path: Path, lang: str) -> None:
    """Once per settings file: the summary showed the organisation's contact because no
    consultant profile is set, and how to set one."""
    try:
        user = settings.UserSettings.load(path)  # as on disk (no policy values mixed in)
    except UserError:
        return  # a damaged settings file is not this command's business
    if not user.profile.is_empty() or user.profile_noted:
        return
    print(message("cli.profile_missing_note", lang))
    user.profile_noted = True
    try:
        user.save(path)
    except (OSError, UserError):
        pass  # said again next time, which is harmless


def cmd_deliveries(vault, ref: str, as_json: bool, lang: str) -> int:
    """Every delivery of a consultation, oldest first."""
    consultation_id = vault.repository.find(ref)
    rows = vault.deliveries.of(consultation_id)
    vault.repository.audit("deliveries.listed", f"consultation:{consultation_id}",
                           f"{len(rows)} rows")
    if as_json:
        json.dump([d.to_dict() for d in rows], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if not rows:
        print(message("cli.deliveries_empty", lang))
        return 0
    table = [(f"v{d.version}", d.method, d.via, d.lang,
              dates.local(d.delivered_at).strftime("%Y-%m-%d %H:%M"), d.actor, d.sha256)
             for d in rows]
    head = tuple(message("cli.deliveries_header", lang).split("|"))
    if len(head) != len(table[0]):
        head = ("version", "method", "via", "lang", "when", "who", "sha256")
    widths = [max(len(str(r[i])) for r in (head, *table)) for i in range(len(head))]
    for row in (head, *table):
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths)).rstrip())
    return 0


def cmd_delivery_out(vault, ref: str, version: int, out: str, lang: str, data: Path, *,
                     force: bool = False) -> int:
    """Write delivered version ``version`` exactly as it was given; an export, not a
    new delivery."""
    from otdesk.operations import delivery

    consultation_id = vault.repository.find(ref)
    protected = delivery.protected_folders(data)
    delivery.check_target(out, protected, force=force)  # before the PDF is even reopened
    first = vault.deliveries.first_of_version(consultation_id, version)
    prepared = delivery.stored(vault, first.id)
    target = delivery.write_draft(vault, prepared, out, protected=protected, force=force)
    print(message("cli.delivery_written", lang, reference=prepared.reference,
                  version=version, path=str(target)))
    return 0


_PROFILE_FIELDS = ("name", "title", "phone", "email")


def cmd_profile(path: Path, args: argparse.Namespace, lang: str) -> int:
    """Show the consultant profile, or change the fields given and show the result.
    Only the profile changes; the rest of the settings file is kept as it is."""
    from otdesk.core.domain import email_problem

    changes = {f: getattr(args, f) for f in _PROFILE_FIELDS if getattr(args, f) is not None}
    if changes:
        # the file as it is (not with the policy's locked values), so that saving keeps it
        user = settings.UserSettings.load(path)
        for name, value in changes.items():
            value = " ".join(value.split())
            if len(value) > settings.PROFILE_MAX:
                raise UserError("error.profile_too_long", field=f"--{name}",
                                max=settings.PROFILE_MAX)
            if name == "email" and (problem := email_problem(value)):
                raise problem
            setattr(user.profile, name, value)
        try:
            user.save(path)
        except OSError as exc:
            raise UserError("error.save_failed", path=str(path)) from exc
        print(message("cli.profile_saved", lang, path=str(path)))
    else:
        user = settings.UserSettings.load(path)  # a damaged file is said so, not shown empty
    profile = user.profile
    if profile.is_empty():
        print(message("cli.profile_none", lang))
        return 0
    labels = {f: message(f"cli.profile_{f}", lang) for f in _PROFILE_FIELDS}
    width = max(len(v) for v in labels.values()) + 1
    for name in _PROFILE_FIELDS:
        print(f"{labels[name] + ':':<{width}} {getattr(profile, name)}".rstrip())
    print(message("cli.profile_actor", lang, actor=profile.actor()))
    return 0


def cmd_audit_verify(vault, lang: str) -> int:
    check = vault.repository.verify_audit()
    if check.ok:
        print(message("cli.audit_ok", lang, count=check.entries))
        return 0
    print(message("cli.audit_broken", lang, seq=check.first_bad, count=check.entries),
          file=sys.stderr)
    return EXIT_PROBLEM


def cmd_backup(args: argparse.Namespace, data: Path, passphrase: str | None, lang: str,
               org_policy: Policy) -> int:
    """``otdesk backup now | list | verify | restore`` (otdesk/storage/backups.py)."""
    from otdesk.storage.vault import VaultPaths

    action = args.backup_command
    if action == "now":
        return cmd_backup_now(data, passphrase, lang, org_policy.backup_dir)
    paths = VaultPaths(Path(data))
    if action == "list":
        return cmd_backup_list(paths, args.json, lang)
    if action == "verify":
        return cmd_backup_verify(paths, args.id, passphrase, lang)
    if action == "restore":
        return cmd_backup_restore(paths, args.id, passphrase, lang)
    raise UserError("error.usage", detail=f"backup {action}")


def cmd_backup_now(data: Path, passphrase: str | None, lang: str,
                   backup_dir: Path | None) -> int:
    from otdesk.storage import backups
    from otdesk.storage.vault import open_vault

    with open_vault(data, passphrase=passphrase) as vault:
        info = backups.make_backup(vault.paths, vault.data_key, reason="manual",
                                   backup_dir=backup_dir)
    print(message("backup.done", lang, path=str(info.path), size=_size_text(info.size, lang)))
    if info.copied_to is not None:
        print(message("backup.copied", lang, path=str(info.copied_to)))
    if info.copy_error is not None:
        print(info.copy_error.message(lang), file=sys.stderr)
        return EXIT_PROBLEM
    return 0


def cmd_backup_list(paths, as_json: bool, lang: str) -> int:
    from otdesk.storage import backups

    rows = backups.list_backups(paths)
    if as_json:
        json.dump([b.to_dict() for b in rows], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if not rows:
        print(message("backup.list_empty", lang))
        return 0
    table = [(b.id, _when_text(b.created, lang), _size_text(b.size, lang),
              _reason_text(b.reason, lang),
              message("backup.verified_yes" if b.verified else "backup.verified_no", lang))
             for b in rows]
    head = tuple(message("backup.list_header", lang).split("|"))
    widths = [max(len(str(r[i])) for r in (head, *table)) for i in range(len(head))]
    for row in (head, *table):
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths)).rstrip())
    return 0


def cmd_backup_verify(paths, backup_id: str | None, passphrase: str | None, lang: str) -> int:
    from otdesk.storage import backups

    info = backups.find_backup(paths, backup_id)
    problems = backups.verify_backup(info, _backup_key(paths, info, passphrase))
    if problems:
        text = "; ".join(p.message(lang) if isinstance(p, backups.Problem) else str(p)
                         for p in problems)
        print(message("backup.verify_failed", lang, id=info.id, problems=text),
              file=sys.stderr)
        return EXIT_PROBLEM
    print(message("backup.verify_ok", lang, id=info.id,
                  consultations=info.counts.get("consultations", 0)))
    return 0


def cmd_backup_restore(paths, backup_id: str | None, passphrase: str | None,
                       lang: str) -> int:
    from otdesk.storage import backups

    info = backups.find_backup(paths, backup_id, good=True)
    aside = backups.restore_backup(paths, info.id, _backup_key(paths, info, passphrase))
    print(message("backup.restored", lang, id=info.id, date=_when_text(info.created, lang)))
    print(message("backup.set_aside", lang, path=str(aside)))
    return 0


def _backup_key(paths, info, passphrase: str | None) -> bytes:
    """The data key from the key slots (keyring or passphrase), without opening the
    database: the vault's own slots, or the backup's when those are gone."""
    from otdesk.storage import backups
    from otdesk.storage.vault import unlock_key

    return unlock_key(backups.key_slots_for(paths, info), passphrase=passphrase)


def _when_text(value: dt.datetime, lang: str) -> str:
    return f"{dates.day_text(value)} {dates.clock_text(value, lang)}"


def _size_text(size: int, lang: str) -> str:
    mb = f"{size / 1_000_000:.1f}"
    return message("backup.size_mb", lang, mb=mb if lang == "en" else mb.replace(".", ","))


def _reason_text(reason: str, lang: str) -> str:
    key = "backup.reason_" + reason.replace("-", "_")
    shown = message(key, lang)
    return reason if shown == key else shown


if __name__ == "__main__":
    sys.exit(main())
