#!/usr/bin/env python3
"""SIGTERM and SIGHUP end regsim's REPL in a real pseudo-terminal after it writes its history.

Usage: signal_session.py REGSIM_EXECUTABLE WORK_FOLDER

Run by SignalTests.swift. Three sessions share one history file: SIGTERM at the prompt,
SIGHUP at the prompt, and SIGTERM during a long `run`. Each must end by that signal (so
its parent sees it) with the session's lines appended to the history file. Prints what it
does; on a failure it prints the terminal output seen so far and exits with status 1 (3
when pexpect is missing).
"""

import os
import re
import signal
import sys

sys.dont_write_bytecode = True  # no __pycache__ inside the test target
from terminal_session import Session  # noqa: E402

PROMPT = "regsim> "


def ended_by(session, number, what):
    session.expect(__import__("pexpect").EOF, what)
    session.child.close()
    if session.child.signalstatus != number:
        session.fail(f"{what}: exit status {session.child.exitstatus}, signal {session.child.signalstatus}, "
                     f"expected signal {number}")


def history_lines(history):
    try:
        with open(history, encoding="utf-8") as file:
            return file.read().splitlines()
    except OSError as error:
        print(f"FAILED: the history file was not written: {error}")
        sys.exit(1)


def session_ended_at_the_prompt(executable, history, line, number, name):
    session = Session(executable, [], {"REGSIM_HISTORY": history})
    session.expect(re.escape(PROMPT), "the first prompt")
    session.send(line + "\r", line)
    session.expect(re.escape(PROMPT), f"the prompt after {line}")
    print(f"  send {name}")
    session.child.kill(number)
    ended_by(session, number, f"the end after {name}")


def session_ended_during_a_command(executable, history):
    session = Session(executable, [], {"REGSIM_HISTORY": history})
    session.expect(re.escape(PROMPT), "the first prompt")
    session.send("run 100000000\r", "a run of 10^8 updates (minutes)")
    session.expect("run 100000000", "the echoed line")
    print("  send SIGTERM")
    session.child.kill(signal.SIGTERM)
    ended_by(session, signal.SIGTERM, "the end after SIGTERM during run")


def main():
    executable, folder = sys.argv[1], sys.argv[2]
    history = os.path.join(folder, "history")
    print("SIGTERM at the prompt")
    session_ended_at_the_prompt(executable, history, "update", signal.SIGTERM, "SIGTERM")
    print(f"  history file: {history_lines(history)}")
    print("SIGHUP at the prompt")
    session_ended_at_the_prompt(executable, history, "seed 7", signal.SIGHUP, "SIGHUP")
    print(f"  history file: {history_lines(history)}")
    print("SIGTERM during run")
    session_ended_during_a_command(executable, history)
    lines = history_lines(history)
    print(f"  history file: {lines}")
    if lines != ["update", "seed 7", "run 100000000"]:
        print("FAILED: expected the three sessions' lines in the history file")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
