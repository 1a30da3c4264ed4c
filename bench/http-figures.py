#!/usr/bin/env python3
"""The figures of issue 10 (HTTP on libcurl), each against its baseline measured in the same run.

Every case runs RUNS times (default 9) and prints min / median / max of both sides and the
ratio of the medians:

  1. exec to the first full frame of `snowgate setup`     vs  `dialog --inputbox` (a pty, 80x24)
  2. `snowgate token NAME` with a cached token              vs  `cat` of a file
  3. a healthy `check` (Basic; password grant)              vs  curl making the same requests in one process
                                                                (wall and CPU)
  4. CPU while a request waits 5 s                          vs  curl waiting on the same server
  5. `check --all`, 50 profiles on one `slow` simulator     vs  the slowest single profile (and false timeouts)
  6. peak RSS of `check`                                    vs  curl (from case 3)

usage: bench/http-figures.py [BINARY] [RUNS]   (BINARY default .build/release/snowgate)
Needs python3, curl, dialog (installed with apt-get when missing). Writes nothing itself:
bench/http-figures.sh runs it and keeps the output in bench/http-figures.txt.
"""
import fcntl, json, os, pty, resource, select, shutil, signal, socket, statistics, struct, subprocess
import sys, tempfile, termios, threading, time

binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/snowgate")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9
# CASES=1,2 runs only those cases (the start-up ones, for a second build).
cases = set(os.environ.get("CASES", "0,1,2,3,4,5,6").split(","))
curl = shutil.which("curl") or sys.exit("curl is not installed")
if not shutil.which("dialog"):
    subprocess.run(["apt-get", "install", "-y", "-qq", "dialog"], check=False,
                   env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"), stdout=subprocess.DEVNULL)
dialog = shutil.which("dialog")
clean_env = {k: v for k, v in os.environ.items()
             if not k.lower().endswith("_proxy") and not k.startswith("SNOWGATE_")}


def stats(values):
    values = sorted(values)
    return values[0], statistics.median(values), values[-1]


def show(label, unit, ours, theirs, baseline):
    a, b = stats(ours), stats(theirs)
    ratio = b[1] and a[1] / b[1]
    print(f"{label}: snowgate {a[0]:.1f} / {a[1]:.1f} / {a[2]:.1f} {unit}; {baseline} "
          f"{b[0]:.1f} / {b[1]:.1f} / {b[2]:.1f} {unit} (min / median / max, {len(ours)} runs); "
          f"ratio of medians {ratio:.2f}x", flush=True)


def measured(argv, env=None, stdin=None):
    """Runs argv to completion: (wall ms, CPU ms, peak RSS KiB, stdout)."""
    start = time.monotonic()
    process = subprocess.Popen(argv, env=env or clean_env, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if stdin:
        process.stdin.write(stdin.encode())
        process.stdin.close()
    out = process.stdout.read()
    _, _, usage = os.wait4(process.pid, 0)
    wall = (time.monotonic() - start) * 1000
    return wall, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss, out


def first_frame(argv, marker, env):
    """ms from exec until `marker` has been painted in an 80x24 pty."""
    start = time.monotonic_ns()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.clear()
        os.environ.update(env)
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen, elapsed, deadline = b"", None, time.monotonic() + 10
    while time.monotonic() < deadline and elapsed is None:
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
    os.kill(pid, signal.SIGTERM)
    while not os.waitpid(pid, os.WNOHANG)[0]:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                pass
    os.close(fd)
    return elapsed


class Simulator:
    def __init__(self, scenario=None):
        argv = [binary, "simulate", "--port", "0"] + (["--scenario", scenario] if scenario else [])
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=clean_env)
        self.url = self.process.stdout.readline().decode().strip().removeprefix("listening on ")
        threading.Thread(target=self.process.stdout.read, daemon=True).start()

    def stop(self):
        self.process.kill()
        self.process.wait()


def holding_server(hold):
    """A loopback server that answers each request after `hold` seconds with a 503 page."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(64)

    def serve(conn):
        try:
            conn.recv(65536)
            time.sleep(hold)
            conn.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbusy")
        except OSError:
            pass
        finally:
            conn.close()

    def loop():
        while True:
            conn, _ = server.accept()
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=loop, daemon=True).start()
    return "http://127.0.0.1:%d" % server.getsockname()[1]


def profiles(directory, entries):
    """config.json with Basic profiles (secrets from SNOWGATE_PASSWORD)."""
    os.makedirs(directory, mode=0o700, exist_ok=True)
    config = {"version": 1, "drafts": [], "profiles": [
        {"name": name, "instanceURL": url, "authType": "basic", "username": "admin",
         "secretStore": {"kind": "environment"}, "createdAt": "2026-01-01T00:00:00Z",
         "updatedAt": "2026-01-01T00:00:00Z"} for name, url in entries]}
    with open(os.path.join(directory, "config.json"), "w") as file:
        json.dump(config, file)


print(f"binary: {binary}  ({os.path.getsize(binary) / 1e6:.1f} MB)")
print(f"runs per case: {runs}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {os.cpu_count()} cores; "
      "load average %.2f / %.2f / %.2f (1 / 5 / 15 min)" % os.getloadavg())
work = tempfile.mkdtemp(prefix="snowgate-bench-")

# 0. what loading libcurl costs, and that commands which send nothing never load it
loads = []
for _ in range(runs if "0" in cases else 0):
    out = subprocess.run([sys.executable, "-c", "import ctypes, time; t = time.perf_counter(); "
                          "ctypes.CDLL('libcurl.so.4'); print((time.perf_counter() - t) * 1000)"],
                         capture_output=True, text=True).stdout
    loads.append(float(out))
if loads:
    print("0. dlopen of libcurl.so.4 and its dependencies in a fresh process: %.1f / %.1f / %.1f ms" % stats(loads))


def loads_libcurl(argv, env, stdin=None, library=b"libcurl.so.4"):
    traced = subprocess.run(argv, env=dict(env, LD_DEBUG="files"), capture_output=True,
                            input=stdin.encode() if stdin else None)
    return library in traced.stderr


# 1. first frame
env = dict(clean_env, TERM="xterm-256color", SNOWGATE_CONFIG_DIR=os.path.join(work, "empty"))
os.makedirs(env["SNOWGATE_CONFIG_DIR"], exist_ok=True)
ours, theirs = [], []
for _ in range(runs if "1" in cases else 0):  # alternating, so a busy machine slows both alike
    ours.append(first_frame([binary, "setup"], b"Welcome", env))
    if dialog:
        theirs.append(first_frame([dialog, "--inputbox", "Instance address", "10", "60"], b"Instance address", env))
if not ours:
    pass
elif dialog:
    show("1. first frame", "ms", [t for t in ours if t], [t for t in theirs if t], "dialog --inputbox")
else:
    print("1. first frame: dialog could not be installed; snowgate %.1f / %.1f / %.1f ms" % stats(ours))

simulator = Simulator()
try:
    # 2. token with a cached token
    tokens = os.path.join(work, "tokens")
    setup_env = dict(clean_env, SNOWGATE_CONFIG_DIR=tokens, SNOWGATE_CLIENT_SECRET="demo-secret")
    subprocess.run([binary, "setup", "bench", "--no-input", "--instance", simulator.url, "--auth", "password",
                    "--username", "admin", "--client-id", "snowgate-demo", "--password-stdin", "--store", "file"],
                   input=b"admin\n", env=setup_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    token_env = dict(clean_env, SNOWGATE_CONFIG_DIR=tokens)
    sample = os.path.join(work, "token.txt")
    with open(sample, "wb") as file:
        file.write(measured([binary, "token", "bench"], env=token_env)[3])
    quiet = {"--help": [binary, "--help"], "profiles": [binary, "profiles"], "token (cached)": [binary, "token", "bench"]}
    print("0. libcurl loaded by: " + ", ".join(
        f"{name} {'yes' if loads_libcurl(argv, token_env) else 'no'}" for name, argv in quiet.items())
        + f", check {'yes' if loads_libcurl([binary, 'check', 'bench'], dict(token_env, SNOWGATE_CLIENT_SECRET='demo-secret')) else 'no'}")
    check_env = dict(token_env, SNOWGATE_CLIENT_SECRET="demo-secret")
    print("0. ncursesw loaded by: " + ", ".join(
        f"{name} {'yes' if loads_libcurl(argv, token_env, library=b'libncursesw.so.6') else 'no'}"
        for name, argv in quiet.items())
        + f", check {'yes' if loads_libcurl([binary, 'check', 'bench'], check_env, library=b'libncursesw.so.6') else 'no'}"
        + " (the wizard loads it when it opens)")
    ours, theirs = [], []
    for _ in range(runs):  # alternating
        ours.append(measured([binary, "token", "bench"], env=token_env)[0])
        theirs.append(measured(["/bin/cat", sample])[0])
    show("2. token, cached", "ms", ours, theirs, "cat")
    help_runs = [measured([binary, "--help"])[0] for _ in range(runs)]
    print("2. snowgate --help: %.1f / %.1f / %.1f ms" % stats(help_runs))
    if not cases & {"3", "4", "5", "6"}:
        raise SystemExit(0)

    # 3. healthy check, and 6. its peak RSS. curl sends exactly the requests snowgate sends (read
    # from its own --verbose log: method, URL, Accept, Content-Type, the kind of Authorization, the
    # form body with the secrets put back), one after the other in one process, reusing its
    # connection as snowgate does.
    check_env = dict(clean_env, SNOWGATE_CONFIG_DIR=os.path.join(work, "empty"), SNOWGATE_PASSWORD="admin")
    base = simulator.url
    grant = ("grant_type=password&username=admin&password=admin&client_id=snowgate-demo"
             "&client_secret=demo-secret")
    token_answer = json.loads(subprocess.run(
        [curl, "-s", "-d", grant, f"{base}/oauth_token.do"], capture_output=True).stdout)
    bearer = "Authorization: Bearer " + token_answer["access_token"]

    def same_requests(argv, env):
        """curl's argv for the requests snowgate's --verbose log shows."""
        done = subprocess.run(argv + ["--verbose"], env=env, capture_output=True, text=True)
        log = done.stdout + done.stderr
        requests = []
        for line in log.splitlines():
            line = line.strip()
            if not line.startswith("> "):
                continue
            text = line[2:]
            first = text.split(" ", 1)[0]
            if first in ("GET", "POST", "HEAD", "PUT", "PATCH", "DELETE") and "://" in text:
                requests.append({"method": first, "url": text.split(" ", 1)[1], "headers": [], "body": None})
            elif requests and text.startswith("Authorization: Basic"):
                requests[-1]["headers"] += ["-u", "admin:admin"]
            elif requests and text.startswith("Authorization: Bearer"):
                requests[-1]["headers"] += ["-H", bearer]
            elif requests and text.split(":", 1)[0] in ("Accept", "Content-Type"):
                requests[-1]["headers"] += ["-H", text]
            elif requests and text.startswith("grant_type="):
                requests[-1]["body"] = grant
        out = [curl]
        for index, request in enumerate(requests):
            if index:
                out.append("--next")
            out += ["-s", "-o", "/dev/null", "-X", request["method"]] + request["headers"]
            if request["body"]:
                out += ["--data-raw", request["body"]]
            out.append(request["url"])
        return out, len(requests)

    basic_argv = [binary, "check", "--instance", base, "--username", "admin"]
    password_argv = [binary, "check", "--instance", base, "--auth", "password", "--username", "admin",
                     "--client-id", "snowgate-demo"]
    password_env = dict(check_env, SNOWGATE_CLIENT_SECRET="demo-secret")
    basic_curl, basic_count = same_requests(basic_argv, check_env)
    password_curl, password_count = same_requests(password_argv, password_env)
    print(f"3. requests per check (curl sends the same): Basic {basic_count}, password grant {password_count}")
    rss_ours, rss_curl = [], []
    for name, argv, curl_argv, env in [("Basic", basic_argv, basic_curl, check_env),
                                       ("password grant", password_argv, password_curl, password_env)]:
        ours, theirs = [], []
        for _ in range(runs):  # alternating, so a busy machine slows both alike
            ours.append(measured(argv, env=env))
            theirs.append(measured(curl_argv))
        show(f"3. healthy check ({name}), wall", "ms", [o[0] for o in ours], [t[0] for t in theirs], "curl")
        show(f"3. healthy check ({name}), CPU", "ms", [o[1] for o in ours], [t[1] for t in theirs], "curl")
        rss_ours += [o[2] / 1024 for o in ours]
        rss_curl += [t[2] / 1024 for t in theirs]
    show("6. peak RSS of check", "MiB", rss_ours, rss_curl, "curl")
    print("3. load average after case 3: %.2f / %.2f / %.2f" % os.getloadavg())
finally:
    simulator.stop()

# 4. CPU while a request waits 5 s
held = holding_server(5)
ours, theirs = [], []
for _ in range(max(3, runs // 3) if "4" in cases else 0):
    wall, cpu, _, _ = measured([binary, "check", "--instance", held, "--username", "admin", "--timeout", "20"],
                               env=dict(clean_env, SNOWGATE_CONFIG_DIR=os.path.join(work, "empty"),
                                        SNOWGATE_PASSWORD="admin"))
    ours.append(cpu / wall * 100)
    wall, cpu, _, _ = measured([curl, "-s", "-o", "/dev/null", "--max-time", "20", held])
    theirs.append(cpu / wall * 100)
if ours:
    show("4. CPU while a request waits 5 s (% of one core)", "%", ours, theirs, "curl")

# 5. check --all, 50 profiles on one slow simulator
simulator = Simulator("slow")
try:
    many = os.path.join(work, "many")
    profiles(many, [(f"slow{i:02d}", simulator.url) for i in range(1, 51)])
    single = os.path.join(work, "single")
    profiles(single, [("slow01", simulator.url)])
    env_many = dict(clean_env, SNOWGATE_CONFIG_DIR=many, SNOWGATE_PASSWORD="admin")
    env_single = dict(clean_env, SNOWGATE_CONFIG_DIR=single, SNOWGATE_PASSWORD="admin")
    alls, singles, false = [], [], []
    for _ in range(3 if "5" in cases else 0):
        wall, _, _, out = measured([binary, "check", "--all", "--json"], env=env_many)
        codes = [report["diagnosis"]["code"] for report in json.loads(out)]
        alls.append(wall)
        false.append(sum(1 for code in codes if code != "ok"))
        singles.append(measured([binary, "check", "slow01", "--json"], env=env_single)[0])
    if alls:
        show("5. check --all, 50 profiles on one slow host", "ms", alls, singles, "slowest single profile")
        print(f"5. verdicts other than ok (false timeouts) per --all run: {false}")
finally:
    simulator.stop()
shutil.rmtree(work, ignore_errors=True)
