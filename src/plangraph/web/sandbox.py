"""Walls the operating system keeps around a process that runs queries: no network, bounded memory.

``no_network()`` installs a seccomp filter that makes every new IPv4 or IPv6 socket fail with EACCES, for
the calling process and every thread and child it starts afterwards. Sockets it already holds (a listening
socket inherited from a supervisor, the pipe to it) keep working, so a query worker still answers, but the
query engine can no longer open a connection: even a SERVICE that slipped past the parser check reaches no
one. The filter cannot be lifted again; it is Linux-only (on other systems the call says it did nothing).

``limit_memory(bytes)`` sets RLIMIT_DATA, the process's heap and private mappings (the store files mapped
read-only are not counted). A query that needs more fails to allocate and its process dies, which the
supervisor reports as the client's 503.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import platform
import resource
import struct

# seccomp_data: int nr (offset 0), u32 arch (4), u64 instruction_pointer (8), u64 args[6] (16 ...)
_ARCHES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}  # machine -> (AUDIT_ARCH, __NR_socket)
_AF_INET, _AF_INET6 = 2, 10
_LD_ABS, _JEQ, _RET = 0x20, 0x15, 0x06  # BPF_LD|BPF_W|BPF_ABS, BPF_JMP|BPF_JEQ|BPF_K, BPF_RET|BPF_K
_ALLOW, _DENY = 0x7FFF0000, 0x00050000 | errno.EACCES  # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO | EACCES
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2


class _Filter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Filter))]


def _program(arch: int, socket_nr: int) -> list[tuple[int, int, int, int]]:
    """The filter, as BPF instructions: deny socket(AF_INET|AF_INET6, …) on this architecture, allow the rest."""
    return [
        (_LD_ABS, 0, 0, 4), (_JEQ, 0, 6, arch),            # another ABI (e.g. 32-bit calls): allow
        (_LD_ABS, 0, 0, 0), (_JEQ, 0, 4, socket_nr),       # not socket(): allow
        (_LD_ABS, 0, 0, 16), (_JEQ, 1, 0, _AF_INET),       # socket's first argument, the address family
        (_JEQ, 0, 1, _AF_INET6),
        (_RET, 0, 0, _DENY), (_RET, 0, 0, _ALLOW),
    ]


def no_network() -> bool:
    """Forbid this process (and its later threads and children) to open IPv4/IPv6 sockets; True when done."""
    known = _ARCHES.get(platform.machine())
    libc_name = ctypes.util.find_library("c")
    if known is None or libc_name is None or struct.calcsize("P") != 8:
        return False
    instructions = _program(*known)
    filters = (_Filter * len(instructions))(*(_Filter(*i) for i in instructions))
    program = _Program(len(instructions), filters)
    libc = ctypes.CDLL(libc_name, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(program), 0, 0) == 0


def limit_memory(max_bytes: int) -> None:
    """Cap this process's data memory (heap and private mappings) at ``max_bytes``; 0 leaves it unbounded."""
    if max_bytes > 0:
        _, hard = resource.getrlimit(resource.RLIMIT_DATA)
        limit = max_bytes if hard == resource.RLIM_INFINITY else min(max_bytes, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
