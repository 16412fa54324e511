"""Accord's benchmarks: `python -m bench` (make bench) and `python -m bench --quick`."""
