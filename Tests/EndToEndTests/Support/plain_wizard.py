#!/usr/bin/env python3
"""Drives `snowgate setup --plain` over a pty as an expect script would.

Usage: plain_wizard.py TRANSCRIPT SPEC.json -- snowgate setup --plain ...
SPEC is a list of [text to wait for, answer line]. Each answer is sent only once its text has
appeared in the output since the previous answer, so a secret is typed after its prompt, as a
person would. Everything the program wrote goes to TRANSCRIPT; the exit status is the
program's, or 124 when a text never came (the transcript then ends with what was seen).
"""
import json, os, pty, select, sys, time

def main():
    transcript, spec_path = sys.argv[1], sys.argv[2]
    command = sys.argv[sys.argv.index("--") + 1:]
    with open(spec_path) as f:
        spec = json.load(f)
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(command[0], command)
    seen = b""
    since = 0
    status = None
    deadline = time.time() + 60
    steps = list(spec)
    while True:
        if steps and steps[0][0].encode() in seen[since:]:
            since = len(seen)
            os.write(fd, steps.pop(0)[1].encode() + b"\n")
            continue
        if time.time() > deadline:
            status = 124
            break
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            seen += chunk
    with open(transcript, "wb") as f:
        f.write(seen)
        if status == 124:
            f.write(b"\n[plain_wizard: never saw %r]\n" % (steps[0][0] if steps else ""))
    if status == 124:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        return 124
    _, code = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(code)

sys.exit(main())
