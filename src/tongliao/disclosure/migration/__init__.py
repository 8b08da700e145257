"""Moving in and out without loss: annotation storage, export/import, legacy import."""
