#!/usr/bin/env python3
"""Drives regsim's REPL in a real pseudo-terminal, the way a person would.

Usage: pty_session.py REGSIM_EXECUTABLE WORK_FOLDER

Run by TerminalTests.swift. Checks the prompt, TAB completion, Ctrl-C on a half-typed
line, Ctrl-R reverse search, the up arrow, `quit`, the history file, and Ctrl-D in a
second session that reloads the history. Prints what it does; on a failure it prints the
terminal output seen so far and exits with status 1 (3 when pexpect is missing).
"""

import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ inside the test target
from terminal_session import Session as TerminalSession  # noqa: E402

PROMPT = "regsim> "
UP_ARROW = "\x1b[A"


def Session(executable, history):
    """The REPL, with its history file at `history`."""
    return TerminalSession(executable, [], {"REGSIM_HISTORY": history})


def first_session(executable, history):
    session = Session(executable, history)
    session.expect(re.escape(PROMPT), "the first prompt")

    session.send("upd\t", "'upd' and TAB")
    session.expect("ate ", "TAB completing 'upd' to 'update '")
    session.send("\r", "Enter")
    session.expect(r"update 1", "the update's output")
    session.expect(re.escape(PROMPT), "the prompt after update")

    session.send("bogus words", "a half-typed line")
    session.expect("bogus words", "the typed text")
    session.send("\x03", "Ctrl-C")
    session.expect(r"\r\n" + re.escape(PROMPT), "a fresh prompt after Ctrl-C")
    session.send("\r", "Enter on the fresh, empty line")
    session.expect(re.escape(PROMPT), "the prompt after an empty line")

    session.send("\x12upd", "Ctrl-R and 'upd'")
    session.expect(r"reverse-i-search", "the reverse search prompt")
    session.expect(r"update", "the found line")
    session.send("\r", "Enter")
    session.expect(r"update \d+", "the second update's output")
    session.expect(re.escape(PROMPT), "the prompt after the second update")

    session.send(UP_ARROW, "the up arrow")
    session.expect(r"update", "the previous line recalled")
    session.send("\x03", "Ctrl-C")
    session.expect(r"\r\n" + re.escape(PROMPT), "a fresh prompt after Ctrl-C")

    session.send("quit\r", "quit")
    session.finish("the end after quit")

    if re.search(r"^error", session.output(), re.MULTILINE):
        session.fail("a line was rejected: was the Ctrl-C'd line run?")


def second_session(executable, history):
    session = Session(executable, history)
    session.expect(re.escape(PROMPT), "the first prompt of a second session")
    session.send(UP_ARROW, "the up arrow")
    session.expect(r"quit", "the last line of the first session, from the history file")
    session.send("\x01\x0b", "Ctrl-A Ctrl-K to empty the line")
    session.send("\x04", "Ctrl-D on the empty line")
    session.finish("the end after Ctrl-D")


def check_history(history):
    try:
        with open(history, encoding="utf-8") as file:
            lines = file.read().splitlines()
    except OSError as error:
        print(f"FAILED: the history file was not written: {error}")
        sys.exit(1)
    print(f"  history file: {lines}")
    if "update" not in lines or lines[-1] != "quit":
        print("FAILED: the history file lacks 'update' or does not end with 'quit'")
        sys.exit(1)
    if any("bogus" in line for line in lines):
        print("FAILED: a line abandoned with Ctrl-C is in the history")
        sys.exit(1)


def main():
    executable, folder = sys.argv[1], sys.argv[2]
    history = os.path.join(folder, "state", "regsim", "history")
    print("first session")
    first_session(executable, history)
    check_history(history)
    print("second session")
    second_session(executable, history)
    print("OK")


if __name__ == "__main__":
    main()
