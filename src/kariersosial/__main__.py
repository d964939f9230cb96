"""Entry point for `python -m kariersosial` and the console script."""

from kariersosial.cli.app import main

if __name__ == "__main__":
    main()
