"""The real-forms corpus: forms, hand-checked expected cases and the accuracy harness."""
