"""The dashboard's interface layer: state, caching, sidebar and the pieces pages share."""
