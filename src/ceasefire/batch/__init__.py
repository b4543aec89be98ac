"""Ingest at scale: `ceasefire batch` cleans and extracts a corpus on a Dask cluster into
Parquet partitions (`run`), and `ceasefire load` stores them as `ingest` would (`load`).

`run` needs Dask (`pip install 'ceasefire[scale]'`); planning and loading do not.
"""
