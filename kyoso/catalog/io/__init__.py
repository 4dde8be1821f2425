"""Catalog import and export (CSV/XLSX) in the form bodies keep their catalogs.

``columns``    which headers are understood and what they hold
``values``     reading one cell: amounts, booleans, fields, forms of collaboration
``readers``    turning an uploaded file into a header and numbered rows
``validation`` checking every row before anything is written
``importer``   the ``catalog_import`` service
``exporter``   CSV (UTF-8 with BOM) and XLSX output
"""
