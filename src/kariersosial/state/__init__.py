"""Saved state: the data folder, quiz progress, history and results kept aside."""
