"""Keep typer from importing pydantic for parameters that are plain text.

typer 0.29 converts every parameter through a pydantic TypeAdapter. Importing pydantic and
building the adapters costs about 50 ms on every run, and typer re-runs the program on every
tab press for completion. Text parameters need no conversion, so they skip it.
"""

from __future__ import annotations

from typing import Any, Optional

from typer import core
from typer._coercion import RuntimeParam

TEXT_ANNOTATIONS: tuple[Any, ...] = (str, str | None, Optional[str])  # noqa: UP045


class TextParam(RuntimeParam):
    """A text value stays text: what typer's adapter would do for `str`, without pydantic."""

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        return value if isinstance(value, str) else str(value)


class UnsetFlagParam(RuntimeParam):
    """typer's own completion flags default to None rather than False; None needs no adapter."""

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        return None if value is None else super().coerce(value, param, ctx)

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        from typer._coercion import build_runtime_param

        return build_runtime_param(param.type_descriptor)._coerce_value(value, param, ctx)


def skip_pydantic_for_text() -> None:
    original = core._TyperParameter.get_runtime_param
    if getattr(original, "_kariersosial", False):
        return

    def get_runtime_param(self: core._TyperParameter) -> RuntimeParam:
        descriptor = self.type_descriptor
        if self._runtime_param is None and descriptor.annotation in TEXT_ANNOTATIONS:
            self._runtime_param = TextParam(descriptor.parameter_info, descriptor.annotation)
        elif self._runtime_param is None and descriptor.annotation is bool:
            self._runtime_param = UnsetFlagParam(descriptor.parameter_info, descriptor.annotation)
        return original(self)

    get_runtime_param._kariersosial = True  # type: ignore[attr-defined]
    core._TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]
