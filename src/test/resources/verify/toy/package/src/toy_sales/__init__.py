"""Toy sales pipeline."""
