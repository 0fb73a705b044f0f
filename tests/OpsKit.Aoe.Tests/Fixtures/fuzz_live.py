#!/usr/bin/env python3
"""Send a bounded stream of random and mutated AoE frames to a live target and report what came back.

usage: fuzz_live.py IFACE COUNT SEED
Frames with the R flag set carry tags 0xDEADxxxx; any answer to such a tag is counted as a violation.
Prints one JSON line: sent, answers, r_answers, bad_address (answers from 0xFFFF/0xFF).
"""
import json, random, socket, struct, sys

iface, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x88A2))
s.bind((iface, 0x88A2))
s.setblocking(False)
mac = s.getsockname()[4]
bcast = b"\xff" * 6

def frame(r_flag):
    tag = (0xDEAD0000 | rng.randrange(0x10000)) if r_flag else (0x80000000 | rng.randrange(0x7FFF0000))
    shelf = rng.choice([0, 0xFFFF, 1])
    slot = rng.choice([1, 0xFF, 2])
    cmd = rng.choice([0, 0, 0, 1, 1, 2, 3, rng.randrange(256)])
    ver = 0x10 if rng.random() < 0.9 else rng.randrange(256) & 0xF0
    flags = 0x08 if r_flag else rng.choice([0, 0, 0x04, 0x01])
    hdr = bcast + mac + struct.pack("!HBBHBBI", 0x88A2, ver | flags, 0, shelf, slot, cmd, tag)
    if cmd == 0:
        aflags = rng.choice([0x40, 0x41, 0x00, 0x01, rng.randrange(256)])
        acmd = rng.choice([0x24, 0x34, 0x20, 0x30, 0xEC, 0xE7, 0xE5, 0xB0, rng.randrange(256)])
        lba = rng.choice([0, rng.randrange(4096), rng.randrange(1 << 48), 2047, 2048])
        arg = struct.pack("<BBBB", aflags, 0, rng.randrange(256), acmd) + lba.to_bytes(6, "little") + b"\0\0"
        body = arg + bytes(rng.randrange(256) for _ in range(rng.choice([0, 0, 512, 1024, 1100])))
    else:
        body = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 1100)))
    f = hdr + body
    if rng.random() < 0.2:
        f = f[:rng.randrange(14, len(f) + 1)]          # truncated
    return f[:1514]

sent = answers = r_answers = bad_addr = 0
def drain():
    global answers, r_answers, bad_addr
    while True:
        try:
            b = s.recv(9216)
        except BlockingIOError:
            return
        if len(b) < 24 or not (b[14] & 0x08):
            continue
        answers += 1
        major, minor = struct.unpack_from("!HB", b, 16)
        tag = struct.unpack_from("!I", b, 20)[0]
        if tag >> 16 == 0xDEAD:
            r_answers += 1
        if major == 0xFFFF or minor == 0xFF:
            bad_addr += 1

for i in range(count):
    r = rng.random() < 0.3
    try:
        s.send(frame(r))
        sent += 1
    except OSError:
        pass
    if i % 64 == 0:
        drain()
import time
end = time.time() + 1.0
while time.time() < end:
    drain()
    time.sleep(0.01)
print(json.dumps({"sent": sent, "answers": answers, "r_answers": r_answers, "bad_address": bad_addr}))
