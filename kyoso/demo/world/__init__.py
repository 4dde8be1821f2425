"""The demo world: real bodies of Saga (and Ibaraki), their departments and a vocabulary of work.

Plain data and deterministic generators, with no database access, so that the benchmark's data
generator (``bench/``) can reuse the same vocabulary at national scale.
"""
