#!/usr/bin/env python3
"""`snowgate token NAME` with a cached token against `cat` of a file, measured in one run.

The two commands alternate (snowgate, cat, snowgate, cat, ...) so a busy machine slows both
alike; prints min / median / max of the wall time and CPU time of each and the ratio of the
medians, then what the token path loads (libcurl must not be; ncurses is linked today).

usage: bench/token-start.py [BINARY] [RUNS]   (BINARY default .build/release/snowgate, RUNS 40)
Starts a simulator with BINARY for the one setup that caches a token, then stops it: the
measured runs send nothing. bench/token-start.sh runs it for both release builds.
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/snowgate")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 40
clean = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy") and not k.startswith("SNOWGATE_")}


def measured(argv, env):
    start = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        sys.exit(f"{argv} failed with status {status}")
    return (time.monotonic() - start) * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def show(label, ours, theirs):
    a, b = sorted(ours), sorted(theirs)
    ma, mb = statistics.median(a), statistics.median(b)
    print(f"{label}: snowgate {a[0]:.2f} / {ma:.2f} / {a[-1]:.2f} ms; cat {b[0]:.2f} / {mb:.2f} / {b[-1]:.2f} ms "
          f"(min / median / max, {len(a)} runs); ratio of medians {ma / mb:.2f}x", flush=True)


work = tempfile.mkdtemp(prefix="snowgate-token-bench-")
try:
    simulator = subprocess.Popen([binary, "simulate", "--port", "0"], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, env=clean)
    url = simulator.stdout.readline().decode().strip().removeprefix("listening on ")
    env = dict(clean, SNOWGATE_CONFIG_DIR=work)
    subprocess.run([binary, "setup", "bench", "--no-input", "--instance", url, "--auth", "password",
                    "--username", "admin", "--client-id", "snowgate-demo", "--password-stdin", "--store", "file"],
                   input=b"admin\n", env=dict(env, SNOWGATE_CLIENT_SECRET="demo-secret"),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    simulator.kill()
    simulator.wait()
    token = subprocess.run([binary, "token", "bench"], env=env, capture_output=True, check=True).stdout
    sample = os.path.join(work, "token.txt")
    with open(sample, "wb") as file:
        file.write(token)
    cat = shutil.which("cat")
    print(f"binary: {binary} ({os.path.getsize(binary) / 1e6:.1f} MB); {runs} runs each, alternating; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {os.cpu_count()} cores")
    for _ in range(3):  # warm the page cache for both
        measured([binary, "token", "bench"], env)
        measured([cat, sample], env)
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(measured([binary, "token", "bench"], env))
        theirs.append(measured([cat, sample], env))
    show("token, cached, wall", [o[0] for o in ours], [t[0] for t in theirs])
    show("token, cached, CPU ", [o[1] for o in ours], [t[1] for t in theirs])
    traced = subprocess.run([binary, "token", "bench"], env=dict(env, LD_DEBUG="files"), capture_output=True).stderr
    loaded = sorted({line.split("file=")[1].split()[0] for line in traced.decode(errors="replace").splitlines()
                     if "file=" in line and "generating link map" in line})
    print("loaded: " + ", ".join(os.path.basename(name) for name in loaded if name))
    print("libcurl loaded: " + ("yes" if any("libcurl" in name for name in loaded) else "no"))
finally:
    shutil.rmtree(work, ignore_errors=True)
