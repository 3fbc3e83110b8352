"""Stage 4, store: report graphs in; a checked dataset out, in the embedded store or a remote one, with its
description, queries, SHACL validation, exports in every RDF format and publishing to a Graph Store."""
