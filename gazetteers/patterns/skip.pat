# nerx patterns: text that is never part of an entity
# source: nerx project (hand-written)
# licence: same as nerx
filename	skip	(?i)(?<![\w.])[\w.-]*\w\.(?:jpe?g|png|gif|bmp|tiff?|webp|svg|pdf|docx?|xlsx?|pptx?|zip|mp[34]|html?)\b
url	skip	(?i)\b(?:https?|ftp)://[^\s<>"]+|\bwww\.[^\s<>"]+
email	skip	\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b
