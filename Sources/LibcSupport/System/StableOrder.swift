/// One stable sort for every list getent orders (interface addresses,
/// gateways, destination addresses, drop-in files, group members): it sorts
/// positions, not elements, so it is compiled once instead of once per
/// element type as the standard library's `sort` would be.
enum StableOrder {
    /// The positions `0..<count` ordered by a top-down merge sort: when
    /// merging, the left position goes first whenever `keepsOrder(left,
    /// right)`. With `keepsOrder(a, b) = !(b strictly precedes a)` this is an
    /// ordinary stable sort; `AddressSorter` passes its own (non-transitive)
    /// comparison, whose results depend on this exact algorithm.
    @inline(never)
    static func positions(count: Int, _ keepsOrder: (Int, Int) -> Bool) -> [Int] {
        var order = [Int](repeating: 0, count: count)
        for i in 0..<count { order[i] = i }
        if count < 2 { return order }
        var scratch = order
        sort(&order, &scratch, 0, count, keepsOrder)
        return order
    }

    static func sort(_ items: inout [Int], _ scratch: inout [Int], _ lower: Int, _ upper: Int,
                     _ keepsOrder: (Int, Int) -> Bool) {
        let count = upper - lower
        if count < 2 { return }
        let middle = lower + count / 2
        sort(&items, &scratch, lower, middle, keepsOrder)
        sort(&items, &scratch, middle, upper, keepsOrder)
        var i = lower, j = middle, k = lower
        while i < middle && j < upper {
            if keepsOrder(items[i], items[j]) {
                scratch[k] = items[i]; i += 1
            } else {
                scratch[k] = items[j]; j += 1
            }
            k += 1
        }
        while i < middle { scratch[k] = items[i]; i += 1; k += 1 }
        while j < upper { scratch[k] = items[j]; j += 1; k += 1 }
        for m in lower..<upper { items[m] = scratch[m] }
    }
}
