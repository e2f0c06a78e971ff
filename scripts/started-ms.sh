# shellcheck shell=bash
# Sourced by the bench scripts: `started_ms PID` prints when the process
# started, in ms since the epoch (to 1/CLK_TCK s, 10 ms here).
#
# The kernel counts a process's start from the boot. The boot is taken
# from CLOCK_BOOTTIME, not /proc/stat's btime: btime is whole seconds,
# and every start measured from it came out up to a second too long
# (0.35 s on the machine of BENCHMARKS' ninth round).
_boot_ms=$(python3 -c 'import time; print(round((time.time() - time.clock_gettime(time.CLOCK_BOOTTIME)) * 1000))')
_hz=$(getconf CLK_TCK)
started_ms() { awk -v b="$_boot_ms" -v hz="$_hz" '{printf "%.0f\n", b + $22 * 1000 / hz}' "/proc/$1/stat"; }
