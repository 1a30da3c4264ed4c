#!/usr/bin/env python3
"""Time from exec to the first painted frame of the wizard, in a real pseudo-terminal.

Starts `snowgate setup` in an 80x24 pty, and stops the clock when the bytes of the
first frame (the welcome screen's title) have arrived. Runs it N times and prints
the median, the 90th percentile and the worst, in milliseconds.

usage: bench/first-frame.py [BINARY] [RUNS]
"""
import fcntl, os, pty, select, signal, statistics, struct, sys, tempfile, termios, time

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/snowgate"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
marker = os.environ.get("FIRST_FRAME_MARKER", "Welcome").encode()

def one_run(config_dir):
    start = time.monotonic_ns()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["SNOWGATE_CONFIG_DIR"] = config_dir
        os.execv(binary, [binary, "setup"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    elapsed = None
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.5)
        if not r:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if marker in seen:
            elapsed = (time.monotonic_ns() - start) / 1e6
            break
    os.kill(pid, signal.SIGTERM)
    # Keep reading until the child is gone: it restores the terminal on SIGTERM, and that
    # write would block on a pty nobody reads.
    while True:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                os.read(fd, 65536)
            except OSError:
                pass
    os.close(fd)
    return elapsed

with tempfile.TemporaryDirectory() as config_dir:
    times = [one_run(config_dir) for _ in range(runs)]
missing = [t for t in times if t is None]
times = sorted(t for t in times if t is not None)
if not times:
    sys.exit(f"no run painted a frame containing {marker!r}")
p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
print(f"first frame over {len(times)} runs: median {statistics.median(times):.1f} ms, "
      f"p90 {p90:.1f} ms, worst {times[-1]:.1f} ms" + (f", {len(missing)} runs painted nothing" if missing else ""))
