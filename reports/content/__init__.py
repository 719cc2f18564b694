"""What a report says, gathered section by section into plain data (tables, charts, paragraphs).

Each section lives in its own module and reads only through the other apps' models and selectors;
a section whose source app has not recorded anything yet says so in one sentence instead of failing.
The same gathered data feeds the PDF (documents.py) and the XLSX (workbook.py).
"""
