#!/usr/bin/env bash
# The third-party LSP clients the tests drive (scripts/test-clients.js), from
# Debian's own packages: Neovim 0.7 and its built-in vim.lsp, Emacs 28 with
# eglot 1.9. Idempotent: installs only what is missing.
set -euo pipefail
packages=(neovim emacs-nox elpa-eglot)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "editors: ${packages[*]} already installed"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "editors: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
