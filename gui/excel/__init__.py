"""The Excel dialogs: export the meeting workbook, import a workbook with a preview."""
