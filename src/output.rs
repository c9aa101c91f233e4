//! Writing output files (issue 4 makes this atomic).
