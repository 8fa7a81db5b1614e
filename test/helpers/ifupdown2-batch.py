"""Runs many ifupdown2 commands (`ifup -a -s -i FILE`, `ifquery -a -i FILE -o json`)
with the real ifupdown2 code while paying Python's start-up and imports once.

The parent imports ifupdown2 and its addon modules, then forks one child per
command; each child starts from that pristine state, sends its stdout and
stderr to files and runs ifupdown2's own entry point with the command's argv,
exactly as the `ifup` / `ifquery` executables do. The one change: each child
takes ifupdown2's run lock in a private file instead of /run/network/.lock, so
checks of unrelated files (and other programs' ifupdown2 runs) do not refuse
each other with "Another instance of this program is already running".

Input on stdin: {"parallel": N, "commands": [[argv...], ...]}.
Output on stdout: a JSON list of {"status", "stdout", "stderr"}, in order.
"""
import importlib.util
import json
import os
import sys
import tempfile

ROOT = '/usr/share/ifupdown2'
sys.path.insert(0, ROOT)
spec = importlib.util.spec_from_file_location('ifupdown2_entry', ROOT + '/__main__.py')
entry = importlib.util.module_from_spec(spec)
spec.loader.exec_module(entry)

import ifupdown.main as ifupdown_main  # noqa: E402
from ifupdown import ifupdownmain  # noqa: E402,F401

sys.path.insert(1, ROOT + '/addons')
for name in sorted(os.listdir(ROOT + '/addons')):
    if name.endswith('.py') and name != '__init__.py':
        try:
            __import__(name[:-3])
        except Exception:
            pass

LOCK_DIR = tempfile.mkdtemp(prefix='netloom-ifupdown2-')


def start(index, argv):
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    pid = os.fork()
    if pid == 0:
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        ifupdown_main.lockfile = '%s/%d.lock' % (LOCK_DIR, index)
        sys.argv = list(argv)
        status = 1
        try:
            status = entry.main()
        except SystemExit as e:
            status = e.code if isinstance(e.code, int) else 1
        except BaseException:
            status = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status if isinstance(status, int) else 1)
    return pid, out, err


def collect(files, wait_status):
    texts = []
    for f in files:
        f.seek(0)
        texts.append(f.read().decode('utf-8', 'replace'))
        f.close()
    return {'status': os.waitstatus_to_exitcode(wait_status), 'stdout': texts[0], 'stderr': texts[1]}


def main():
    request = json.load(sys.stdin)
    commands = request['commands']
    parallel = max(1, int(request.get('parallel', 1)))
    results = [None] * len(commands)
    running = {}
    next_index = 0
    while next_index < len(commands) or running:
        while next_index < len(commands) and len(running) < parallel:
            pid, out, err = start(next_index, commands[next_index])
            running[pid] = (next_index, out, err)
            next_index += 1
        pid, wait_status = os.wait()
        index, out, err = running.pop(pid)
        results[index] = collect((out, err), wait_status)
    json.dump(results, sys.stdout)
    for name in os.listdir(LOCK_DIR):
        os.unlink(os.path.join(LOCK_DIR, name))
    os.rmdir(LOCK_DIR)


main()
