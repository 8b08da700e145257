"""Views of 依申请公开."""
