依申请公开: a 受理回执 at online submission and registration (tracking code,
receipt day as art. 31 counts it, reply deadline, how to look up) as a
printable page, PDF and DOCX; notices per outcome family including art. 36(1)
and 36(5), and the 征求意见书 to a consulted party, each with a per-agency
yearly notice number (文号) and a remedy clause naming the agency's review
organ and court; PDFs in Noto Serif CJK via fpdf2. Cases record 行政复议 /
行政诉讼 and fees paid; the annual report's table 四 and fee figures are
computed from them and arithmetic errors block publication (explanations for
warnings only). Officer's workbench: dashboard filters, sorting and XLSX
export; the case page as a guided procedure showing each step's effect on the
deadline; a Chinese timeline with staff names. ``@application-status`` accepts
POST with JSON; notice download links are short-lived signed tokens; empty
lookups say what is missing. [#13]
