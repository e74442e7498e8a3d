/// Bits packed least significant first into bytes, as DEFLATE streams them.
struct BitWriter: ~Copyable {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var used = 0
    /// Pending bits, the oldest in the low end; fewer than 32 between calls.
    private var pending: UInt64 = 0
    private var pendingCount = 0

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        buffer = .allocate(capacity: self.capacity)
    }

    deinit { buffer.deallocate() }

    /// Bits written so far, including those not yet flushed.
    var bitCount: Int { used * 8 + pendingCount }

    /// The bytes written (the writer must be byte-aligned).
    var bytes: [UInt8] {
        precondition(pendingCount == 0)
        return Array(UnsafeBufferPointer(start: buffer, count: used))
    }

    private mutating func reserve(_ extra: Int) {
        guard used + extra > capacity else { return }
        let bigger = max(2 * capacity, used + extra)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        grown.update(from: buffer, count: used)
        buffer.deallocate()
        buffer = grown
        capacity = bigger
    }

    /// Appends the low `count` bits of `value` (count ≤ 32).
    @inline(__always)
    mutating func write(_ value: UInt32, count: Int) {
        pending |= UInt64(value) << UInt64(pendingCount)
        pendingCount += count
        if pendingCount >= 32 {
            reserve(4)
            UnsafeMutableRawPointer(buffer + used).storeBytes(of: UInt32(truncatingIfNeeded: pending).littleEndian,
                                                              as: UInt32.self)
            used += 4
            pending >>= 32
            pendingCount -= 32
        }
    }

    /// Pads with zero bits to the next byte boundary and flushes.
    mutating func alignToByte() {
        reserve(4)
        while pendingCount > 0 {
            buffer[used] = UInt8(truncatingIfNeeded: pending)
            used += 1
            pending >>= 8
            pendingCount = max(0, pendingCount - 8)
        }
        pending = 0
    }

    /// Appends whole bytes; the writer must be byte-aligned.
    mutating func append(_ raw: UnsafeRawBufferPointer) {
        precondition(pendingCount == 0)
        guard let base = raw.baseAddress else { return }
        reserve(raw.count)
        UnsafeMutableRawPointer(buffer + used).copyMemory(from: base, byteCount: raw.count)
        used += raw.count
    }

    /// Appends a byte; the writer must be byte-aligned.
    mutating func append(byte: UInt8) {
        precondition(pendingCount == 0)
        reserve(1)
        buffer[used] = byte
        used += 1
    }
}
