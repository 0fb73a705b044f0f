#!/usr/bin/env bash
# Benchmarks the config reader (Tomlyn 2.11.1 + OpsKit.Core.Toml's positioned model) against Python's built-in tomllib on the same generated ~20 MB file.
# Usage: bench/toml/run.sh [MEGABYTES] [N_OURS] [N_PYTHON]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mb="${1:-20}"; n_ours="${2:-10}"; n_py="${3:-3}"
work="${TMPDIR:-/tmp}/opskit-toml-bench"
mkdir -p "$work"
file="$work/bench-${mb}mb.toml"

[ -f "$file" ] || python3 "$here/gen.py" "$file" "$mb"
echo "input: $file ($(du -h "$file" | cut -f1))"

dotnet build "$here/TomlBench/TomlBench.csproj" -c Release -o "$work/bin" --nologo -v q >/dev/null

sample="$work/sample.toml"
[ -f "$sample" ] || python3 "$here/gen.py" "$sample" 0.5
dotnet "$work/bin/TomlBench.dll" "$sample" --json | python3 "$here/crosscheck.py" "$sample"

read -r ours_min ours_mean ours_n < <(dotnet "$work/bin/TomlBench.dll" "$file" "$n_ours")
read -r py_min py_mean py_n < <(python3 "$here/tomllib_bench.py" "$file" "$n_py")
[ "$ours_n" = "$py_n" ] || { echo "service count differs: ours=$ours_n tomllib=$py_n" >&2; exit 1; }

echo "services parsed:   $ours_n"
echo "OpsKit.Core.Toml:  min ${ours_min} ms, mean ${ours_mean} ms per parse (N=$n_ours)"
echo "python3 tomllib:   min ${py_min} ms, mean ${py_mean} ms per parse (N=$n_py)"
python3 -c "print(f'ratio ours/tomllib (min): {$ours_min/$py_min:.3f}  (mean): {$ours_mean/$py_mean:.3f}')"
