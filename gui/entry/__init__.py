"""The entry grid: File › Enter figures…, paste and fill down (also used by the figure table)."""
