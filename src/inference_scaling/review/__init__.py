"""What changed: the scenario comparison, the review diff between two commits, and the
golden files the tests hold the outputs against.
"""
