#!/usr/bin/env bash
# Start a throwaway single-node Slurm (no systemd, no accounting) for tests: start_slurm.sh DIR
# Installs slurm-wlm and munge with apt if missing (root only). Writes /etc/slurm/slurm.conf
# (the executor plugin's job step ignores SLURM_CONF); state and spool live under DIR.
# Prints nothing on success. To stop: kill the pids in DIR/pids, then put back
# DIR/slurm.conf.orig, or delete /etc/slurm/slurm.conf when DIR/wrote-slurm.conf exists alone.
set -euo pipefail
dir=$(realpath -m "$1"); mkdir -p "$dir/state" "$dir/spool" "$dir/log"
[ "$(id -u)" -eq 0 ] || { echo "skip: root is needed to install and start Slurm" >&2; exit 3; }
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        slurm-wlm munge >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        slurm-wlm munge >/dev/null; }
fi
if sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix)'; then
    : > "$dir/pids"  # a cluster is already up (started earlier): use it, stop nothing later
    exit 0
fi
host=$(hostname -s)
cpus=$(nproc)
mkdir -p /etc/slurm /run/munge /var/log/munge /var/lib/munge /etc/munge
[ -s /etc/munge/munge.key ] || { dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 \
    2>/dev/null; }
chown -R munge:munge /etc/munge /run/munge /var/log/munge /var/lib/munge
chmod 0700 /etc/munge; chmod 0400 /etc/munge/munge.key
[ -f /etc/slurm/slurm.conf ] && [ ! -f "$dir/slurm.conf.orig" ] && \
    cp /etc/slurm/slurm.conf "$dir/slurm.conf.orig"
# Stopping must restore or remove the file: a slurm.conf naming a controller that is down makes
# every Snakemake start wait 10 s (the Slurm plugin runs `scontrol show config` on import).
: > "$dir/wrote-slurm.conf"
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=pipeline-test
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
MinJobAge=60
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=$host CPUs=$cpus RealMemory=2000 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
: > "$dir/pids"
runuser -u munge -- /usr/sbin/munged --force
pgrep -u munge munged >> "$dir/pids" || true
/usr/sbin/slurmctld -D -i > "$dir/log/slurmctld.out" 2>&1 & echo $! >> "$dir/pids"
/usr/sbin/slurmd -D > "$dir/log/slurmd.out" 2>&1 & echo $! >> "$dir/pids"
for _ in $(seq 1 30); do
    if sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix)'; then exit 0; fi
    sleep 1
done
echo "error: Slurm did not come up; see $dir/log" >&2
exit 1
