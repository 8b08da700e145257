"""举报受理: complaints about disclosure work (条例 arts. 47, 51)."""
