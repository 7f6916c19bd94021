"""Dialogs that add and edit indicators, figures and targets through core edits."""
