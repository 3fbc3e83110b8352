"""Stage 3, rdf: the records of a report in; its RDF graph out (IRIs minted in one place, the vocabulary
declared once, the indicator map, and what each number of the text became)."""
