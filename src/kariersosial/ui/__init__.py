"""The screen: consoles, prompts and views built with rich and questionary."""
