# Sourced by the benchmark scripts: sets $misnomer to the CLI under test. $MISNOMER names an already
# built executable; otherwise src/Cli is published (Release) to bench/.bin/misnomer. Needs $root and fail().
resolve_misnomer() {
  if [[ -n "${MISNOMER:-}" ]]; then
    misnomer="$MISNOMER"
  else
    command -v dotnet >/dev/null || fail "dotnet is not on PATH; it builds the CLI"
    echo "publishing src/Cli (Release) to bench/.bin/misnomer ..."
    local log
    log="$(mktemp)"
    if ! dotnet publish "$root/src/Cli" -c Release -o "$root/bench/.bin/misnomer" --nologo >"$log" 2>&1; then
      cat "$log" >&2
      rm -f "$log"
      fail "dotnet publish src/Cli failed"
    fi
    rm -f "$log"
    misnomer="$root/bench/.bin/misnomer/misnomer"
  fi
  [[ -x "$misnomer" ]] || fail "not an executable: $misnomer"
}
