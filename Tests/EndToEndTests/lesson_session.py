#!/usr/bin/env python3
"""Drives `regsim lesson 3` in a real pseudo-terminal, the way a learner would.

Usage: lesson_session.py REGSIM_EXECUTABLE WORK_FOLDER

Run by LessonSessionTests.swift. Reads the first exercise's answer from `regsim play 3`,
then: starts the lesson, explores with `lr 0.5` at the pause (the prompt says exploring),
goes `back` to the lesson's state, explores again and presses Enter (the exploration is set
aside); at `answer> ` asks for the hint, runs `> show W1[0,0]`, recalls it with the up arrow,
gives a wrong answer (the lesson's hint) and the right one (accepted, though `lr 0.5` was
typed), Ctrl-D (progress saved; the history file holds the commands, not the answers), and
starts the lesson again to see it resume. Prints what it does; on a failure it prints
the terminal output seen so far and exits with status 1 (3 when pexpect is missing).
"""

import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ inside the test target
from terminal_session import Session as TerminalSession  # noqa: E402

LESSON_PROMPT = "lesson 3> "
ANSWER_PROMPT = "answer> "
EXPLORING_PROMPT = "lesson 3 (exploring)> "


def Session(executable, folder):
    """`regsim lesson 3`, with its history and progress files in `folder`."""
    return TerminalSession(executable, ["lesson", "3"], {
        "REGSIM_HISTORY": os.path.join(folder, "history"),
        "REGSIM_LESSON_STATE": os.path.join(folder, "lessons"),
    })


def first_answer(executable):
    """The first exercise's answer, from the transcript `regsim play 3` prints."""
    played = subprocess.run([executable, "play", "3"], capture_output=True, text=True, check=True)
    match = re.search(r"^answer: (\S+)", played.stdout, re.MULTILINE)
    if not match:
        print(f"FAILED: no 'answer:' line in regsim play 3:\n{played.stdout}")
        sys.exit(1)
    return match.group(1)


def main():
    executable, folder = sys.argv[1], sys.argv[2]
    answer = first_answer(executable)
    wrong = str(float(answer) + 0.5)
    print(f"first answer from regsim play 3: {answer}; wrong answer: {wrong}")

    print("first session")
    session = Session(executable, folder)
    session.expect(r"Lesson 3: ", "the lesson's title")
    session.expect(re.escape(LESSON_PROMPT), "the lesson prompt at the first pause")
    session.send("lr 0.5\r", "a command that changes the session")
    session.expect(r"\(exploring: your commands run on a copy", "the sandbox announced")
    session.expect(re.escape(EXPLORING_PROMPT), "the exploring prompt")
    session.send("back\r", "back")
    session.expect(r"back to the lesson's state", "the sandbox reset")
    session.expect(r"\r\n" + re.escape(LESSON_PROMPT), "the plain lesson prompt again")
    session.send("lr 0.5\r", "the learning rate changed again")
    session.expect(re.escape(EXPLORING_PROMPT), "the exploring prompt again")
    session.send("\r", "Enter at the pause")
    session.expect(r"your exploration is set aside: the lesson goes on from its own state", "the exploration set aside")
    session.expect(r"── exercise factor", "the first exercise")
    session.expect(re.escape(ANSWER_PROMPT), "the answer prompt")
    session.send("hint\r", "hint")
    session.expect(r"hint: η·λ = 0\.1·0\.1", "the lesson's hint")
    session.expect(re.escape(ANSWER_PROMPT), "the answer prompt after the hint")
    session.send("> show W1[0,0]\r", "a command at the answer prompt")
    session.expect(r"W1\[0,0\] = 0\.5", "the command's output")
    session.expect(re.escape(ANSWER_PROMPT), "the answer prompt again")
    session.send("\x1b[A", "the up arrow")
    session.expect(re.escape("> show W1[0,0]"), "the command recalled")
    session.send("\r", "the recalled command")
    session.expect(r"W1\[0,0\] = 0\.5", "the recalled command's output")
    session.expect(re.escape(ANSWER_PROMPT), "the answer prompt after the recalled command")
    session.send("half typed", "a half-typed line")
    session.send("\x03", "Ctrl-C")
    session.expect(r"\r\n" + re.escape(ANSWER_PROMPT), "a fresh answer prompt after Ctrl-C")
    session.send(wrong + "\r", "a wrong answer")
    session.expect(r"wrong \(try 1 of 3\)", "the wrong answer rejected")
    session.expect(r"hint: ", "the hint")
    session.expect(re.escape(ANSWER_PROMPT), "the answer prompt after the hint")
    session.send(answer + "\r", "the right answer")
    session.expect(r"correct, \+1 point", "the right answer accepted")
    session.expect(re.escape(LESSON_PROMPT), "the lesson prompt at the next pause")
    session.send("\x04", "Ctrl-D")
    session.expect(r"progress saved; regsim lesson 3 resumes", "the progress saved")
    session.finish("the end after Ctrl-D")
    with open(os.path.join(folder, "history"), encoding="utf-8") as file:
        history = file.read().splitlines()
    print(f"history: {history}")
    if history != ["lr 0.5", "> show W1[0,0]"]:
        print("FAILED: the history should hold the commands only, not answers or lesson words")
        sys.exit(1)

    print("second session")
    session = Session(executable, folder)
    session.expect(r"resuming at step \d+ of \d+", "the lesson resuming")
    session.expect(r"score so far 1/7", "the score so far")
    session.expect(re.escape(LESSON_PROMPT), "the lesson prompt at the pause")
    session.send("\r", "Enter at the pause")
    session.expect(r"── exercise next-weight", "the second exercise")
    session.expect(re.escape(ANSWER_PROMPT), "the answer prompt")
    session.send("quit\r", "quit")
    session.expect(r"progress saved; regsim lesson 3 resumes", "the progress saved")
    session.finish("the end after quit")
    print("OK")


if __name__ == "__main__":
    main()
