"""Reports in: a press release (.txt, .md, .html, .docx, .pdf) read into proposed figures."""
