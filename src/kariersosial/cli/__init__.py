"""The typer app, its commands, the error edge and the typer compatibility code."""
