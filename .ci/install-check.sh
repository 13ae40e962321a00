#!/usr/bin/env bash
# `make install-check`: install newsbot the way a newcomer does, in fresh virtualenvs, and use it.
#
# For every supported Python found on the machine (python3.11 ... python3.14 on PATH or under
# pyenv) and every installer (the pip its venv ships, as a newcomer gets it: 23.2.1 for
# Python 3.11.7; the current pip; uv when present), a
# fresh venv gets a plain `pip install .` of a clean copy of the tracked files (no --no-deps,
# no dev extras), then .ci/smoke.py runs `sources export`, `poll` and `digest` against the
# demo snapshots served on loopback, from outside the checkout. Prints one line per
# combination with the venv's size; exits non-zero when any combination fails.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
UV=${UV:-$(command -v uv || { test -x .venv/bin/uv && echo "$ROOT/.venv/bin/uv"; } || true)}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsbot-install-check.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# a clean copy: what git tracks (plus new files not ignored), nothing built or installed
SRC=$WORK/src
mkdir -p "$SRC"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [[ -e $f ]] && printf '%s\0' "$f"
done | tar --null -T - -cf - | tar -C "$SRC" -xf -

# one working interpreter per minor version (a pyenv shim for a version not selected fails)
pythons=()
for minor in 11 12 13 14; do
  for py in "$(command -v python3.$minor)" "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.$minor.*/bin/python3.$minor; do
    if [[ -x $py ]] && "$py" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      pythons+=("$py"); break
    fi
  done
done
[[ -n ${INSTALL_CHECK_PYTHONS:-} ]] && read -r -a pythons <<<"$INSTALL_CHECK_PYTHONS"

summary=()
failed=0
found=0
for py in "${pythons[@]}"; do
  found=1
  version=$("$py" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
  for installer in pip-venv pip-current uv; do
    [[ $installer == uv && -z $UV ]] && { summary+=("$version  uv           skipped (uv not found)"); continue; }
    venv=$WORK/venv-$version-$installer
    log=$WORK/$version-$installer.log
    echo "== Python $version, $installer" >&2
    start=$(date +%s)
    ok=1
    case $installer in
      uv)
        { "$UV" venv -q --python "$py" "$venv" &&
          "$UV" pip install -q --python "$venv/bin/python" "$SRC"; } >"$log" 2>&1 || ok=0 ;;
      pip-current)
        { "$py" -m venv "$venv" && "$venv/bin/python" -m pip install -q --upgrade pip &&
          "$venv/bin/python" -m pip install -q "$SRC"; } >"$log" 2>&1 || ok=0 ;;
      pip-venv)
        { "$py" -m venv "$venv" && "$venv/bin/python" -m pip install -q "$SRC"; } >"$log" 2>&1 || ok=0 ;;
    esac
    installed=$(( $(date +%s) - start ))
    pipv=$("$venv/bin/python" -m pip --version 2>/dev/null | cut -d' ' -f2)
    size=$(du -sm "$venv" 2>/dev/null | cut -f1)
    if (( ok )); then
      if python3 "$ROOT/.ci/smoke.py" --venv "$venv"; then
        result="ok"
      else
        result="FAILED (smoke)"; failed=1
      fi
    else
      tail -15 "$log" >&2
      result="FAILED (install)"; failed=1
    fi
    summary+=("$(printf '%-7s %-12s %-7s install %4ss  venv %4s MB  %s' \
      "$version" "$installer" "${pipv:--}" "$installed" "${size:-?}" "$result")")
    rm -rf "$venv"
  done
done

echo
echo "install-check (python, installer, pip in venv, install time, venv size, result):"
printf '  %s\n' "${summary[@]}"
(( found )) || { echo "no supported Python (3.11+) found" >&2; exit 1; }
exit $failed
