//! The browser build's memory allocator: size classes of powers of two, each with a
//! free list, carved from memory the module grows page by page.
//!
//! The standard allocator of `wasm32-unknown-unknown` (dlmalloc) is about 7 KB of the
//! module; this one is a few hundred bytes. It suits how the widget uses memory: a
//! catalog read once, then one match per keystroke whose allocations are all freed
//! again, so every size class settles at its peak and memory stops growing (a test in
//! `tests/wasm.rs` checks that). It wastes up to half of each block to rounding, and
//! never returns memory to the browser (dlmalloc does not either).
//!
//! `wasm32-unknown-unknown` without the `atomics` feature has one thread, so the
//! state needs no lock.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr::null_mut;

const PAGE: usize = 65_536;
/// Blocks are 8 bytes at least (room for the free list's link) and at most 2^31.
const MIN_CLASS: u32 = 3;
const CLASSES: usize = 32;

struct State {
    /// Per class: the first free block; each free block starts with the next one's address.
    free: [*mut u8; CLASSES],
    /// Unused memory at the end of the heap: `next..end`.
    next: usize,
    end: usize,
}

pub struct SizeClassAllocator(UnsafeCell<State>);

// SAFETY: the wasm32-unknown-unknown target this is compiled for has a single thread.
unsafe impl Sync for SizeClassAllocator {}

#[global_allocator]
static ALLOCATOR: SizeClassAllocator =
    SizeClassAllocator(UnsafeCell::new(State { free: [null_mut(); CLASSES], next: 0, end: 0 }));

/// The class of a layout: blocks of `1 << class` bytes, at least as large as the
/// size and the alignment.
fn class(layout: &Layout) -> Option<u32> {
    let size = layout.size().max(layout.align()).max(1 << MIN_CLASS);
    let class = size.checked_next_power_of_two()?.trailing_zeros();
    ((class as usize) < CLASSES).then_some(class)
}

unsafe impl GlobalAlloc for SizeClassAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class(&layout) else { return null_mut() };
        // SAFETY: one thread, and no allocation happens while this borrow lives.
        let s = unsafe { &mut *self.0.get() };
        let head = s.free[class as usize];
        if !head.is_null() && (head as usize) % layout.align() == 0 {
            // SAFETY: a free block holds the address of the next free block.
            s.free[class as usize] = unsafe { *(head as *mut *mut u8) };
            return head;
        }
        let size = 1usize << class;
        let align = layout.align().max(8);
        // Checked: near 4 GiB an addition could wrap and hand out memory twice.
        let fits = |next: usize, end: usize| {
            let start = next.checked_add(align - 1)? & !(align - 1);
            (start.checked_add(size)? <= end).then_some(start)
        };
        let start = match fits(s.next, s.end) {
            Some(start) => start,
            None => {
                // Grow by at least 1 MB, so small blocks do not grow memory a page at a time.
                let pages = (size.saturating_add(align) / PAGE + 1).max(16);
                let old = core::arch::wasm32::memory_grow(0, pages);
                if old == usize::MAX {
                    return null_mut();
                }
                let (Some(base), Some(end)) = (old.checked_mul(PAGE), (old + pages).checked_mul(PAGE)) else {
                    return null_mut();
                };
                if base != s.end {
                    s.next = base; // not contiguous with the old free space: start afresh
                }
                s.end = end;
                match fits(s.next, s.end) {
                    Some(start) => start,
                    None => return null_mut(),
                }
            }
        };
        s.next = start + size;
        start as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(class) = class(&layout) else { return };
        // SAFETY: one thread; `ptr` is a block of this class that is no longer used, at
        // least 8 bytes long and 8-aligned, so it can hold the link.
        let s = unsafe { &mut *self.0.get() };
        unsafe { *(ptr as *mut *mut u8) = s.free[class as usize] };
        s.free[class as usize] = ptr;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Within the same class the block already has room.
        if let Ok(new) = Layout::from_size_align(new_size, layout.align()) {
            if class(&new).is_some() && class(&new) == class(&layout) {
                return ptr;
            }
            // SAFETY: as `GlobalAlloc::realloc`'s default: a new block, copy, free the old.
            let fresh = unsafe { self.alloc(new) };
            if !fresh.is_null() {
                unsafe {
                    std::ptr::copy_nonoverlapping(ptr, fresh, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
            }
            return fresh;
        }
        null_mut()
    }
}
