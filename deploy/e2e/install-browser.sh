#!/usr/bin/env bash
# The dashboard's browser tests drive headless Chromium: installs the Debian packages chromium and chromium-driver
# when they are absent (as root, or through sudo). Nothing happens when both are there.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "Installing chromium and chromium-driver for the dashboard's browser tests"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
