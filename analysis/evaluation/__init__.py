"""Evaluation on annotated corpora (``python -m analysis evaluate ...``).

Corpora are read from a path the user gives; nothing here ships their texts.
``quotes``: BRAT standoff attribution corpora such as PolNeAR.
``sentiment``: NewsMTSC-style JSONL target-sentiment files.
``sectors``: the sectors gold JSON format (docs/evaluation.md, "Sectors").
"""
