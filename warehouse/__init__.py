"""DuckDB schema and migrations, idempotent edition loads, Parquet snapshots and queries over them."""
