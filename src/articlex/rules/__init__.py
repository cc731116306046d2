"""Vocabularies and weights, kept as data: one table per concept, each entry with its reason."""
