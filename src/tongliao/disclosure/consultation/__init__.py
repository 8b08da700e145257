"""意见征集: draft policies open for public comment, moderation, 采纳情况反馈."""
