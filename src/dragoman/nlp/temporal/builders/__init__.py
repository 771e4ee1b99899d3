"""Rule builders: from a :class:`~..pattern.Hit` to an expression (:mod:`..expr`).

A builder returns ``None`` when the tokens do not make sense (day 45, a
number that is not a year), and the scan moves on. :mod:`.dates` builds
calendar dates, :mod:`.relative` what is relative to the anchor, and
:mod:`.composite` what is built on other expressions; :mod:`.values` reads tokens for all three.
"""
