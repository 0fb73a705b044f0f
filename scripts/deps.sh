#!/usr/bin/env bash
# Installs the Debian packages listed in deps/*.txt that are not installed yet.
# Idempotent: when everything is present it changes nothing and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t wanted < <(cat deps/*.txt | sed 's/#.*//' | tr -s ' \t' '\n' | grep -v '^$' | sort -u)
missing=()
for p in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "deps: all ${#wanted[@]} packages present"
    exit 0
fi
echo "deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo="sudo"; else
        echo "deps: not root and no sudo; install as root: apt-get install ${missing[*]}" >&2; exit 69
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "deps: done"
