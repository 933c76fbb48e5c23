"""`python -m orgviz` runs the command line."""

from orgviz.cli import run

run()
