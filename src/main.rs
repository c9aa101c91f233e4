use std::process::ExitCode;

// verify judges a table-dense document allocation by allocation (cells,
// labels, candidate readings): mimalloc's small allocations are much cheaper
// than the system allocator's (README, "verify on two generated documents").
#[global_allocator]
static ALLOCATOR: Mimalloc = Mimalloc;

/// mimalloc, asked for an alignment only where its plain allocation does not
/// give it. Every block `mi_malloc` hands out is aligned to a word (8 bytes),
/// so an allocation aligned to at most that (strings, cells, most vectors)
/// takes the plain way: the aligned way cost about 30 instructions more an
/// allocation, and fell back to over-allocating whenever its page had no free
/// block (a block size not a power of two).
struct Mimalloc;

/// The alignment of every block mimalloc's plain allocation hands out.
const WORD: usize = std::mem::size_of::<usize>();

// SAFETY: each method forwards to mimalloc, which returns a block of at least
// the size asked, aligned to `WORD` by `mi_malloc`, `mi_zalloc` and
// `mi_realloc` and to `align` by the aligned calls; `mi_free` frees blocks of
// either kind.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= WORD {
            libmimalloc_sys::mi_malloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= WORD {
            libmimalloc_sys::mi_zalloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        libmimalloc_sys::mi_free(ptr.cast());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast()
        } else {
            libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
        }
    }
}

fn main() -> ExitCode {
    sparekrav::cli::main()
}

#[cfg(test)]
mod tests {
    use super::Mimalloc;
    use std::alloc::{GlobalAlloc, Layout};

    proptest::proptest! {
        /// Every way of allocating gives a block aligned as asked, of the
        /// size asked, zeroed where asked, its bytes kept when it grows or
        /// shrinks: the plain calls where the alignment is at most a word,
        /// the aligned ones past it.
        #[test]
        fn blocks_are_aligned_and_kept(
            size in 1usize..5000,
            new_size in 1usize..5000,
            align_bits in 0u32..7,
            zeroed: bool,
        ) {
            let align = 1usize << align_bits;
            let layout = Layout::from_size_align(size, align).unwrap();
            unsafe {
                let p = if zeroed {
                    Mimalloc.alloc_zeroed(layout)
                } else {
                    Mimalloc.alloc(layout)
                };
                proptest::prop_assert!(!p.is_null());
                proptest::prop_assert_eq!(p as usize % align, 0);
                if zeroed {
                    proptest::prop_assert!((0..size).all(|i| *p.add(i) == 0));
                }
                for i in 0..size {
                    *p.add(i) = (i % 251) as u8;
                }
                let q = Mimalloc.realloc(p, layout, new_size);
                proptest::prop_assert!(!q.is_null());
                proptest::prop_assert_eq!(q as usize % align, 0);
                let kept = size.min(new_size);
                proptest::prop_assert!((0..kept).all(|i| *q.add(i) == (i % 251) as u8));
                Mimalloc.dealloc(q, Layout::from_size_align(new_size, align).unwrap());
            }
        }
    }
}
