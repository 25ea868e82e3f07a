"""HTTP only: routes, dependencies, paging headers, caching, errors and docs."""
