"""The e2e scripts' one way to report a check: a line "ok   WHAT" or
"FAIL WHAT" with what was seen, and a count of the failures for the exit
status (exit_status()). Imported by the scripts beside it."""

failed = 0


def check(ok, what, detail="", width=800):
    global failed
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        print("     " + str(detail)[:width])
        failed += 1
    return ok


def exit_status():
    return 1 if failed else 0
