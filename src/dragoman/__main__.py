"""``python -m dragoman ...``: the same commands as the ``dragoman`` script."""
from .cli import main

main()
