<#
.SYNOPSIS
  Build, sign and package OT Desk for Windows: PyInstaller bundle -> signed
  otdesk.exe -> WiX MSI (per machine) -> signed MSI.  Not runnable on the Linux
  build machine; CI runs it on windows-latest (packaging/ci/release.yml).

.DESCRIPTION
  Needs: Python 3.11 (x64), WiX Toolset v5 (`dotnet tool install --global wix`),
  the WiX UI extension (`wix extension add -g WixToolset.UI.wixext`), and
  signtool.exe from the Windows SDK.

  Signing (Authenticode, SHA-256, RFC 3161 timestamp), from the environment:
    OTDESK_SIGN_CERT_FILE      path to a .pfx code-signing certificate, and
    OTDESK_SIGN_CERT_PASSWORD  its password;                      or
    OTDESK_SIGN_CERT_SHA1      thumbprint of a certificate in the machine/user
                               store (e.g. on an HSM / EV token)
    OTDESK_TIMESTAMP_URL       default http://timestamp.digicert.com
  Without a certificate the MSI is built unsigned and the script says so.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#>
[CmdletBinding()]
param(
    [string]$Python = "python"
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

$Version = & $Python -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
Write-Host "==> OT Desk $Version"

# 1. build venv with the runtime deps + PyInstaller (keyring's Windows backend
#    needs pywin32-ctypes, a dependency of keyring on Windows)
& $Python -m venv build\dist-venv
$VPy = "build\dist-venv\Scripts\python.exe"
& $VPy -m pip install --quiet --upgrade pip
& $VPy -m pip install --quiet -e ".[dist]"

# 2. icon: the .ico is made from resources\icons\otdesk.svg (Qt renders SVG)
if (-not (Test-Path resources\icons\otdesk.ico)) {
    & $VPy -c @"
import sys
from PySide6.QtGui import QGuiApplication, QIcon
app = QGuiApplication(sys.argv[:1])
icon = QIcon('resources/icons/otdesk.svg')
icon.pixmap(256, 256).save('resources/icons/otdesk.ico')
"@
}

# 3. PyInstaller one-folder bundle (same spec as Linux)
& "build\dist-venv\Scripts\pyinstaller.exe" --noconfirm --clean --distpath dist\bundle `
    --workpath build\pyinstaller packaging\otdesk.spec
& dist\bundle\otdesk\otdesk.exe --version
if ($LASTEXITCODE -ne 0) { throw "bundle does not start" }

# 4. signing helper
$Timestamp = if ($env:OTDESK_TIMESTAMP_URL) { $env:OTDESK_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
function Sign-File([string]$Path) {
    $common = @("sign", "/fd", "SHA256", "/tr", $Timestamp, "/td", "SHA256", "/d", "OT Desk")
    if ($env:OTDESK_SIGN_CERT_FILE) {
        & signtool.exe @common /f $env:OTDESK_SIGN_CERT_FILE /p $env:OTDESK_SIGN_CERT_PASSWORD $Path
    } elseif ($env:OTDESK_SIGN_CERT_SHA1) {
        & signtool.exe @common /sha1 $env:OTDESK_SIGN_CERT_SHA1 $Path
    } else {
        return $false
    }
    if ($LASTEXITCODE -ne 0) { throw "signtool failed on $Path" }
    & signtool.exe verify /pa /v $Path | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "signature of $Path does not verify" }
    return $true
}

$Signed = Sign-File "dist\bundle\otdesk\otdesk.exe"
if (-not $Signed) {
    Write-Warning "###########################################################"
    Write-Warning "## NO CODE-SIGNING CERTIFICATE: otdesk.exe and the MSI are ##"
    Write-Warning "## UNSIGNED. Do not distribute this build.                 ##"
    Write-Warning "###########################################################"
}

# 5. MSI (per machine) and its signature
$Msi = "dist\otdesk-$Version-x64.msi"
wix build packaging\windows\otdesk.wxs -arch x64 -d "Version=$Version" `
    -d "BundleDir=dist\bundle\otdesk" -ext WixToolset.UI.wixext -o $Msi
if ($LASTEXITCODE -ne 0) { throw "wix build failed" }
if ($Signed) { [void](Sign-File $Msi) }

# 6. checksums (the Linux build signs SHA256SUMS with GPG; here the MSI's
#    Authenticode signature is what Windows checks)
Get-FileHash -Algorithm SHA256 $Msi | ForEach-Object {
    "{0}  {1}" -f $_.Hash.ToLower(), (Split-Path $_.Path -Leaf)
} | Out-File -Encoding ascii -FilePath "dist\SHA256SUMS-windows"
Write-Host "==> $Msi"
