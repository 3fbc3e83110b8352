"""Progress of a long job on a terminal: done of total, rate and time left, on one line rewritten in place.

A job calls ``progress(done, total)``; the CLI hands it a ``Meter`` that draws only when its stream is a
terminal, so logs and pipes get nothing but the job's own output. A dozen lines do what tqdm or rich would,
without their threads and with nothing new to install.
"""
from __future__ import annotations

import sys
import time
from typing import Callable, TextIO

Progress = Callable[[int, int], None]
REDRAW = 0.1  # seconds between two drawings: a 1,000-report build does not print 1,000 lines


def silent(done: int, total: int) -> None:
    """Report nothing (the default of every job)."""


class Meter:
    """Draw ``label done/total, rate/s, time left`` on ``stream`` when it is a terminal."""

    def __init__(self, label: str, stream: TextIO | None = None, unit: str = "", clock=time.monotonic):
        self.label, self.unit, self.clock = label, unit, clock
        self.stream = stream if stream is not None else sys.stderr
        self.shown = _is_terminal(self.stream)
        self.started = self.drawn = None

    def __call__(self, done: int, total: int) -> None:
        if not self.shown:
            return
        now = self.clock()
        if self.started is None:
            self.started = now
        if done < total and self.drawn is not None and now - self.drawn < REDRAW:
            return
        self.drawn = now
        self.stream.write("\r\x1b[K" + line(self.label, done, total, now - self.started, self.unit))
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def line(label: str, done: int, total: int, elapsed: float, unit: str = "") -> str:
    """One progress line: ``build 40/100 reports, 1.6/s, 38 s left``."""
    rate = done / elapsed if elapsed > 0 else 0.0
    left = f", {_duration((total - done) / rate)} left" if rate and done < total else ""
    took = f", {_duration(elapsed)}" if done >= total else ""
    return f"{label} {done}/{total}{' ' + unit if unit else ''}, {rate:.1f}/s{left}{took}"


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def meter(label: str, quiet: bool = False, unit: str = "") -> Progress:
    """The progress a command shows: a Meter on standard error, or nothing when ``quiet``."""
    return silent if quiet else Meter(label, unit=unit)
