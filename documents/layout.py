"""What both renderers need to know of a paper's layout beyond its data."""

from documents.content import Block, Chart, Heading, Paragraph, Table

# The last lines of the body that stay on the page of the signature block.
KEPT_WITH_SIGNATURE = 2


def kind_of(block: Block) -> str:
    if isinstance(block, Paragraph):
        return "paragraph"
    if isinstance(block, Heading):
        return "heading"
    if isinstance(block, Table):
        return "table"
    if isinstance(block, Chart):
        return "chart"
    raise TypeError(f"not a block of a paper: {type(block).__name__}")


def split_tail(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """(body, tail): the tail is the closing paragraphs (at most two) that go with the signature."""
    cut = len(blocks)
    while cut > 0 and len(blocks) - cut < KEPT_WITH_SIGNATURE and isinstance(blocks[cut - 1], Paragraph):
        cut -= 1
    return blocks[:cut], blocks[cut:]
