"""One module per fact type; each turns a sentence context into fact candidates."""
