"""Files and streams in and out: answers, CSV, forms, reports, JSON shapes, safe read and write."""
