"""Pure domain: models, the fit model, scoring, the short quiz, lookup, comparison; stdlib only."""
