//! Byte ranges in the two coordinate systems a document has.
//!
//! Checks work on the normalized (NFC) text and produce [`NormSpan`]s; only the
//! document's offset map turns them into [`Span`]s in the original bytes, which is
//! what every report shows. Two types keep the two from being mixed up.

use std::ops::Range;

/// A byte range in the file as read (BOM and CRLF included), end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A byte range in the normalized text of a document, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct NormSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

macro_rules! span_methods {
    ($ty:ident) => {
        impl $ty {
            /// A span from `start` to `end` (`start <= end`).
            pub fn new(start: usize, end: usize) -> Self {
                debug_assert!(start <= end, "span start {start} after end {end}");
                Self { start, end }
            }

            /// Length in bytes.
            pub fn len(&self) -> usize {
                self.end - self.start
            }

            /// Whether the span covers no byte.
            pub fn is_empty(&self) -> bool {
                self.start == self.end
            }

            /// The span as a `Range` for slicing.
            pub fn range(&self) -> Range<usize> {
                self.start..self.end
            }

            /// Whether the two spans share at least one byte.
            pub fn overlaps(&self, other: Self) -> bool {
                self.start < other.end && other.start < self.end
            }

            /// Whether `other` lies entirely within this span.
            pub fn contains(&self, other: Self) -> bool {
                self.start <= other.start && other.end <= self.end
            }

            /// The span moved right by `delta` bytes.
            pub fn shifted(&self, delta: usize) -> Self {
                Self::new(self.start + delta, self.end + delta)
            }
        }

        impl From<Range<usize>> for $ty {
            fn from(r: Range<usize>) -> Self {
                Self::new(r.start, r.end)
            }
        }
    };
}

span_methods!(Span);
span_methods!(NormSpan);
