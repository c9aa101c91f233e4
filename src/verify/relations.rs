//! How a table's relations are judged and worded: the options every stage
//! of verify shares. The relations themselves are proposed and established
//! by [`super::engine`] and [`super::establish`].

/// How a table's figures are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Shares were allocated by largest remainder (`report --shares largest-remainder`).
    pub allocated_shares: bool,
    /// Write the detail of exact relations (off for `--quiet`, which shows
    /// only failures: the words cost more than the judging).
    pub describe_exact: bool,
    /// Write the detail of relations that hold within rounding.
    pub describe_rounding: bool,
    /// Fill in each check's figures and expected interval (for JSON).
    pub structured: bool,
    /// Whole counts (`sager`, `personer`, `borgere`, `stk.`) are exact.
    pub counts_exact: bool,
    /// A table's check whose words are not wanted (see `describe_exact`,
    /// `describe_rounding`) is only counted, in [`super::TableReport::held`],
    /// not listed with its names, relation and evidence (for `--quiet` text,
    /// which prints only failures and counts the rest). Off where
    /// `structured` is on.
    pub lean: bool,
}

impl Options {
    /// Whether a check that holds and whose words are not wanted is only
    /// counted ([`Options::lean`], never where `structured` is on).
    pub fn counts_holding(&self) -> bool {
        self.lean && !self.structured
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            allocated_shares: false,
            describe_exact: true,
            describe_rounding: true,
            structured: true,
            counts_exact: true,
            lean: false,
        }
    }
}
