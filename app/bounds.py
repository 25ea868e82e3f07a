"""The numeric bounds of the contract, shared by wire shapes, extraction, writes and import.

No imports: every layer may use it.
"""

# Ids, ranks, offsets and years are INTEGER columns: 32-bit on PostgreSQL (SQLite's are
# wider). One bound for both backends, so the contract and what an export can hold do not
# depend on the database behind it.
MAX_ID = 2**31 - 1
MIN_INT = -(2**31)

# No amount, count or percentage beyond this is a value: it is beyond any budget in any
# currency (Iran's, in rials, is about 1e16), and a float stays exact enough and finite.
MAX_VALUE = 1e18
