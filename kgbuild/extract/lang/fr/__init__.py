"""French: data files (data/*.toml), language.toml and the grammar module."""
