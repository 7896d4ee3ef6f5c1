"""An SMTP server that accepts every message and prints, one line each, when it accepted it and its subject:
`<epoch microseconds>\t<Subject>` (a real SMTP implementation, aiosmtpd, so that a page's delivery costs what a
mail server costs: connection, EHLO, MAIL, RCPT, DATA). Used by bench/AlertsBench.java.

    python3 bench/smtp_sink.py PORT
"""
import asyncio
import sys
import time

from aiosmtpd.controller import Controller


def subject(content):
    """The Subject header, read without parsing the message: the sink must cost far less than the sender."""
    head = content.split(b"\r\n\r\n", 1)[0].replace(b"\r\n ", b" ").replace(b"\r\n\t", b" ")  # unfolded
    for line in head.split(b"\r\n"):
        if line[:8].lower() == b"subject:":
            return line[8:].strip().decode("utf-8", "replace")
    return ""


class Sink:
    async def handle_DATA(self, server, session, envelope):
        accepted = time.time_ns() // 1000
        sys.stdout.write(f"{accepted}\t{subject(envelope.content)}\n")
        sys.stdout.flush()
        return "250 OK"


if __name__ == "__main__":
    controller = Controller(Sink(), hostname="127.0.0.1", port=int(sys.argv[1]))
    controller.start()
    print("ready", flush=True)
    try:
        asyncio.get_event_loop().run_until_complete(asyncio.Event().wait())
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()
