#!/usr/bin/env python3
"""Drives `plot boundary` in a real pseudo-terminal: in colour (ANSI 256 colours and half
blocks, as wide as the terminal allows) on a terminal, and plain characters when NO_COLOR
is set.

Usage: plot_session.py REGSIM_EXECUTABLE WORK_FOLDER

Run by PlotTerminalTests.swift; exits with status 1 on a failure (3 when pexpect is missing).
"""

import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ inside the test target
from terminal_session import Session as TerminalSession  # noqa: E402

PROMPT = "regsim> "


def boundary(executable, folder, environment):
    """The text `plot boundary` printed on a 40×200 terminal."""
    session = TerminalSession(executable, [], dict(REGSIM_HISTORY="", **environment))
    session.expect(re.escape(PROMPT), "the first prompt")
    session.send("data circle n=20\r", "data circle")
    session.expect(re.escape(PROMPT), "the prompt after data")
    session.send("plot boundary\r", "plot boundary")
    session.expect(r"points: .*\r\n", "the map's legend")
    text = session.child.before
    session.expect(re.escape(PROMPT), "the prompt after the map")
    session.send("quit\r", "quit")
    session.finish("regsim to end")
    return session, text


def main():
    executable, folder = sys.argv[1], sys.argv[2]
    session, text = boundary(executable, folder, {"NO_COLOR": ""})
    rows = [line for line in text.split("\r\n") if "▀" in line]
    # 200 columns: the plot uses 160, 152 cells across, 76 character rows of two cells each
    if len(rows) != 76 or any(line.count("▀") != 152 for line in rows):
        session.fail(f"expected 76 rows of 152 half blocks, got {len(rows)}")
    if "\x1b[38;5;" not in text or "\x1b[48;5;" not in text:
        session.fail("no 256-colour escape codes in the colour map")
    print("colour map: 76 rows of 152 half blocks")

    session, text = boundary(executable, folder, {"NO_COLOR": "1"})
    rows = [line for line in text.split("\r\n") if line.startswith("      |")]
    if "\x1b[38;5;" in text or "▀" in text or len(rows) != 76:
        session.fail(f"NO_COLOR: expected 76 plain rows and no colour, got {len(rows)} rows")
    print("NO_COLOR map: 76 plain rows, no escape codes")


if __name__ == "__main__":
    main()
