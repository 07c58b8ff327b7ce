# shellcheck shell=bash
# Shared by scripts/run-app and scripts/run-tests: system packages, a virtual environment, the
# locked Python dependencies.  Sourced, not run.  Re-running is cheap: each step is skipped when
# it is already done (dpkg check; a stamp holding the hash of requirements.lock + pyproject.toml).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${LITERACY_VENV:-$ROOT/.venv}"

# Qt's xcb platform libraries and Japanese fonts (BIZ UD Gothic for the reports): what a bare
# Debian/Ubuntu lacks to show the window.
APP_DEB_PACKAGES=(libegl1 libgl1 libopengl0 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
  libfreetype6 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1
  libx11-xcb1 fonts-noto-cjk fonts-morisawa-bizud-gothic)
# The tests also start a real PostgreSQL server and a real X server (Xvfb) for screenshots, and run
# an exam-server client under libfaketime (faketime) to show a PC clock two hours off changes nothing.
TEST_DEB_PACKAGES=(postgresql xvfb xauth xdotool poppler-utils faketime)
# scripts/report-pictures (and its test) show the HTML report in a real headless browser.
DOCS_DEB_PACKAGES=(chromium)

find_python() {
  local candidate
  for candidate in "${LITERACY_PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "Python 3.11 以上が見つかりません / Python 3.11+ not found (apt-get install python3 python3-venv)" >&2
  return 1
}

ensure_deb_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian/Ubuntu: nothing we can check
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "==> apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "必要なシステムパッケージがありません / missing system packages: ${missing[*]}" >&2
    echo "管理者として次を実行してください / run as root:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
}

ensure_venv() {
  local python stamp want
  python="$(find_python)"
  if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating $VENV"
    if ! "$python" -m venv "$VENV" 2>/dev/null; then
      [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null && ensure_deb_packages python3-venv
      "$python" -m venv "$VENV"
    fi
  fi
  stamp="$VENV/.literacy-stamp"
  want="$(cat "$ROOT/requirements.lock" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "==> installing locked dependencies (requirements.lock)"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$ROOT/requirements.lock"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps -e "$ROOT"
    echo "$want" >"$stamp"
  fi
}
