# nerx patterns: text that is never part of an entity
# source: nerx project (hand-written)
# licence: same as nerx
# Quantifiers are possessive: a long run of "1.2.3..." must not back-track.
filename	skip	(?i)(?<![\w.-])[\w-]++(?:\.[\w-]++)++(?<=\.jpg|\.jpeg|\.png|\.gif|\.bmp|\.tif|\.tiff|\.webp|\.svg|\.pdf|\.doc|\.docx|\.xls|\.xlsx|\.ppt|\.pptx|\.zip|\.mp3|\.mp4|\.htm|\.html)
url	skip	(?i)\b(?:https?|ftp)://[^\s<>"]+|\bwww\.[^\s<>"]+
email	skip	\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b
