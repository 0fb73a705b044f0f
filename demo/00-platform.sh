# Platform: version, the config commands on built-in defaults, a config error,
# multi-call dispatch through a symlink, and an alert with no mail configured.
set -u
say() { printf '\n$ %s\n' "$*"; }
run() { say "$*"; "$@"; echo "(exit $?)"; }

run "$OPSKIT" --version
run "$OPSKIT" --no-config config show
cat > bad.toml <<'TOML'
[mail]
to = ["root@localhost"]
vai = "smtp"
TOML
say "cat bad.toml"; cat bad.toml
run "$OPSKIT" --config bad.toml config check
printf 'title = "demo"\n[owner]\nname = "Tom"\nborn = 1979-05-27T07:32:00-08:00\n' > sample.toml
say "$OPSKIT config toml-decode < sample.toml"; "$OPSKIT" config toml-decode < sample.toml; echo "(exit $?)"
ln -s "$OPSKIT" raid_check
say "./raid_check --help   # a symlink named raid_check runs 'opskit raid check --cron'"
./raid_check --help | head -5
run "$OPSKIT" --no-config mail test
