"""The public platform: agency sections, the disclosure catalogue, home, theme."""
