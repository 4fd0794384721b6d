# nerx patterns: text that is never part of an entity
# source: nerx project (hand-written)
# licence: same as nerx
# Skip patterns are regular expressions over the text (PCRE2), each run only
# on a text that holds one of its needs= strings (in any case).
# Quantifiers are possessive: a long run of "1.2.3..." must not back-track.
filename	skip	(?i)(?<![\w.-])[\w-]++(?:\.[\w-]++)++(?<=\.jpg|\.jpeg|\.png|\.gif|\.bmp|\.tif|\.tiff|\.webp|\.svg|\.pdf|\.doc|\.docx|\.xls|\.xlsx|\.ppt|\.pptx|\.zip|\.mp3|\.mp4|\.htm|\.html)	needs=.jpg|.jpeg|.png|.gif|.bmp|.tif|.tiff|.webp|.svg|.pdf|.doc|.docx|.xls|.xlsx|.ppt|.pptx|.zip|.mp3|.mp4|.htm|.html
url	skip	(?i)\b(?:https?|ftp)://[^\s<>"]+|\bwww\.[^\s<>"]+	needs=://|www.
email	skip	\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b	needs=@
