"""kariersosial: kuis kecocokan karier untuk lima peran kebijakan dan layanan sosial."""

__version__ = "0.1.0"
