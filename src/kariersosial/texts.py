"""Sentences shown in more than one place: on screen, in reports and in JSON."""

DISCLAIMER = (
    "Hasil ini untuk membantumu menjelajah pilihan karier, bukan untuk seleksi kerja. "
    "Bicarakan juga dengan guru BK atau orang yang bekerja di bidang ini."
)
QUOTE_NOTE = "Teks dalam tanda kutip dikutip apa adanya dari teks sumber peran."
