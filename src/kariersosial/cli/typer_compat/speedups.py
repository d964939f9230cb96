"""Keep typer from importing pydantic for parameters that are plain text.

typer 0.29 converts every parameter through a pydantic TypeAdapter. Importing pydantic and
building the adapters costs about 50 ms on every run, and typer re-runs the program on every
tab press for completion. Text parameters need no conversion, so they skip it. The classes are
made inside the patch: `typer._coercion` is private and absent from other typer versions.
"""

from __future__ import annotations

from typing import Any, Optional

from kariersosial.cli.typer_compat.checks import Patch

TEXT_ANNOTATIONS: tuple[Any, ...] = (str, str | None, Optional[str])  # noqa: UP045
_MARK = "_kariersosial"


def skip_pydantic_for_text() -> None:
    from typer import _coercion, core

    class TextParam(_coercion.RuntimeParam):
        """A text value stays text: what typer's adapter would do for `str`, without pydantic."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            return value if isinstance(value, str) else str(value)

    class UnsetFlagParam(_coercion.RuntimeParam):
        """typer's completion flags default to None rather than False; None needs no adapter."""

        def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
            return None if value is None else super().coerce(value, param, ctx)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            runtime = _coercion.build_runtime_param(param.type_descriptor)
            return runtime._coerce_value(value, param, ctx)

    original = core._TyperParameter.get_runtime_param
    if getattr(original, _MARK, False):
        return

    def get_runtime_param(self: Any) -> Any:
        descriptor = self.type_descriptor
        if self._runtime_param is None and descriptor.annotation in TEXT_ANNOTATIONS:
            self._runtime_param = TextParam(descriptor.parameter_info, descriptor.annotation)
        elif self._runtime_param is None and descriptor.annotation is bool:
            self._runtime_param = UnsetFlagParam(descriptor.parameter_info, descriptor.annotation)
        return original(self)

    setattr(get_runtime_param, _MARK, True)
    core._TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]


PATCHES = (
    Patch(
        "skip_pydantic_for_text",
        versions=((0, 29),),
        needs=(
            "_coercion.RuntimeParam._coerce_value",
            "_coercion.RuntimeParam.coerce",
            "_coercion.build_runtime_param",
            "core._TyperParameter.get_runtime_param",
        ),
        apply=skip_pydantic_for_text,
    ),
)
