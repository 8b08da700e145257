"""社会评议: satisfaction ratings of documents, answered applications and agencies."""
