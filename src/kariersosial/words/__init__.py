"""Words people read: result headings and phrases shared by screen and paper."""
