"""Policy documents, interpretations and the agencies that issue them."""
