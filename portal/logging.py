"""Log filters: personal identification numbers never reach a log line."""

import logging
import re

# A Vietnamese personal identification number (số định danh cá nhân / CCCD) has 12 digits.
_PERSONAL_ID = re.compile(r"(?<!\d)\d{12}(?!\d)")


def mask_personal_ids(text: str) -> str:
    """Replace every 12-digit run by its mask, keeping the last four digits."""
    return _PERSONAL_ID.sub(lambda m: "********" + m.group(0)[-4:], text)


class MaskPersonalIdsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_personal_ids(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True
