"""Reusable widgets of the examinee and trainer screens (one question item: ``items.ItemView``)."""
