"""OT Desk driven as a screen reader user drives it: through the accessibility tree
(AT-SPI, what Orca reads) and the keyboard, under a virtual X server.

Run by Debian's ``python3`` (it has ``pyatspi``) inside a private D-Bus session, by
``tests/test_screen_reader.py``::

    dbus-run-session -- python3 tests/screen_reader_driver.py APP_PYTHON DATA_DIR OUT PDF

The app (``APP_PYTHON -m otdesk``, Finnish, the passphrase on its standard input) is
started twice.  The first time a new consultation is filled page by page, each value
typed or set through the tree as a screen reader sets it; what the tree says on the way
is written to OUT (JSON): every control on screen without a name, the live values with
what they say, the announcements heard.  The status is moved on to held, the summary
saved as a PDF (to PDF) through its warning and the file dialog, then printed through the
print dialog (to a file beside it: there is no printer).  The second time the consultation is found with
the search box and opened with Enter, and its fields are read back through the tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pyatspi

PASSPHRASE = os.environ.get("OTDESK_TEST_PASSPHRASE", "")
#: roles a person reaches and acts on: each must say what it is
CONTROLS = {"push button", "text", "combo box", "check box", "radio button", "list",
            "table", "spin button", "toggle button", "page tab", "menu item", "slider",
            "password text", "entry"}


def walk(acc):
    yield acc
    for child in acc:
        if child is not None:
            yield from walk(child)


def showing(acc) -> bool:
    try:
        return acc.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


class Driver:
    def __init__(self, app_python: str, data_dir: str, pdf_out: str = "") -> None:
        self.app_python, self.data_dir, self.pdf_out = app_python, data_dir, pdf_out
        self.print_out = pdf_out.removesuffix(".pdf") + "-tulostettu.pdf"
        self.report: dict = {"unnamed": {}, "live": {}, "descriptions": {}, "announced": [],
                             "read_back": {}}
        self.events: list[tuple[str, str]] = []
        pyatspi.Registry.registerEventListener(self._heard, "object:announcement")
        self.bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
        self.x, self.display = self._x_server()
        self.app = None
        self.proc = None

    @staticmethod
    def _x_server() -> tuple[subprocess.Popen, str]:
        """A virtual X server on a display no other one holds, once it answers."""
        tried = []
        first = 40 + os.getpid() % 400  # (tests beside each other start apart)
        for number in range(first, first + 40):
            if os.path.exists(f"/tmp/.X{number}-lock") or \
                    os.path.exists(f"/tmp/.X11-unix/X{number}"):
                continue
            display = f":{number}"
            x = subprocess.Popen(["Xvfb", display, "-screen", "0", "1400x900x24",
                                  "-nolisten", "tcp"], stderr=subprocess.PIPE)
            for _ in range(50):
                time.sleep(0.1)
                answer = subprocess.run(["xdotool", "getmouselocation"], capture_output=True,
                                        env=dict(os.environ, DISPLAY=display))
                if answer.returncode == 0 or x.poll() is not None:
                    break
            if x.poll() is None and answer.returncode == 0:
                x.stderr.close()  # (nothing reads it from here on)
                return x, display
            x.kill()
            tried.append((display, x.wait(), x.stderr.read().decode(errors="replace")[-300:]))
            if len(tried) >= 5:
                break
        raise SystemExit(f"no virtual X server: {tried}")

    def _heard(self, event) -> None:
        self.events.append((str(event.any_data), event.source.name if event.source else ""))

    # -- the app --------------------------------------------------------------------------

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env.update(DISPLAY=self.display, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                   OTDESK_DATA_DIR=self.data_dir, QT_QPA_PLATFORM="xcb")
        self.proc = subprocess.Popen([self.app_python, "-m", "otdesk", "--lang", "fi",
                                      "--passphrase-stdin"], stdin=subprocess.PIPE, env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True)
        self.proc.stdin.write(PASSPHRASE + "\n")
        self.proc.stdin.close()
        self.app = self._wait(lambda: next((a for a in pyatspi.Registry.getDesktop(0)
                                            if a is not None and a.name == "OT Desk"), None),
                              "the app in the accessibility tree", 30)
        table = self.find("Konsultaatiot", "table")
        # no window manager: the keyboard goes to the window under the pointer
        x, y, w, h = table.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        self.xdotool("mousemove", str(x + w // 2), str(y + h - 5))
        self.xdotool("click", "1")

    def quit(self) -> int:
        self.key("ctrl+q")
        try:
            code = self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            windows = [(c.getRoleName(), c.name) for c in self.app if showing(c)]
            said = self._dialog_text()
            self.proc.kill()
            raise SystemExit(f"the app did not close on Ctrl+Q: {windows} {said}") from None
        self.report.setdefault("exit_codes", []).append(code)
        return code

    def close(self) -> None:
        for p in (self.proc, self.x, self.bus):
            if p is not None and p.poll() is None:
                p.terminate()  # (Xvfb takes its socket and lock file away)
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    p.kill()

    # -- looking and acting ---------------------------------------------------------------

    @staticmethod
    def _wait(found, what: str, timeout: float = 10):
        end = time.time() + timeout
        while time.time() < end:
            value = found()
            if value:
                return value
            time.sleep(0.2)
        raise SystemExit(f"not found: {what}")

    def find(self, name: str, role: str, timeout: float = 10, prefix: bool = False):
        def look():
            for a in walk(self.app):
                try:
                    named = a.name.startswith(name) if prefix else a.name == name
                    if named and a.getRoleName() == role and showing(a):
                        return a
                except Exception:
                    continue
            return None
        try:
            return self._wait(look, f"{role} {name!r}", timeout)
        except SystemExit:  # what there is instead, to say what went wrong
            there = sorted({a.name for a in walk(self.app)
                            if showing(a) and a.getRoleName() == role})
            raise SystemExit(f"not found: {role} {name!r}; on screen: {there}") from None

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], check=True,
                       env=dict(os.environ, DISPLAY=self.display))

    def key(self, *keys: str) -> None:
        self.xdotool("key", "--clearmodifiers", *keys)
        time.sleep(0.4)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "40", text)
        time.sleep(0.3)

    def set_text(self, name: str, text: str, role: str = "text") -> None:
        """As a screen reader sets a field's text (EditableText)."""
        self.find(name, role).queryEditableText().setTextContents(text)
        time.sleep(0.2)

    def type_into(self, name: str, text: str) -> None:
        """Focus the field through the tree, then type on the keyboard."""
        self.find(name, "text").queryComponent().grabFocus()
        time.sleep(0.2)
        self.type(text)
        self.key("Tab")

    def press(self, name: str, role: str = "push button", prefix: bool = False,
              timeout: float = 10) -> None:
        self.find(name, role, timeout, prefix=prefix).queryAction().doAction(0)
        time.sleep(0.4)

    def text_of(self, name: str) -> str:
        t = self.find(name, "text").queryText()
        return t.getText(0, -1)

    def description(self, name: str, role: str) -> str:
        return self.find(name, role).description

    def click_on(self, name: str, role: str) -> None:
        """A click in the middle of what is named (a label: nothing happens but that the
        window has the keyboard again)."""
        x, y, w, h = self.find(name, role).queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        self.xdotool("mousemove", str(x + w // 2), str(y + h // 2))
        self.xdotool("click", "1")
        time.sleep(0.3)

    def _dialog_text(self) -> str:
        """The labels of the dialog on screen (what a screen reader reads of it)."""
        dialog = next((c for c in self.app if c.getRoleName() in ("dialog", "alert")
                       and showing(c)), None)
        if dialog is None:
            return ""
        return " ".join(a.name for a in walk(dialog) if a.getRoleName() == "label" and a.name)

    def check_page(self, page: str) -> None:
        """Every control on screen says what it is."""
        time.sleep(0.3)
        unnamed = [a.getRoleName() for a in walk(self.app) if showing(a)
                   and a.getRoleName() in CONTROLS and not (a.name or "").strip()]
        self.report["unnamed"][page] = unnamed

    # -- the journey ----------------------------------------------------------------------

    def fill(self) -> None:
        self.start()
        self.check_page("list")
        self.report["live"]["count"] = self.description(
            "Näytettyjen konsultaatioiden määrä", "label")
        self.key("ctrl+n")
        self.find("Nimi", "text")
        self.check_page("request")
        self.set_text("Nimi", "Sanna Virtanen")
        self.set_text("Organisaatio", "Kuopion kaupunki, lastensuojelu")
        self.set_text("Sähköposti", "sanna@kunta.example")
        self.set_text("Konsultaatiokysymys", "Miten tukea lasta, joka ei käy koulua?")
        self.press("Eroriita tai huoltoriita", "check box", prefix=True)
        self.type_into("Otettu käsittelyyn", "8.1.2027")
        self.report["live"]["title"] = self.description("Konsultaatio", "label")
        self.report["live"]["status"] = self.find("Pyyntö saapunut", "combo box").name
        self.report["live"]["due"] = self.description("Seuraava määräaika", "label")

        self.key("ctrl+2")  # the opening: the worry at the start
        self.press("3 ", "radio button", prefix=True)
        self.check_page("opening")
        self.key("ctrl+3")  # the situation
        self.find("Tausta", "text")
        self.check_page("situation")
        self.report["descriptions"]["Tausta"] = self.description("Tausta", "text")
        self.set_text("Tausta", "Vanhemmat erosivat 2024, ja riita jatkuu.")
        self.key("ctrl+4")  # reflections
        self.set_text("Oletukset", "Voisiko olla niin, että lapsi suojaa äitiä?")
        self.check_page("reflections")
        self.key("ctrl+5")  # options
        self.press("Lisää vaihtoehto")
        self.set_text("Vaihtoehto 1", "Verkostopalaveri koululla")
        self.press("Vaihtoehdot 1: Valittu", "check box")
        self.check_page("options")
        self.key("ctrl+6")  # the plan
        self.press("Lisää toimenpide")
        self.set_text("Mitä tehdään 1", "Koulu kutsuu verkoston koolle")
        self.type_into("Mihin mennessä 1", "15.1.2027")
        self.check_page("plan")
        self.key("ctrl+7")  # the closing: the worry at the end
        self.press("2 ", "radio button", prefix=True)
        self.check_page("closing")
        self.key("ctrl+8")  # the close-out: the session's date, the feedback
        self.type_into("Tapaamisen päivämäärä", "10.1.2027")
        self.set_text("Palautteen kommentti", "Selkeä suunnitelma, kiitos.")
        self.check_page("closeout")
        # the status, in its combo box: Tab from the header's first button, the next
        # step chosen with ↓ (the steps the workflow does not allow are skipped)
        self.find("Takaisin luetteloon", "push button").queryComponent().grabFocus()
        time.sleep(0.3)
        self.key("Tab")
        self.key("Down")
        self.report["live"]["status_chosen"] = self.find("Otettu käsittelyyn", "combo box").name
        self.key("ctrl+9")  # the summary: its preview as text
        self.press("Näytä tekstinä", "check box", timeout=20)  # (Qt: a checkable button)
        self.check_page("summary")
        self._wait(lambda: "Vanhemmat erosivat" in self.text_of("Yhteenvedon teksti"),
                   "the summary's text")
        self.report["summary_text"] = self.text_of("Yhteenvedon teksti")
        self.check_page("summary")
        # held (two more steps of the status), then Save as PDF through its dialogs
        for status in ("Valmisteltu", "Konsultaatio pidetty"):
            self.find("Takaisin luetteloon", "push button").queryComponent().grabFocus()
            time.sleep(0.3)
            self.key("Tab", "Down")
            self.find(status, "combo box")
        self.find("Tallenna yhteenveto PDF-tiedostoksi", "push button") \
            .queryComponent().grabFocus()
        time.sleep(0.3)
        self.key("space")  # (a modal dialog from a tree action would hold the bus)
        self.find("OK", "push button", timeout=15)
        self.report["dialogs"] = {"warning": self._dialog_text()}
        self.key("Return")  # "the saved PDF is not encrypted": OK
        name = self._wait(lambda: next((a for a in walk(self.app) if showing(a)
                                        and a.getRoleName() == "text"
                                        and a.queryText().getText(0, -1).endswith(".pdf")),
                                       None), "the file dialog's file name", 15)
        name.queryEditableText().setTextContents(self.pdf_out)
        time.sleep(0.3)
        self.key("Return")
        self.find("Yhteenveto toimitettu", "combo box", timeout=20)
        self.report["live"]["sealed"] = self.description("Lukittu", "label")
        self.click_on("Konsultaatio", "label")  # (no window manager gives the focus back)
        # printed too: the print dialog (to a file here: no printer), its warning
        self.find("Tulosta yhteenveto", "push button").queryComponent().grabFocus()
        time.sleep(0.3)
        self.key("space")
        self.find("Tulosta tiedostoon (PDF)", "combo box", timeout=15)
        target = self._wait(lambda: next((a for a in walk(self.app) if showing(a)
                                          and a.getRoleName() == "text"
                                          and a.queryText().getText(0, -1).endswith(".pdf")),
                                         None), "the print dialog's file name", 15)
        target.queryEditableText().setTextContents(self.print_out)
        time.sleep(0.3)
        self.key("Return")  # Tulosta
        self.find("OK", "push button", timeout=15)
        self.report["dialogs"]["print_warning"] = self._dialog_text()
        self.key("Return")
        self._wait(lambda: os.path.exists(self.print_out), "the printed file", 20)
        self.click_on("Konsultaatio", "label")
        self.key("ctrl+6")
        self.press("Käynnistä ajanotto")  # the session clock says the plan's phase
        self.find("Pysäytä ajanotto", "push button")
        time.sleep(1.5)
        self.press("Pysäytä ajanotto")
        time.sleep(1.5)  # autosave
        self.report["live"]["save"] = self.description("Tallennus", "label")
        self.report["announced"] = list(self.events)  # (this start's only)
        self.quit()

    def read_back(self, reference: str) -> None:
        self.start()
        self.key("ctrl+f")
        self.type(reference)
        self.key("Return")
        self.find("Nimi", "text", timeout=15)
        back = self.report["read_back"]
        for name in ("Nimi", "Organisaatio", "Sähköposti", "Konsultaatiokysymys",
                     "Otettu käsittelyyn"):
            back[name] = self.text_of(name)
        self.key("ctrl+3")
        back["Tausta"] = self.text_of("Tausta")
        self.key("ctrl+6")
        back["Mitä tehdään 1"] = self.text_of("Mitä tehdään 1")
        back["Mihin mennessä 1"] = self.text_of("Mihin mennessä 1")
        self.quit()


def main() -> int:
    app_python, data_dir, out, pdf_out = sys.argv[1:5]
    try:
        driver = Driver(app_python, data_dir, pdf_out)
    except SystemExit as exc:
        with open(out, "w", encoding="utf-8") as f:
            json.dump({"failed": str(exc)}, f)
        return 0
    try:
        driver.fill()
        title = driver.report["live"]["title"]
        driver.read_back(title.split(" ")[0])
    except SystemExit as exc:
        driver.report["failed"] = str(exc)
        if driver.proc is not None and driver.proc.poll() is None:
            driver.proc.kill()
        driver.report["app_stderr"] = driver.proc.stderr.read()[-2000:] if driver.proc else ""
    finally:
        driver.close()
        with open(out, "w", encoding="utf-8") as f:
            json.dump(driver.report, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
