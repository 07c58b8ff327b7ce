"""Exchanging questions with Moodle (GIFT, Moodle XML) and QTI.

``model`` holds the format-neutral ``Question``; ``common`` the conversions between it and a bank
item (each item type's own mapping lives in ``core/itemtypes/``); ``gift``, ``moodle_xml`` and
``qti`` read and write files.  Qt-free: the command line and the UI both use it.  Import the
submodules directly: this package re-exports nothing, so importing ``model`` never pulls in the
conversions (which depend on the item types, which depend on ``model``).
"""
