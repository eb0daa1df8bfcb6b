"""Keep the full garbage collection that Streamlit runs after every script run cheap."""

from __future__ import annotations

import gc
import sys

_seen_modules = 0


def freeze_imports() -> bool:
    """After a run that imported something new, move what exists to the permanent generation.

    Streamlit calls gc.collect(2) after each run (runner.postScriptGC). With pandas, pyarrow
    and altair loaded that walks some 130,000 long-lived objects, 60-190 ms on this machine,
    holding the GIL while the page still waits for its last messages. Frozen objects are
    skipped. What is frozen is only freed by reference counting, so this runs only when the
    set of modules grew, a few times per server process, and first collects the young
    generations, which hold this run's garbage (a full collection there found none to free,
    after the Overview's first run, and took 67 ms). True when it froze.
    """
    global _seen_modules
    if len(sys.modules) == _seen_modules:
        return False
    _seen_modules = len(sys.modules)
    gc.collect(1)
    gc.freeze()
    return True
