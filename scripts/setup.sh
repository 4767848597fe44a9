#!/usr/bin/env bash
# Installs what ShopScheduler needs beyond Swift: GLPK's C library and header.
# Safe to run again: it does nothing when GLPK is already there.
set -euo pipefail

if [ -f /usr/include/glpk.h ] && ldconfig -p 2>/dev/null | grep -q libglpk; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: please install GLPK (Debian/Ubuntu: libglpk-dev, macOS: brew install glpk)" >&2
    exit 1
fi
echo "setup: installing libglpk-dev" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libglpk-dev >/dev/null
