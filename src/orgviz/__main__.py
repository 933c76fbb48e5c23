"""`python -m orgviz` runs the command line."""

from orgviz.entry import run

run()
