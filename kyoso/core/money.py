"""Amounts of money, in whole yen."""

# The largest amount any form, file or API call may give: a thousand trillion yen (千兆円) is
# beyond any budget (Japan's whole national budget is about 110 trillion), so a larger one is a
# typing slip, and it would not fit the database's 64-bit integers for long.
MAX_YEN = 10**15
