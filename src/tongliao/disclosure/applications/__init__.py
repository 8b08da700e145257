"""依申请公开: DisclosureApplication, its case engine, notices, fees, lookup."""
