"""A regsim process on a real pseudo-terminal, for the pexpect drivers
(pty_session.py, lesson_session.py): everything it printed is kept, and a failure prints
that output and exits with status 1. Importing it exits with status 3 when pexpect is missing.
"""

import os
import sys

try:
    import pexpect
except ImportError:
    print(f"{os.path.basename(sys.argv[0])} needs python3's pexpect: pip install pexpect (.ci/run installs it)")
    sys.exit(3)

TIMEOUT = 20  # seconds for each expected output; debug builds on a busy machine


class Session:
    """`executable arguments…` on a 40×200 terminal, TERM=xterm, no personal key bindings,
    with `environment` added to this process's environment."""

    def __init__(self, executable, arguments, environment):
        merged = dict(os.environ)
        # REGSIM_MNIST_CACHE="": no cache of verified MNIST files in the learner's state folder
        merged.update(TERM="xterm", INPUTRC="/dev/null", LANG="C.UTF-8", REGSIM_MNIST_CACHE="")
        merged.update(environment)
        self.transcript = []
        self.child = pexpect.spawn(
            executable, arguments, env=merged, encoding="utf-8",
            dimensions=(40, 200), timeout=TIMEOUT,
        )

    def expect(self, pattern, what):
        """Waits for the regular expression `pattern` in the output; fails with `what`."""
        try:
            self.child.expect(pattern)
        except (pexpect.TIMEOUT, pexpect.EOF) as error:
            self.fail(f"expected {what} ({pattern!r}), got {type(error).__name__}")
        after = self.child.after if isinstance(self.child.after, str) else ""
        self.transcript.append(self.child.before + after)

    def send(self, text, what):
        print(f"  send {what}")
        self.child.send(text)

    def output(self):
        return "".join(self.transcript)

    def fail(self, message):
        seen = self.output() + (self.child.before if isinstance(self.child.before, str) else "")
        print(f"FAILED: {message}\n--- terminal output so far ---\n{seen!r}")
        self.child.close(force=True)
        sys.exit(1)

    def finish(self, what):
        """Waits for the process to end and checks its exit status is 0."""
        self.expect(pexpect.EOF, what)
        self.child.close()
        if self.child.exitstatus != 0:
            self.fail(f"exit status {self.child.exitstatus}, signal {self.child.signalstatus}")
