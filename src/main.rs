use std::process::ExitCode;

// verify judges a table-dense document allocation by allocation (cells,
// labels, candidate readings): mimalloc's small allocations are much cheaper
// than the system allocator's (README, "verify on two generated documents").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    sparekrav::cli::main()
}
