"""The bundle's entry point (PyInstaller runs this file as the program's ``__main__``).

Before the usual ``ecotracker`` start it answers the two ways the program starts a copy of
itself: multiprocessing's spawn (``freeze_support``: the workbook import reads a file in a
child process, core/excel/isolated.py) and ``--run-module MODULE`` for a fresh interpreter
(the scorecard job, core/child.py).
"""
import multiprocessing
import runpy
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    if len(sys.argv) > 2 and sys.argv[1] == "--run-module":
        module = sys.argv[2]
        sys.argv = [module, *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        sys.exit(0)
    from gui.launcher import main

    sys.exit(main())
