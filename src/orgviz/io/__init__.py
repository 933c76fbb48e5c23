"""Org data in and out: CSV import, exports (Mermaid, JSON, CSV, GraphML) and the YAML writer."""
