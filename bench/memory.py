"""Peak memory of the running process, for the benchmarks."""

from __future__ import annotations

import resource


def peak_mb() -> float:
    """Peak resident memory of this process in MB. VmHWM, not ru_maxrss: the
    latter carries the parent's peak over into a child started by it."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
