"""The REST API: JSON endpoints (the contract of :mod:`dragoman.contract`) over a store.

``routes`` are the endpoints, ``data`` the functions that fetch what they show (the web pages call the
same ones), ``handlers`` the one JSON error shape. The application that serves them together with the
web UI is :func:`dragoman.server.create_app`.
"""
