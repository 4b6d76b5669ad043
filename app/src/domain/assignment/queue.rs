//! Dijkstra's priority queue for the flow's reduced costs.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Dijkstra's priority queue for reduced costs, mostly small integers: one
/// bucket per distance below `BUCKETS` (Dial's algorithm: no logarithm),
/// a binary heap beyond. Popped distances never decrease (reduced costs
/// are non-negative), so the buckets are read once, in order.
pub(super) struct Queue {
    buckets: Vec<Vec<u32>>,
    at: usize,
    small: usize,
    heap: BinaryHeap<Reverse<(i64, u32)>>,
}

const BUCKETS: usize = 512;

impl Queue {
    pub fn new() -> Self {
        Self {
            buckets: vec![Vec::new(); BUCKETS],
            at: 0,
            small: 0,
            heap: BinaryHeap::new(),
        }
    }

    pub fn push(&mut self, d: i64, v: u32) {
        debug_assert!(d >= self.at as i64);
        match usize::try_from(d) {
            Ok(i) if i < BUCKETS => {
                self.buckets[i].push(v);
                self.small += 1;
            }
            _ => self.heap.push(Reverse((d, v))),
        }
    }

    pub fn pop(&mut self) -> Option<(i64, u32)> {
        while self.small > 0 {
            if let Some(v) = self.buckets[self.at].pop() {
                self.small -= 1;
                return Some((self.at as i64, v));
            }
            self.at += 1;
        }
        self.heap.pop().map(|Reverse(x)| x)
    }

    pub fn clear(&mut self) {
        if self.small > 0 {
            for b in &mut self.buckets[self.at..] {
                b.clear();
            }
        }
        self.at = 0;
        self.small = 0;
        self.heap.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_queue_pops_small_and_large_distances_in_order() {
        let mut q = Queue::new();
        for (d, v) in [
            (3, 1),
            (BUCKETS as i64 + 7, 2),
            (0, 3),
            (3, 4),
            (BUCKETS as i64, 5),
        ] {
            q.push(d, v);
        }
        let mut popped = Vec::new();
        while let Some((d, _)) = q.pop() {
            popped.push(d);
        }
        assert_eq!(popped, [0, 3, 3, BUCKETS as i64, BUCKETS as i64 + 7]);
        q.clear();
        q.push(2, 9);
        q.clear();
        assert_eq!(q.pop(), None);
        q.push(1, 7);
        assert_eq!(q.pop(), Some((1, 7)));
    }
}
