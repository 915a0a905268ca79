# Colour: text output on a terminal is coloured unless NO_COLOR is set to
# something (no-color.org: an empty NO_COLOR counts as unset); output to
# a pipe never is.
. "$(dirname "$0")/lib.sh"
setup_corpus

# on_tty [VAR=VALUE]...: the output of `query Rama` run on a terminal (a
# pseudo-terminal), with the environment changed as given.
on_tty() {
    python3 - "$CITESEARCH" "$@" <<'PY'
import os, pty, sys
exe, env = sys.argv[1], dict(os.environ)
env.pop("NO_COLOR", None)
for kv in sys.argv[2:]:
    k, v = kv.split("=", 1)
    env[k] = v
pid, fd = pty.fork()
if pid == 0:
    os.execve(exe, [exe, "query", "-n", "1", "Rama"], env)
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf-8", "replace"))
PY
}

esc=$(printf '\033[')
on_tty > tty.txt
grep -q "Rama" tty.txt || fail "no answer on a terminal: $(cat tty.txt)"
grep -qF "$esc" tty.txt || fail "no colour on a terminal"
on_tty NO_COLOR=1 > tty.txt
grep -q "Rama" tty.txt || fail "no answer with NO_COLOR: $(cat tty.txt)"
! grep -qF "$esc" tty.txt || fail "colour with NO_COLOR=1"
on_tty NO_COLOR= > tty.txt
grep -qF "$esc" tty.txt || fail "an empty NO_COLOR turned colour off"
cs query -n 1 --format text Rama > pipe.txt
grep -q "Rama" pipe.txt || fail "no answer to a pipe"
! grep -qF "$esc" pipe.txt || fail "colour to a pipe"
