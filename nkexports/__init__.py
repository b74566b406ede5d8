"""Sourced facts about North Korea's exports: load, validate, render and cite them."""
