"""Sentences shown in more than one place: on screen, in reports and in JSON."""

DISCLAIMER = (
    "Hasil ini untuk membantumu menjelajah pilihan karier, bukan untuk seleksi kerja. "
    "Bicarakan juga dengan guru BK atau orang yang bekerja di bidang ini."
)
QUOTE_NOTE = "Teks dalam tanda kutip dikutip apa adanya dari teks sumber peran."

# What the answers show, never what the person can do: a trait the answers lean towards.
MATCHES_HEADING = "Jawabanmu sejalan dengan ciri orang yang cocok"
NO_MATCHES = "Jawabanmu belum sejalan dengan ciri orang yang cocok untuk peran ini."
