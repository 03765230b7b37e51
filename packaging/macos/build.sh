#!/usr/bin/env bash
# packaging/macos/build.sh — OT Desk.app: PyInstaller, codesign (hardened
# runtime), notarytool, staple, then a .dmg.  Runs on macOS only (CI:
# macos-latest, packaging/ci/release.yml); it cannot run on the Linux build machine.
#
# Environment:
#   OTDESK_CODESIGN_IDENTITY   "Developer ID Application: NAME (TEAMID)", a
#                              certificate in the keychain (CI imports it)
#   OTDESK_NOTARY_PROFILE      a `xcrun notarytool store-credentials` profile, or
#   OTDESK_NOTARY_APPLE_ID, OTDESK_NOTARY_TEAM_ID, OTDESK_NOTARY_PASSWORD
#                              (an app-specific password)
# Without an identity the app is ad-hoc signed ("-") and not notarized, loudly.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-python3}
VERSION=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
APP="dist/bundle/OT Desk.app"
DMG="dist/otdesk-$VERSION-macos-$(uname -m).dmg"
ENT=packaging/macos/entitlements.plist

"$PYTHON" -m venv build/dist-venv
build/dist-venv/bin/python -m pip install --quiet --upgrade pip
build/dist-venv/bin/python -m pip install --quiet -e '.[dist]'

# icon: .icns from the SVG (Qt renders it; iconutil packs the sizes)
if [[ ! -f resources/icons/otdesk.icns ]]; then
    set_dir=build/otdesk.iconset
    mkdir -p "$set_dir"
    build/dist-venv/bin/python - "$set_dir" <<'PY'
import sys
from PySide6.QtGui import QGuiApplication, QIcon
app = QGuiApplication(sys.argv[:1])
icon = QIcon("resources/icons/otdesk.svg")
for size in (16, 32, 128, 256, 512):
    icon.pixmap(size, size).save(f"{sys.argv[1]}/icon_{size}x{size}.png")
    icon.pixmap(size * 2, size * 2).save(f"{sys.argv[1]}/icon_{size}x{size}@2x.png")
PY
    iconutil -c icns "$set_dir" -o resources/icons/otdesk.icns
fi

build/dist-venv/bin/pyinstaller --noconfirm --clean --distpath dist/bundle \
    --workpath build/pyinstaller packaging/otdesk.spec
"$APP/Contents/MacOS/otdesk" --version

IDENTITY=${OTDESK_CODESIGN_IDENTITY:-}
if [[ -z $IDENTITY ]]; then
    echo "######## WARNING: no OTDESK_CODESIGN_IDENTITY: ad-hoc signature, NOT notarized ########" >&2
    IDENTITY=-
fi
# Sign inside-out: every Mach-O in the bundle, then the app itself.  Hardened
# runtime (--options runtime) and a secure timestamp are what notarization needs.
find "$APP/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -u+x \) -print0 |
    while IFS= read -r -d '' f; do
        if file "$f" | grep -q 'Mach-O'; then
            codesign --force --timestamp --options runtime --entitlements "$ENT" \
                --sign "$IDENTITY" "$f"
        fi
    done
codesign --force --timestamp --options runtime --entitlements "$ENT" --sign "$IDENTITY" "$APP"
codesign --verify --deep --strict --verbose=2 "$APP"

hdiutil create -volname "OT Desk" -srcfolder "$APP" -ov -format UDZO "$DMG"
[[ $IDENTITY == - ]] || codesign --force --timestamp --sign "$IDENTITY" "$DMG"

if [[ $IDENTITY != - ]]; then
    if [[ -n ${OTDESK_NOTARY_PROFILE:-} ]]; then
        creds=(--keychain-profile "$OTDESK_NOTARY_PROFILE")
    else
        creds=(--apple-id "$OTDESK_NOTARY_APPLE_ID" --team-id "$OTDESK_NOTARY_TEAM_ID"
               --password "$OTDESK_NOTARY_PASSWORD")
    fi
    xcrun notarytool submit "$DMG" "${creds[@]}" --wait
    xcrun stapler staple "$DMG"
    xcrun stapler validate "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose "$DMG"
fi
( cd dist && shasum -a 256 "$(basename "$DMG")" >SHA256SUMS-macos )
echo "==> $DMG"
