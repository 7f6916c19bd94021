"""The indicator view: figures, targets, history and the trend plot of one indicator."""
