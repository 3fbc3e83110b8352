"""Stage 2, read: a report's text in; frozen records out (outline, metadata, figures, quantities, entities,
relations, statements), each with its character span in the text. Pure functions over strings."""
