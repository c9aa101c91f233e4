//! Reading tables back from documents and judging their totals, shares and
//! changes: exact, rounding or error (issue 3).
