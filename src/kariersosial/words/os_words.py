"""Operating-system errors in Indonesian: the system's own text is English."""

from __future__ import annotations

import errno

_REASON_BY_NAME = {
    "ENOENT": "tidak ada",
    "EACCES": "tidak diizinkan",
    "EPERM": "tidak diizinkan",
    "ENOTDIR": "bagian jalurnya bukan folder",
    "EISDIR": "itu folder, bukan berkas",
    "ENOSPC": "disk penuh",
    "EDQUOT": "jatah ruang disk penggunanya sudah habis",
    "EROFS": "sistem berkasnya hanya bisa dibaca",
    "EEXIST": "sudah ada berkas dengan nama itu",
    "ELOOP": "terlalu banyak tautan simbolik berantai (mungkin tautannya melingkar)",
    "ENAMETOOLONG": "nama berkas atau foldernya terlalu panjang",
    "EIO": "perangkat penyimpanannya gagal membaca atau menulis",
    "EMFILE": "program ini sedang membuka terlalu banyak berkas",
    "ENFILE": "sistem sedang membuka terlalu banyak berkas",
    "EBUSY": "berkas atau perangkatnya sedang dipakai",
    "ETXTBSY": "berkasnya sedang dijalankan sebagai program",
    "EFBIG": "berkasnya melebihi batas ukuran",
    "EXDEV": "tidak bisa dipindahkan ke disk lain",
    "ENXIO": "perangkatnya tidak ada, atau tidak ada yang membaca di ujung lainnya",
    "ENODEV": "perangkatnya tidak mendukung ini",
    "EAGAIN": "sedang tidak bisa dipakai; coba lagi sebentar lagi",
    "EINVAL": "berkas ini tidak mendukung permintaan itu",
    "ENOTEMPTY": "foldernya tidak kosong",
    "EPIPE": "yang membaca keluarannya sudah berhenti",
    "EMLINK": "terlalu banyak tautan ke berkas itu",
    "EOVERFLOW": "berkasnya terlalu besar",
    "ESTALE": "berkas di jaringan itu tidak tersedia lagi",
    "EINTR": "dihentikan oleh sinyal",
    "ENOMEM": "memori tidak cukup",
    "ETIMEDOUT": "waktu tunggunya habis",
    "EBADF": "berkasnya sudah ditutup",
    "ESPIPE": "berkasnya hanya bisa dibaca berurutan",
    "EOPNOTSUPP": "sistem berkasnya tidak mendukung ini",
    "ENOTSUP": "sistem berkasnya tidak mendukung ini",
    "EWOULDBLOCK": "sedang tidak bisa dipakai; coba lagi sebentar lagi",
}
# By name, because not every platform defines every errno.
_OS_REASONS = {getattr(errno, n): r for n, r in _REASON_BY_NAME.items() if hasattr(errno, n)}


def errno_words(number: int | None) -> str:
    """An operating-system error in Indonesian; an unlisted one by its errno name, never English."""
    if number is None:
        return "kesalahan sistem"
    return _OS_REASONS.get(number) or f"kesalahan sistem ({errno.errorcode.get(number, number)})"


def os_reason(exc: OSError) -> str:
    """`errno_words` for a caught OSError."""
    return errno_words(exc.errno)
