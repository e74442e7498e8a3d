/// Length-limited Huffman code lengths and the canonical codes DEFLATE derives from them.
enum HuffmanCode {
    /// Optimal code lengths for `frequencies`, none longer than `limit` bits (symbols with frequency 0 get 0;
    /// a single used symbol gets 1).
    ///
    /// An ordinary Huffman code is built first (two queues over the sorted frequencies); only if it is deeper than
    /// `limit` are the lengths computed again by package-merge.
    static func lengths(_ frequencies: [UInt32], limit: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: frequencies.count)
        var keys: [UInt64] = []
        keys.reserveCapacity(frequencies.count)
        for (s, f) in frequencies.enumerated() where f > 0 { keys.append(UInt64(f) << 16 | UInt64(s)) }
        let n = keys.count
        if n == 0 { return result }
        if n == 1 {
            result[Int(keys[0] & 0xFFFF)] = 1
            return result
        }
        precondition(n <= 1 << limit, "\(n) symbols do not fit in \(limit)-bit codes")
        // Ascending frequency, ties by symbol: the lengths depend only on the frequencies.
        keys.sort()
        let weights = keys.map { $0 >> 16 }
        let depths = huffmanDepths(weights)
        let fits = depths.allSatisfy { $0 <= limit }
        let lengths = fits ? depths : packageMerge(weights, limit: limit)
        for r in 0..<n { result[Int(keys[r] & 0xFFFF)] = UInt8(lengths[r]) }
        return result
    }

    /// Depths of the leaves of a Huffman tree over `weights` (ascending, at least two).
    static func huffmanDepths(_ weights: [UInt64]) -> [Int] {
        let n = weights.count
        // Nodes 0..<n are the leaves, n..<2n−1 the internal nodes in the order they are made (ascending weight).
        var weight = weights + [UInt64](repeating: 0, count: n - 1)
        var parent = [Int](repeating: 0, count: 2 * n - 1)
        var leaf = 0, inner = n
        for node in n..<(2 * n - 1) {
            for _ in 0..<2 {
                // The lighter of the next leaf and the next internal node (the leaf on ties).
                let child: Int
                if leaf < n && (inner >= node || weight[leaf] <= weight[inner]) {
                    child = leaf
                    leaf += 1
                } else {
                    child = inner
                    inner += 1
                }
                weight[node] += weight[child]
                parent[child] = node
            }
        }
        var depth = [Int](repeating: 0, count: 2 * n - 1)
        for node in stride(from: 2 * n - 3, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
        return Array(depth[0..<n])
    }

    /// Optimal lengths no longer than `limit` for `weights` (ascending, at least two, at most 2^limit).
    ///
    /// Package-merge: level 0 lists the leaves by ascending weight; each higher level merges those leaves with the
    /// pairs ("packages") of the level below. Taking the 2n − 2 cheapest items of the top level, and the items their
    /// packages stand for in the levels below, a leaf's length is the number of levels in which it is taken. Leaves
    /// are merged in order, so the leaves taken in a level are the lightest ones.
    static func packageMerge(_ weights: [UInt64], limit: Int) -> [Int] {
        let n = weights.count
        // Every level has at most 2n − 1 items; isLeaf[level · stride + k] tells whether item k is a leaf.
        let stride = 2 * n
        var isLeaf = [Bool](repeating: true, count: stride * limit)
        var below = weights
        var merged: [UInt64] = []
        merged.reserveCapacity(stride)
        for level in 1..<limit {
            merged.removeAll(keepingCapacity: true)
            let pairs = below.count / 2
            var li = 0, pi = 0
            while li < n || pi < pairs {
                if pi < pairs {
                    let package = below[2 * pi] + below[2 * pi + 1]
                    if li >= n || package < weights[li] {
                        isLeaf[level * stride + merged.count] = false
                        merged.append(package)
                        pi += 1
                        continue
                    }
                }
                merged.append(weights[li])
                li += 1
            }
            swap(&below, &merged)
        }
        var lengths = [Int](repeating: 0, count: n)
        var taken = 2 * n - 2
        for level in Swift.stride(from: limit - 1, through: 0, by: -1) {
            var leafCount = 0
            for k in 0..<taken where isLeaf[level * stride + k] { leafCount += 1 }
            for r in 0..<leafCount { lengths[r] += 1 }
            taken = 2 * (taken - leafCount)
        }
        return lengths
    }

    /// Canonical codes (RFC 1951 §3.2.2) for `lengths`, bit-reversed so they can be written least significant first.
    static func codes(_ lengths: [UInt8]) -> [UInt16] {
        var count = [Int](repeating: 0, count: 16)
        for l in lengths where l > 0 { count[Int(l)] += 1 }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for bits in 1...15 {
            code = (code + count[bits - 1]) << 1
            next[bits] = code
        }
        var result = [UInt16](repeating: 0, count: lengths.count)
        for (s, l) in lengths.enumerated() where l > 0 {
            let c = UInt32(next[Int(l)])
            next[Int(l)] += 1
            // Reverse the 32-bit word, keep the top `l` bits.
            var r = c
            r = (r & 0x5555_5555) << 1 | (r >> 1) & 0x5555_5555
            r = (r & 0x3333_3333) << 2 | (r >> 2) & 0x3333_3333
            r = (r & 0x0F0F_0F0F) << 4 | (r >> 4) & 0x0F0F_0F0F
            r = r.byteSwapped
            result[s] = UInt16(r >> (32 - UInt32(l)))
        }
        return result
    }
}
