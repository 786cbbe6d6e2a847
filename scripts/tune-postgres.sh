#!/usr/bin/env bash
# Sizes the machine's PostgreSQL (127.0.0.1:5432) for its memory the way a production server is sized, so that
# benchmarks at national scale do not measure Debian's defaults (128 MB of shared buffers for gigabytes of
# personnel). Changes nothing, and restarts nothing, when the settings are already in place.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh

mem_mb=$(awk '/MemTotal/ { print int($2 / 1024) }' /proc/meminfo)
clamp() { local v=$1 lo=$2 hi=$3; ((v < lo)) && v=$lo; ((v > hi)) && v=$hi; echo "$v"; }
declare -A want=(
  [shared_buffers]="$(clamp $((mem_mb / 4)) 128 4096)MB"
  [effective_cache_size]="$(clamp $((mem_mb / 2)) 512 16384)MB"
  [maintenance_work_mem]="$(clamp $((mem_mb / 32)) 64 1024)MB"
  [work_mem]=16MB
  [max_wal_size]=8GB
  [checkpoint_completion_target]=0.9
  [random_page_cost]=1.1
)

psql_() { psql -X -q -At -h 127.0.0.1 -U postgres -d postgres "$@"; }
# pg_settings gives each value in its own unit; compare through pg_size_bytes for sizes, as text otherwise.
changed=()
for name in "${!want[@]}"; do
  value=${want[$name]}
  same=$(psql_ -c "select case when unit is null or unit = '' then setting = '$value'
                        else (setting::numeric * pg_size_bytes(case when unit ~ '^[0-9]' then unit else '1' || unit end))
                             = pg_size_bytes('$value') end
                   from pg_settings where name = '$name'")
  if [ "$same" != "t" ]; then
    psql_ -c "alter system set $name = '$value'"
    changed+=("$name=$value")
  fi
done

restart() {
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main restart
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && return 0
    sleep 1
  done
  echo "PostgreSQL did not come back on 127.0.0.1:5432" >&2
  exit 1
}

if [ ${#changed[@]} -eq 0 ]; then
  echo "PostgreSQL already sized for ${mem_mb} MB of memory"
else
  echo "PostgreSQL: ${changed[*]}"
  restart
fi

# Huge pages for the shared memory (huge_pages = try, PostgreSQL's default, uses them when the kernel has them
# reserved). With 4 KB pages every backend maps the gigabytes of shared buffers page by page, a fault for each
# page it touches first; on a virtual machine those faults are dear (the claim intake ran at 430 requests/s
# without, 600 with; docs/benchmarks.md). Reserved only when the kernel lets this script; nothing else changes
# when it cannot.
uses_huge_pages() {
  local pid
  pid=$(psql_ -c "select pid from pg_stat_activity where backend_type = 'checkpointer'")
  [ -n "$pid" ] && grep -q anon_hugepage "/proc/$pid/maps" 2>/dev/null
}
want_pages=$(psql_ -c "show shared_memory_size_in_huge_pages" 2>/dev/null || echo 0)
if [ "$(psql_ -c 'show huge_pages')" = "off" ] || [ "${want_pages:-0}" -le 0 ] || uses_huge_pages; then
  exit 0
fi
have_pages=$(cat /proc/sys/vm/nr_hugepages)
if [ "$have_pages" -lt "$want_pages" ]; then
  if ! { echo "$want_pages" > /proc/sys/vm/nr_hugepages; } 2>/dev/null; then
    echo "PostgreSQL: huge pages not reserved (vm.nr_hugepages is not writable here); shared memory uses 4 KB pages"
    exit 0
  fi
  have_pages=$(cat /proc/sys/vm/nr_hugepages)
fi
if [ "$have_pages" -lt "$want_pages" ]; then
  echo "PostgreSQL: only $have_pages of $want_pages huge pages could be reserved; shared memory uses 4 KB pages"
  exit 0
fi
echo "PostgreSQL: shared memory on $want_pages huge pages (vm.nr_hugepages $have_pages)"
restart
