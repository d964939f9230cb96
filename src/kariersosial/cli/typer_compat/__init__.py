"""Every place kariersosial reaches into typer's internals, checked before it is touched.

`guard.apply_all()` runs each patch only when typer's version is one it was checked on and every
attribute it needs is there; otherwise that patch is left out and typer behaves as shipped
(English help texts, pydantic conversion), still warning-free. Internals touched:

speedups.py (skip pydantic for text parameters; typer 0.29 only):
  typer._coercion.RuntimeParam (subclassed; _coerce_value, coerce),
  typer._coercion.build_runtime_param,
  typer.core._TyperParameter.get_runtime_param (replaced), ._runtime_param, .type_descriptor
  (.annotation, .parameter_info)
i18n.py (Indonesian for typer's own text; typer 0.28 and 0.29):
  typer.core._ (gettext, replaced), typer._click.HelpFormatter.write_usage,
  typer._click.Command.get_help_option, typer.core._TyperParameter.display_type,
  typer.core.TyperOption.display_type_rich, typer._click.exceptions.*.format_message,
  typer.completion._install_completion_placeholder_function and
  ._install_completion_no_auto_placeholder_function (their option defaults' help and callback),
  typer._completion_shared.install, typer._click.termui.secho, typer._click.echo,
  typer.rich_utils panel titles and strings and OptionHighlighter.highlights (set when typer
  imports it, through an import hook on sys.meta_path)
"""
