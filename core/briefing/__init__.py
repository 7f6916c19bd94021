"""The half-year briefing written from the figures: ``ecotracker briefing`` and File › Briefing…"""
