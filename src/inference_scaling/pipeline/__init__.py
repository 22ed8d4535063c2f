"""Plumbing shared by every layer and the workflow: validated configuration, the shipped
datasets, project paths, atomic output, the job runner, code dependencies of each rule and
the build log. Imports no other layer of the package.
"""
