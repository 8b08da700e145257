"""政民互动 / 信息公开意见箱: public messages to an agency and their answers."""
