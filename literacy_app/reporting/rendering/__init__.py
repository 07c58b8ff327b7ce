"""Turning figures into what people read: Jinja → HTML, Qt → PDF and charts, tables for xlsx/CSV.
Qt is imported only inside the functions that draw, so importing this package stays cheap."""
