# shellcheck shell=bash
# Debian's Chromium and ChromeDriver for the dashboard's browser test: the test drives the real browser, and no
# test tool may download one of its own. Sourced by ./appeals after common.sh.

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

# Installs the packages when missing and we are root; anyone else gets the command to run.
ensure_chromium() {
  [[ -x $CHROMIUM && -x $CHROMEDRIVER ]] && return 0
  is_root || die "Chromium not found; install it with: sudo apt-get install -y chromium chromium-driver"
  info "installing chromium and chromium-driver (Debian packages) for the dashboard's browser test"
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver >/dev/null ||
    { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver >/dev/null; } ||
    die "installing chromium failed"
  [[ -x $CHROMIUM && -x $CHROMEDRIVER ]] || die "chromium installed but $CHROMIUM or $CHROMEDRIVER is missing"
}
