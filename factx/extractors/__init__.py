"""One module per fact type. Each has ``extract(doc, ctx)`` yielding its facts.

They run in this order, because later ones read what earlier ones found (through ``ctx``):
agencies -> ages -> victims -> dates -> quotes (quotes and officials).
"""
